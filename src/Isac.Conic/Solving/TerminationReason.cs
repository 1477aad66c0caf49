namespace Isac.Conic;

/// <summary>
/// Why the interior-point loop stopped (<see cref="ConicSolution.Termination"/>). The status says what
/// the returned point is worth; the reason says what ended the iteration. A
/// <see cref="SolverStatus.ReducedAccuracy"/> or <see cref="SolverStatus.NumericalError"/> result
/// names the breakdown that stopped it, so that a caller (or a bug report) can tell a problem without
/// a strictly feasible point (a stall) from a numerical failure of the Schur complement.
/// </summary>
public enum TerminationReason
{
    /// <summary>Every measure met its tolerance: the scale-free objective and complementarity gaps and the
    /// primal and dual infeasibilities (status <see cref="SolverStatus.Solved"/>).</summary>
    Converged,

    /// <summary>The iterate's y is a ray that proves (P) infeasible to the infeasibility tolerance.</summary>
    PrimalInfeasibilityCertificate,

    /// <summary>The iterate's X is a ray that proves (D) infeasible to the infeasibility tolerance.</summary>
    DualInfeasibilityCertificate,

    /// <summary>A free variable in no constraint row has a nonzero cost: (P) is unbounded along it
    /// before any iteration.</summary>
    UnboundedFreeVariable,

    /// <summary>Eight iterations without halving the best distance to the tolerances (nor either
    /// infeasibility ratio): typical of problems without a strictly feasible point (hinf, qap), where
    /// the objective gap stops shrinking while the iterates stay feasible.</summary>
    Stall,

    /// <summary>Three steps in a row shorter than 1e-6 in both X and (y, Z).</summary>
    ShortSteps,

    /// <summary>The Schur complement (or the free variables' augmented system) failed its Cholesky
    /// factorisation even after the diagonal shifts, or held non-finite entries.</summary>
    SchurNotPositiveDefinite,

    /// <summary>X or Z lost positive definiteness between iterations (its Cholesky factorisation
    /// failed), so no scaling could be formed.</summary>
    IterateNotInterior,

    /// <summary>No step along the direction, shortened eight times, kept X and Z interior.</summary>
    StepFailure,

    /// <summary>Non-finite numbers (NaN or ∞) appeared in the residuals or the direction.</summary>
    NonFinite,

    /// <summary><see cref="SolverSettings.MaxIterations"/> was reached.</summary>
    IterationLimit,

    /// <summary><see cref="SolverSettings.TimeLimit"/> was reached.</summary>
    TimeLimit,

    /// <summary>The caller's cancellation token fired.</summary>
    Cancelled,
}
