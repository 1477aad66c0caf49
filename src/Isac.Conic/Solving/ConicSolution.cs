namespace Isac.Conic;

/// <summary>The result of a solve: status, primal and dual values, objectives and quality measures.</summary>
/// <remarks>
/// Blocks follow <see cref="Problem.ConicProblem.Cones"/>: a PSD block of order n is stored full,
/// row-major (n² numbers); a vector block as its n entries. Z is the dual slack
/// Σ y_i A_i − C (for max; C − Σ y_i A_i for min), zero on free blocks. For an infeasible status the
/// values are the certificate described on <see cref="SolverStatus"/>.
/// </remarks>
public sealed record ConicSolution
{
    /// <summary>How the solve ended.</summary>
    public required SolverStatus Status { get; init; }

    /// <summary>⟨C, X⟩ at the returned X.</summary>
    public required double PrimalObjective { get; init; }

    /// <summary>aᵀy at the returned y.</summary>
    public required double DualObjective { get; init; }

    /// <summary>The primal variable X, per block.</summary>
    public required IReadOnlyList<double[]> X { get; init; }

    /// <summary>The dual variable y (one per constraint row).</summary>
    public required double[] Y { get; init; }

    /// <summary>The dual slack Z, per block.</summary>
    public required IReadOnlyList<double[]> Z { get; init; }

    /// <summary>Interior-point iterations taken.</summary>
    public required int Iterations { get; init; }

    /// <summary>Wall time inside the solver (set-up, iterations, final measures; not reading the input).</summary>
    public required TimeSpan SolveTime { get; init; }

    /// <summary>The six DIMACS error measures at the returned point.</summary>
    public required DimacsErrors Dimacs { get; init; }

    /// <summary>The dense kernel backend that ran ("managed" or "openblas").</summary>
    public required string Backend { get; init; }

    /// <summary>Relative duality gap |⟨C,X⟩ − aᵀy| / (1 + |⟨C,X⟩| + |aᵀy|) at the returned point.</summary>
    public double RelativeGap =>
        Math.Abs(PrimalObjective - DualObjective) / (1 + Math.Abs(PrimalObjective) + Math.Abs(DualObjective));
}
