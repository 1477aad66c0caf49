namespace Isac.Precoding.Design;

/// <summary>How a design ended.</summary>
public enum DesignStatus
{
    /// <summary>Precoders were found; every metric is filled in.</summary>
    Solved,

    /// <summary>The SINR target cannot be met (the first convex problem is infeasible, or no recovered
    /// precoder meets it); no precoder. A result, not an error.</summary>
    Infeasible,

    /// <summary>The conic solver failed (numerical trouble, iteration limit) in some problem of some
    /// iteration (see <see cref="DesignResult.FailedIteration"/>); no precoder.</summary>
    SolverFailed,
}

/// <summary>Names of <see cref="DesignStatus"/> as written to files (<c>solved</c>, <c>infeasible</c>, <c>solver-failed</c>).</summary>
public static class DesignStatuses
{
    /// <summary>The file name of a status.</summary>
    public static string Name(this DesignStatus status) => status switch
    {
        DesignStatus.Solved => "solved",
        DesignStatus.Infeasible => "infeasible",
        _ => "solver-failed",
    };
}
