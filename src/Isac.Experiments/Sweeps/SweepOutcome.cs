namespace Isac.Experiments.Sweeps;

/// <summary>What a sweep run left behind.</summary>
/// <param name="Directory">The results folder.</param>
/// <param name="Done">Points of the slice stored in the folder.</param>
/// <param name="Total">Points in the slice.</param>
/// <param name="RanNow">Points this invocation computed.</param>
/// <param name="Interrupted">True when cancelled before the slice was complete.</param>
public sealed record SweepOutcome(string Directory, int Done, int Total, int RanNow, bool Interrupted)
{
    /// <summary>True when every point of the slice is stored.</summary>
    public bool Complete => Done == Total;
}
