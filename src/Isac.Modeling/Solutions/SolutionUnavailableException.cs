namespace Isac.Modeling.Solutions;

/// <summary>A value, dual or objective was read from a solve that has none (infeasible, unbounded, stopped).</summary>
public sealed class SolutionUnavailableException : InvalidOperationException
{
    /// <summary>Creates the error for a read of <paramref name="what"/> after a solve that ended with <paramref name="status"/>.</summary>
    public SolutionUnavailableException(string what, ModelStatus status)
        : base($"{what} has no value: the solve ended {status}")
    {
        Status = status;
    }

    /// <summary>How the solve ended.</summary>
    public ModelStatus Status { get; }
}
