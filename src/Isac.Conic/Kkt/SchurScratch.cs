namespace Isac.Conic.Kkt;

/// <summary>Per-thread scratch space for forming Schur complement columns (each of n² values for the
/// largest block): the panels and products of one column at a time, so that the threads forming
/// different columns share nothing.</summary>
internal sealed class SchurScratch(int maxStored)
{
    /// <summary>A_j W (F1) or the gathered X panel (F3).</summary>
    public double[] T { get; } = new double[maxStored];

    /// <summary>G = X A_j W (F1) or the gathered A_j W panel (F3).</summary>
    public double[] G { get; } = new double[maxStored];

    /// <summary>The columns X[:, R] of the rows R that A_j touches (F1 through sparse rows).</summary>
    public double[] XPanel { get; } = new double[maxStored];
}
