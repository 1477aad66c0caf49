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
/// Storage is paged (16 × 16 grid points per page, allocated when a point of it is first
/// stored), so an on-demand map of a large network holds only the neighbourhoods its queries
/// visit. Locations outside the grid are answered from the nearest edge point.
/// </remarks>
public sealed class ChannelKnowledgeMap
{
    private const int PageSide = 16, PagePoints = PageSide * PageSide;
    private readonly Page?[] _pages;
    private readonly int _pagesX;
    private readonly IApsSource? _source;
    private readonly Complex[][] _binSteering;
    private readonly object _gate = new();
    private long _pageCount;

    /// <summary>One page: the entries of 16 × 16 grid points (count 0 = not built; else 1 + number of entries).</summary>
    private sealed class Page(int sparsity)
    {
        public readonly ushort[] Bins = new ushort[PagePoints * sparsity];
        public readonly float[] Powers = new float[PagePoints * sparsity];
        public readonly byte[] Count = new byte[PagePoints];
    }

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
        _pagesX = (grid.Nx + PageSide - 1) / PageSide;
        int pagesY = (grid.Ny + PageSide - 1) / PageSide;
        _pages = new Page?[(long)_pagesX * pagesY];
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

    /// <summary>Bytes held by the map's storage (the pages allocated so far and the page table).</summary>
    public long MemoryBytes => Interlocked.Read(ref _pageCount) * PageBytes(Settings) + _pages.LongLength * IntPtr.Size;

    /// <summary>Bytes a full map on <paramref name="grid"/> needs.</summary>
    public static long RequiredBytes(CkmGrid grid, CkmSettings settings) => grid.Count * settings.BytesPerPoint;

    private static long PageBytes(CkmSettings s) => (long)PagePoints * s.BytesPerPoint;

    private (Page? Page, int Slot) Locate(int ix, int iy, bool create)
    {
        long p = (long)(iy / PageSide) * _pagesX + ix / PageSide;
        int slot = (iy % PageSide) * PageSide + ix % PageSide;
        var page = Volatile.Read(ref _pages[p]);
        if (page is null && create)
        {
            lock (_gate)
            {
                page = _pages[p];
                if (page is null)
                {
                    page = new Page(Settings.Sparsity);
                    Volatile.Write(ref _pages[p], page);
                    _pageCount++;
                }
            }
        }
        return (page, slot);
    }

    private (int Ix, int Iy) Unflatten(long idx) => ((int)(idx % Grid.Nx), (int)(idx / Grid.Nx));

    /// <summary>The recovered APS at a grid point (building it on demand).</summary>
    public (int[] Bins, double[] Powers) Entry(int ix, int iy)
    {
        var (page, slot) = Locate(ix, iy, false);
        if (page is null || page.Count[slot] == 0)
        {
            Fill(ix, iy);
            (page, slot) = Locate(ix, iy, false);
        }
        int c = page!.Count[slot] - 1, s = Settings.Sparsity;
        var bins = new int[c];
        var powers = new double[c];
        for (int i = 0; i < c; i++)
        {
            bins[i] = page.Bins[slot * s + i];
            powers[i] = page.Powers[slot * s + i];
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

    /// <summary>The recovered paths at <paramref name="location"/> as vectors √α̂_i a(θ_i), one per entry (their sum is <see cref="Query"/>; the sum of their outer products is the APS's covariance).</summary>
    public IReadOnlyList<Complex[]> QueryComponents(Point2 location)
    {
        var (ix, iy) = Grid.CellOf(location);
        var (bins, powers) = Entry(ix, iy);
        var list = new Complex[bins.Length][];
        for (int e = 0; e < bins.Length; e++)
        {
            double amp = Math.Sqrt(powers[e]);
            var a = _binSteering[bins[e]];
            var v = new Complex[Antennas];
            for (int i = 0; i < v.Length; i++) v[i] = amp * a[i];
            list[e] = v;
        }
        return list;
    }

    /// <summary>Builds every grid point (in parallel); returns the wall time.</summary>
    public TimeSpan BuildAll(int maxDegreeOfParallelism = -1, CancellationToken cancel = default)
    {
        var sw = Stopwatch.StartNew();
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancel };
        Parallel.For(0, Grid.Ny, options, iy =>
        {
            for (int ix = 0; ix < Grid.Nx; ix++)
                if (EntryCount(ix, iy) < 0) Fill(ix, iy);
        });
        return sw.Elapsed;
    }

    internal void Store(long idx, ReadOnlySpan<int> bins, ReadOnlySpan<float> powers)
    {
        var (ix, iy) = Unflatten(idx);
        var (page, slot) = Locate(ix, iy, true);
        int s = Settings.Sparsity;
        for (int i = 0; i < bins.Length; i++)
        {
            page!.Bins[slot * s + i] = (ushort)bins[i];
            page.Powers[slot * s + i] = powers[i];
        }
        lock (_gate)
        {
            if (page!.Count[slot] == 0) BuiltCount++;
            page.Count[slot] = (byte)(bins.Length + 1);
        }
    }

    private int EntryCount(int ix, int iy)
    {
        var (page, slot) = Locate(ix, iy, false);
        return page is null || page.Count[slot] == 0 ? -1 : page.Count[slot] - 1;
    }

    internal int EntryCount(long idx)
    {
        var (ix, iy) = Unflatten(idx);
        return EntryCount(ix, iy);
    }

    internal (ushort Bin, float Power) Raw(long idx, int e)
    {
        var (ix, iy) = Unflatten(idx);
        var (page, slot) = Locate(ix, iy, false);
        return (page!.Bins[slot * Settings.Sparsity + e], page.Powers[slot * Settings.Sparsity + e]);
    }

    /// <summary>The flat indices iy·Nx + ix of the built points, in increasing order.</summary>
    internal IEnumerable<long> BuiltIndices()
    {
        for (int iy = 0; iy < Grid.Ny; iy++)
        {
            long rowPage = (long)(iy / PageSide) * _pagesX;
            for (int px = 0; px < _pagesX; px++)
            {
                var page = _pages[rowPage + px];
                if (page is null) continue;
                int slotRow = (iy % PageSide) * PageSide;
                for (int dx = 0; dx < PageSide; dx++)
                {
                    int ix = px * PageSide + dx;
                    if (ix >= Grid.Nx) break;
                    if (page.Count[slotRow + dx] != 0) yield return (long)iy * Grid.Nx + ix;
                }
            }
        }
    }

    private void Fill(int ix, int iy)
    {
        if (_source is null)
            throw new InvalidOperationException($"map of BS {Bs} has no entry at grid point ({ix}, {iy}) and no measurement source to build it");
        var (bins, powers) = _source.Measure(ix, iy);
        Store((long)Grid.Index(ix, iy), bins, powers.Select(p => (float)p).ToArray());
    }
}
