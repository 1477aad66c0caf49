namespace Isac.Experiments.Sweeps;

/// <summary>A point's evaluation threw: the sweep stopped (the points finished before it are kept).</summary>
public sealed class SweepFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SweepFailedException(string experiment, SweepPoint point, Exception inner)
        : base($"{experiment}: point {point.Index} ({point.Key}) failed: {inner.GetType().Name}: {inner.Message}", inner)
    {
        PointKey = point.Key;
    }

    /// <summary>The failing point's key.</summary>
    public string PointKey { get; }
}
