namespace Isac.Experiments.Sweeps;

/// <summary>
/// One point of a sweep as handed to an experiment's evaluator: its parameter values, its draw
/// index and the seeds derived from them (see <see cref="SweepGrid"/> for the derivation).
/// </summary>
public sealed class SweepPoint
{
    internal SweepPoint(SweepGrid grid, int index, SweepValue[] values, int draw, ulong drawSeed, ulong pointSeed)
    {
        Grid = grid;
        Index = index;
        Values = values;
        Draw = draw;
        DrawSeed = drawSeed;
        PointSeed = pointSeed;
    }

    /// <summary>The grid this point belongs to.</summary>
    public SweepGrid Grid { get; }

    /// <summary>The point's number in the grid (0-based).</summary>
    public int Index { get; }

    /// <summary>The parameter values, in the grid's axis order.</summary>
    public IReadOnlyList<SweepValue> Values { get; }

    /// <summary>The Monte Carlo draw index (0-based).</summary>
    public int Draw { get; }

    /// <summary>Seed shared by every point of this draw: use it for the random scenario (channels, drops) that all compared schemes must see.</summary>
    public ulong DrawSeed { get; }

    /// <summary>Seed unique to this point: use it for randomness of the method itself (e.g. Gaussian randomisation).</summary>
    public ulong PointSeed { get; }

    /// <summary>A readable, unique key such as <c>elements=8,steering_deg=30,draw=0</c>.</summary>
    public string Key => string.Join(",", Grid.Axes.Select((a, i) => $"{a.Parameter.Name}={Values[i].Canonical}").Append($"draw={Draw}"));

    /// <summary>The value of the named parameter.</summary>
    public SweepValue this[string name]
    {
        get
        {
            int i = Grid.AxisIndex(name);
            return i >= 0 ? Values[i] : throw new KeyNotFoundException($"the sweep has no parameter '{name}'");
        }
    }

    /// <summary>The named numeric parameter.</summary>
    public double Real(string name) => this[name] is { IsText: false } v ? v.Number : throw new InvalidOperationException($"parameter '{name}' is not numeric");

    /// <summary>The named integer parameter.</summary>
    public int Int(string name) => checked((int)Real(name));

    /// <summary>The named choice parameter.</summary>
    public string Text(string name) => this[name].Text ?? throw new InvalidOperationException($"parameter '{name}' is not a choice");

    /// <inheritdoc/>
    public override string ToString() => $"#{Index} ({Key})";
}
