namespace Isac.Conic;

/// <summary>How a solve ended. Infeasible problems are statuses, never exceptions.</summary>
/// <remarks>Primal and dual refer to (P) and (D) of <see cref="Problem.ConicProblem"/>, which are
/// CSDP's labels: an SDPA file's "primal" is (D) here, so SDPLIB's infp1 is <see cref="DualInfeasible"/>.</remarks>
public enum SolverStatus
{
    /// <summary>Relative gap and both relative infeasibilities below the tolerances.</summary>
    Solved,

    /// <summary>Stopped (stall or numerical trouble) with a point within 1000× the tolerances:
    /// usable, but less accurate than asked.</summary>
    ReducedAccuracy,

    /// <summary>(P) has no feasible X; the solution's y, Z hold a certificate: aᵀy = −1 (for max)
    /// and Σ y_i A_i = Z ∈ K* (approximately).</summary>
    PrimalInfeasible,

    /// <summary>(D) has no feasible y (so (P) is unbounded if feasible); the solution's X holds a
    /// certificate: A(X) = 0, ⟨C, X⟩ = 1 (for max), X ∈ K (approximately).</summary>
    DualInfeasible,

    /// <summary>The iteration limit was reached first.</summary>
    MaxIterations,

    /// <summary>The time limit was reached first.</summary>
    TimeLimit,

    /// <summary>The iteration broke down (a Schur complement that is not positive definite,
    /// no progress) far from a solution.</summary>
    NumericalError,

    /// <summary>The caller's cancellation token fired; the last iterate is returned.</summary>
    Cancelled,
}
