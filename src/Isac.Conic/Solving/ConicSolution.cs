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

    /// <summary>The method that produced the result: "primal-dual" (HKM, predictor-corrector) or
    /// "dual-scaling" (chosen for one PSD block with a sparse pattern and rank-one diagonal rows).</summary>
    public string Algorithm { get; init; } = "primal-dual";

    /// <summary>The dense kernel backend that ran ("managed" or "openblas").</summary>
    public required string Backend { get; init; }

    /// <summary>What ended the iteration (the breakdown behind a <see cref="SolverStatus.ReducedAccuracy"/>
    /// or <see cref="SolverStatus.NumericalError"/>, the limit, or <see cref="TerminationReason.Converged"/>).</summary>
    public TerminationReason Termination { get; init; }

    /// <summary>The scale-free objective gap |⟨C,X⟩ − aᵀy| / D at the returned point, with
    /// D = max(|⟨C,X⟩| + |aᵀy|, min(S_C, S_a), 10⁻³·max(S_C, S_a)), S_C = Σ_k |C_k X_k|, S_a = Σ_i |a_i y_i|
    /// (the size of the objectives' terms, for an optimum of 0; CSDP's 1 added only when C or a vanishes
    /// identically; docs/solver.md, "Termination"); NaN for an
    /// infeasibility certificate. <see cref="SolverStatus.Solved"/> means this, <see cref="ComplementarityGap"/>
    /// and both infeasibilities met their tolerances.</summary>
    public double ObjectiveGap { get; init; } = double.NaN;

    /// <summary>⟨X, Z⟩ over the same denominator as <see cref="ObjectiveGap"/>; NaN for a certificate.</summary>
    public double ComplementarityGap { get; init; } = double.NaN;

    /// <summary>The accuracy reached: the largest of <see cref="ObjectiveGap"/>, <see cref="ComplementarityGap"/>
    /// and the relative primal and dual infeasibilities (DIMACS errors 1 and 3) at the returned point;
    /// NaN for a certificate. At most the tolerances for <see cref="SolverStatus.Solved"/>, at most 1000×
    /// them for <see cref="SolverStatus.ReducedAccuracy"/>.</summary>
    public double Accuracy { get; init; } = double.NaN;

    /// <summary>CSDP's relative duality gap |⟨C,X⟩ − aᵀy| / (1 + |⟨C,X⟩| + |aᵀy|) at the returned point (for
    /// comparison with other solvers; it is absolute for small objectives, see <see cref="ObjectiveGap"/>).</summary>
    public double RelativeGap =>
        Math.Abs(PrimalObjective - DualObjective) / (1 + Math.Abs(PrimalObjective) + Math.Abs(DualObjective));
}
