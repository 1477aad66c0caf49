namespace Isac.Experiments.Sweeps;

/// <summary>How to run a sweep.</summary>
public sealed record SweepOptions
{
    /// <summary>Worker threads (default: every core).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Continue the sweep stored in the folder (refused when its scenario or shard differs).</summary>
    public bool Resume { get; init; }

    /// <summary>Discard a sweep stored in the folder and start again.</summary>
    public bool Overwrite { get; init; }

    /// <summary>The slice of the grid to run.</summary>
    public Shard Shard { get; init; } = Shard.Whole;
}
