namespace Isac.Conic;

/// <summary>How much the solver writes to the log writer it was handed.</summary>
public enum Verbosity
{
    /// <summary>Nothing.</summary>
    Silent,

    /// <summary>The banner (sizes, cones, backend) and the final summary.</summary>
    Summary,

    /// <summary>The banner, one row per iteration, and the summary.</summary>
    Iterations,
}
