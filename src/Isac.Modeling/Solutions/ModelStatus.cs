namespace Isac.Modeling.Solutions;

/// <summary>How a model's solve ended.</summary>
public enum ModelStatus
{
    /// <summary>Solved to the solver's tolerances; values and duals are available.</summary>
    Optimal,

    /// <summary>Solved to within 1000× the tolerances; values and duals are available but less accurate.</summary>
    OptimalInaccurate,

    /// <summary>No point satisfies the constraints; no values.</summary>
    Infeasible,

    /// <summary>The objective improves without bound; no values.</summary>
    Unbounded,

    /// <summary>The solver's iteration limit came first; no values.</summary>
    IterationLimit,

    /// <summary>The solver's time limit came first; no values.</summary>
    TimeLimit,

    /// <summary>The solver broke down far from a solution; no values.</summary>
    NumericalError,

    /// <summary>The caller cancelled the solve; no values.</summary>
    Cancelled,
}
