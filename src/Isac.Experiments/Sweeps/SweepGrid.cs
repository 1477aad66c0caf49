using Isac.Core.Random;

namespace Isac.Experiments.Sweeps;

/// <summary>
/// The points of a sweep: the Cartesian product of its axes times <see cref="Draws"/> Monte Carlo
/// draws, numbered 0 … <see cref="Count"/>−1 with the first axis slowest and the draw fastest.
/// </summary>
/// <remarks>
/// A point's seeds depend on the sweep seed and the point's own coordinates only (the parameter
/// names and values, and the draw index), never on its position in the list, the thread that ran
/// it or the shard it fell into:
/// <code>
/// drawSeed  = Derive(seed, [draw])
/// pointSeed = Derive(Derive(…Derive(seed, "p1=v1")…, "pk=vk"), [draw])
/// </code>
/// The draw seed is common to every point of the same draw (common random numbers: all schemes
/// and thresholds see the same channels); the point seed is unique to the point.
/// </remarks>
public sealed class SweepGrid
{
    private readonly long[] _strides;

    /// <summary>Creates a grid.</summary>
    /// <param name="seed">The sweep seed.</param>
    /// <param name="axes">The parameter axes, slowest first.</param>
    /// <param name="draws">Monte Carlo draws per parameter combination (≥ 1).</param>
    public SweepGrid(ulong seed, IReadOnlyList<SweepAxis> axes, int draws)
    {
        if (draws < 1) throw new ArgumentOutOfRangeException(nameof(draws), draws, "at least one draw");
        if (axes.Any(a => a.Values.Count == 0)) throw new ArgumentException("every axis needs at least one value");
        Seed = seed;
        Axes = axes;
        Draws = draws;
        _strides = new long[axes.Count];
        long count = draws;
        for (int i = axes.Count - 1; i >= 0; i--)
        {
            _strides[i] = count;
            count = checked(count * axes[i].Values.Count);
        }
        if (count > int.MaxValue) throw new ArgumentException($"the sweep has {count} points, more than {int.MaxValue}");
        Count = (int)count;
    }

    /// <summary>The sweep seed.</summary>
    public ulong Seed { get; }

    /// <summary>The parameter axes, slowest-varying first.</summary>
    public IReadOnlyList<SweepAxis> Axes { get; }

    /// <summary>Monte Carlo draws per parameter combination.</summary>
    public int Draws { get; }

    /// <summary>The number of points.</summary>
    public int Count { get; }

    /// <summary>The point with the given index.</summary>
    public SweepPoint Point(int index)
    {
        if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"the sweep has {Count} points");
        var values = new SweepValue[Axes.Count];
        long rest = index;
        ulong pointSeed = Seed;
        for (int i = 0; i < Axes.Count; i++)
        {
            int k = (int)(rest / _strides[i]);
            rest %= _strides[i];
            values[i] = Axes[i].Values[k];
            pointSeed = DeterministicRandom.Derive(pointSeed, $"{Axes[i].Parameter.Name}={values[i].Canonical}");
        }
        int draw = (int)rest;
        return new SweepPoint(this, index, values, draw,
            DeterministicRandom.Derive(Seed, [draw]),
            DeterministicRandom.Derive(pointSeed, [draw]));
    }

    /// <summary>Every point, in index order.</summary>
    public IEnumerable<SweepPoint> Points()
    {
        for (int i = 0; i < Count; i++) yield return Point(i);
    }

    /// <summary>The position of the named axis, or −1.</summary>
    public int AxisIndex(string name)
    {
        for (int i = 0; i < Axes.Count; i++)
        {
            if (Axes[i].Parameter.Name == name) return i;
        }
        return -1;
    }
}
