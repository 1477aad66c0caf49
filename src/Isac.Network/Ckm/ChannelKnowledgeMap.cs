using Complex = System.Numerics.Complex;
using System.Diagnostics;
using Isac.Network.Channels;
using Isac.Network.Geometry;

namespace Isac.Network.Ckm;

/// <summary>
/// One BS's channel knowledge map: for every grid point the recovered sparse APS (N_p angle bins
/// and powers), and the channel estimate ĥ = Σ_i √α̂_i a(θ_i) (eq. (36)) for a queried location.
/// </summary>
/// <remarks>
/// Only the sparse APS is stored (N_p·6 bytes + 1 per point), not ĥ (N_t·16 bytes): the paper's
/// 3-cell area at 0.4 m is about 7.6·10⁵ points per BS, 17 MB as APS against 390 MB as channels.
/// A map is either built in full (<see cref="BuildAll"/>) or filled on demand at the points that
/// are queried; both give identical entries because each point's measurement has its own seed.
/// Locations outside the grid are answered from the nearest edge point.
/// </remarks>
public sealed class ChannelKnowledgeMap
{
    private readonly ushort[] _bins;
    private readonly float[] _powers;
    private readonly byte[] _count; // 0 = not built; else 1 + number of entries
    private readonly IApsSource? _source;
    private readonly Complex[][] _binSteering;
    private readonly object _gate = new();

    /// <summary>Creates an empty map; <paramref name="source"/> fills points on demand (null: a loaded, read-only map).</summary>
    /// <param name="bs">The BS index.</param>
    /// <param name="grid">The grid.</param>
    /// <param name="settings">Construction settings.</param>
    /// <param name="antennas">N_t.</param>
    /// <param name="source">Measurement source for points not yet built, or null.</param>
    /// <param name="environmentKey">Identifies the environment the map describes (scenario and seed), so a map file is never used for another one.</param>
    public ChannelKnowledgeMap(int bs, CkmGrid grid, CkmSettings settings, int antennas, IApsSource? source, ulong environmentKey = 0)
    {
        Bs = bs;
        EnvironmentKey = environmentKey;
        Grid = grid;
        Settings = settings;
        Antennas = antennas;
        _source = source;
        long count = grid.Count;
        _bins = new ushort[count * settings.Sparsity];
        _powers = new float[count * settings.Sparsity];
        _count = new byte[count];
        var steer = new SteeringVector(antennas);
        _binSteering = Enumerable.Range(0, settings.AngularBins).Select(i => steer.At(settings.BinAngle(i))).ToArray();
    }

    /// <summary>The environment key (0 when unknown).</summary>
    public ulong EnvironmentKey { get; }

    /// <summary>The BS the map belongs to.</summary>
    public int Bs { get; }

    /// <summary>The grid.</summary>
    public CkmGrid Grid { get; }

    /// <summary>The construction settings.</summary>
    public CkmSettings Settings { get; }

    /// <summary>N_t.</summary>
    public int Antennas { get; }

    /// <summary>Number of grid points with an entry.</summary>
    public long BuiltCount { get; private set; }

    /// <summary>Bytes held by the map's storage.</summary>
    public long MemoryBytes => _bins.LongLength * sizeof(ushort) + _powers.LongLength * sizeof(float) + _count.LongLength;

    /// <summary>Bytes a full map on <paramref name="grid"/> needs.</summary>
    public static long RequiredBytes(CkmGrid grid, CkmSettings settings) => grid.Count * settings.BytesPerPoint;

    /// <summary>The recovered APS at a grid point (building it on demand).</summary>
    public (int[] Bins, double[] Powers) Entry(int ix, int iy)
    {
        int idx = Grid.Index(ix, iy);
        if (_count[idx] == 0) Fill(ix, iy);
        int c = _count[idx] - 1, s = Settings.Sparsity;
        var bins = new int[c];
        var powers = new double[c];
        for (int i = 0; i < c; i++)
        {
            bins[i] = _bins[idx * s + i];
            powers[i] = _powers[idx * s + i];
        }
        return (bins, powers);
    }

    /// <summary>The channel estimate ĥ (eq. (36)) for a user at <paramref name="location"/>.</summary>
    public Complex[] Query(Point2 location)
    {
        var (ix, iy) = Grid.CellOf(location);
        var (bins, powers) = Entry(ix, iy);
        var h = new Complex[Antennas];
        for (int e = 0; e < bins.Length; e++)
        {
            double amp = Math.Sqrt(powers[e]);
            var a = _binSteering[bins[e]];
            for (int i = 0; i < h.Length; i++) h[i] += amp * a[i];
        }
        return h;
    }

    /// <summary>Builds every grid point (in parallel); returns the wall time.</summary>
    public TimeSpan BuildAll(int maxDegreeOfParallelism = -1, CancellationToken cancel = default)
    {
        var sw = Stopwatch.StartNew();
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancel };
        Parallel.For(0, Grid.Ny, options, iy =>
        {
            for (int ix = 0; ix < Grid.Nx; ix++)
                if (_count[Grid.Index(ix, iy)] == 0) Fill(ix, iy);
        });
        return sw.Elapsed;
    }

    internal void Store(int idx, ReadOnlySpan<int> bins, ReadOnlySpan<float> powers)
    {
        int s = Settings.Sparsity;
        for (int i = 0; i < bins.Length; i++)
        {
            _bins[idx * s + i] = (ushort)bins[i];
            _powers[idx * s + i] = powers[i];
        }
        lock (_gate)
        {
            if (_count[idx] == 0) BuiltCount++;
            _count[idx] = (byte)(bins.Length + 1);
        }
    }

    internal int EntryCount(int idx) => _count[idx] == 0 ? -1 : _count[idx] - 1;

    internal (ushort Bin, float Power) Raw(int idx, int e) => (_bins[idx * Settings.Sparsity + e], _powers[idx * Settings.Sparsity + e]);

    private void Fill(int ix, int iy)
    {
        if (_source is null)
            throw new InvalidOperationException($"map of BS {Bs} has no entry at grid point ({ix}, {iy}) and no measurement source to build it");
        var (bins, powers) = _source.Measure(ix, iy);
        Store(Grid.Index(ix, iy), bins, powers.Select(p => (float)p).ToArray());
    }
}
