using Isac.Physics.Antennas;

namespace Isac.Network.Geometry;

/// <summary>
/// Where the base stations are, which way their arrays face, which area each cell serves, which
/// cells coordinate with which, and whether the network wraps around.
/// </summary>
/// <remarks>
/// <para>Two kinds: an explicit list of BSs with disk cells (paper B, Section V: three BSs at (0,0),
/// (180,0), (90, 90√3) m; the cell radius is not stated, the default 90 m is half the inter-site
/// distance), every array's broadside along +x and isotropic elements, everyone coordinating with
/// everyone; or a hexagonal grid (<see cref="Hexagonal"/>) of 1, 7 or 19 sites with 1 or 3 sectors per
/// site, optional wrap-around, and a coordination radius.</para>
/// <para>Angles of the model are azimuths from +x. A cell's ULA has its broadside at
/// <see cref="Boresights"/>[cell]; <see cref="ArrayAngle"/> converts an azimuth into the angle from
/// that broadside, which is what the steering vector a(θ) takes (a ULA cannot tell θ from π − θ:
/// the element pattern is what attenuates directions behind a sector antenna).</para>
/// </remarks>
public sealed class NetworkLayout
{
    private readonly Point2[] _bs;
    private readonly double[] _boresight;
    private readonly int[] _site;
    private readonly ICellRegion[] _regions;
    private readonly int[][] _neighbours;

    /// <summary>An explicit list of BSs, each serving the annulus [d_min, R] around it, broadsides along +x, isotropic elements, every BS coordinating with every other.</summary>
    public NetworkLayout(IReadOnlyList<Point2> baseStations, double cellRadius, double minUserDistance, double coordinationRadius = double.PositiveInfinity)
        : this(Check(baseStations, cellRadius, minUserDistance),
               new double[baseStations.Count], Enumerable.Range(0, baseStations.Count).ToArray(),
               baseStations.Select(b => (ICellRegion)new DiskRegion(b, cellRadius, minUserDistance)).ToArray(),
               ElementPattern.Omnidirectional, null, cellRadius, minUserDistance, coordinationRadius, double.NaN,
               $"{string.Join(";", baseStations)}|{cellRadius}" + (double.IsPositiveInfinity(coordinationRadius) ? "" : $"|coord {coordinationRadius}"))
    {
    }

    private NetworkLayout(Point2[] bs, double[] boresight, int[] site, ICellRegion[] regions, ElementPattern pattern, WrapAround? wrap,
        double cellRadius, double minUserDistance, double coordinationRadius, double isd, string key)
    {
        if (!(coordinationRadius >= 0)) throw new ArgumentOutOfRangeException(nameof(coordinationRadius), coordinationRadius, "must be non-negative");
        _bs = bs;
        _boresight = boresight;
        _site = site;
        _regions = regions;
        Pattern = pattern;
        Wrap = wrap;
        CellRadius = cellRadius;
        MinUserDistance = minUserDistance;
        CoordinationRadius = coordinationRadius;
        InterSiteDistance = isd;
        Key = key;
        _neighbours = new int[bs.Length][];
        for (int l = 0; l < bs.Length; l++)
            _neighbours[l] = Enumerable.Range(0, bs.Length).Where(m => m != l && Relative(m, bs[l]).Length <= coordinationRadius + 1e-6).ToArray();
    }

    private static Point2[] Check(IReadOnlyList<Point2> baseStations, double cellRadius, double minUserDistance)
    {
        if (baseStations.Count < 1) throw new ArgumentException("a network needs at least one base station");
        if (!(cellRadius > 0)) throw new ArgumentOutOfRangeException(nameof(cellRadius), cellRadius, "must be positive");
        if (!(minUserDistance >= 0) || minUserDistance >= cellRadius)
            throw new ArgumentOutOfRangeException(nameof(minUserDistance), minUserDistance, "must be in [0, cell radius)");
        return baseStations.ToArray();
    }

    /// <summary>
    /// A hexagonal grid: <paramref name="sites"/> = 1, 7 or 19 sites (0, 1 or 2 rings around a site at
    /// the origin, neighbours at azimuths 0°, 60°, …), each with 1 or 3 sectors. With 3 sectors the
    /// boresights are 30°, 150° and 270° (each sector serves the 120° wedge of its site's hexagon and
    /// faces it with its ULA) and the elements have the 38.901 sector pattern unless
    /// <paramref name="pattern"/> says otherwise; with 1 sector the array's broadside is +x and the
    /// elements are isotropic by default. Cells are numbered site by site, sector by sector.
    /// </summary>
    /// <param name="sites">1, 7 or 19.</param>
    /// <param name="sectorsPerSite">1 or 3.</param>
    /// <param name="interSiteDistance">ISD, m.</param>
    /// <param name="wraparound">Wrap the cluster around (needs 7 or 19 sites).</param>
    /// <param name="minUserDistance">Smallest user distance from its site, m.</param>
    /// <param name="coordinationRadius">BSs at most this far apart (wrapped) exchange locations and count each other's users in their leakage (null: the inter-site distance, i.e. the first tier of sites and the site's other sectors).</param>
    /// <param name="pattern">The element pattern (null: 38.901 sectors for 3 sectors per site, isotropic for 1).</param>
    public static NetworkLayout Hexagonal(int sites, int sectorsPerSite, double interSiteDistance, bool wraparound, double minUserDistance = 10,
        double? coordinationRadius = null, ElementPattern? pattern = null)
    {
        int rings = sites switch
        {
            1 => 0,
            7 => 1,
            19 => 2,
            _ => throw new ArgumentOutOfRangeException(nameof(sites), sites, "a hexagonal grid has 1, 7 or 19 sites"),
        };
        if (sectorsPerSite is not (1 or 3)) throw new ArgumentOutOfRangeException(nameof(sectorsPerSite), sectorsPerSite, "1 or 3 sectors per site");
        if (!(interSiteDistance > 0)) throw new ArgumentOutOfRangeException(nameof(interSiteDistance), interSiteDistance, "must be positive");
        if (!(minUserDistance >= 0) || minUserDistance >= interSiteDistance / 2)
            throw new ArgumentOutOfRangeException(nameof(minUserDistance), minUserDistance, "must be in [0, ISD/2)");
        if (wraparound && rings == 0) throw new ArgumentException("wrap-around needs 7 or 19 sites (one site has no neighbours to wrap)");
        var sitePositions = HexSites(rings, interSiteDistance);
        var bs = new List<Point2>();
        var boresight = new List<double>();
        var site = new List<int>();
        var regions = new List<ICellRegion>();
        for (int s = 0; s < sitePositions.Count; s++)
            for (int k = 0; k < sectorsPerSite; k++)
            {
                double b = sectorsPerSite == 1 ? 0 : Math.PI / 6 + k * 2 * Math.PI / 3;
                bs.Add(sitePositions[s]);
                boresight.Add(b);
                site.Add(s);
                regions.Add(new HexSectorRegion(sitePositions[s], interSiteDistance, b, sectorsPerSite, minUserDistance));
            }
        var elements = pattern ?? (sectorsPerSite == 3 ? ElementPattern.Tr38901Sector : ElementPattern.Omnidirectional);
        double coord = coordinationRadius ?? interSiteDistance;
        string key = $"hex|{sites}|{sectorsPerSite}|{interSiteDistance}|{wraparound}|{minUserDistance}|{coord}|{elements}";
        return new NetworkLayout(bs.ToArray(), boresight.ToArray(), site.ToArray(), regions.ToArray(), elements,
            wraparound ? new WrapAround(rings, interSiteDistance) : null, interSiteDistance / Math.Sqrt(3), minUserDistance, coord, interSiteDistance, key);
    }

    /// <summary>Site positions of a hexagonal cluster: the origin, then ring by ring (axial coordinates (q, r) ↦ ISD·(q + r/2, r√3/2)).</summary>
    public static IReadOnlyList<Point2> HexSites(int rings, double isd)
    {
        var list = new List<Point2> { new(0, 0) };
        for (int ring = 1; ring <= rings; ring++)
        {
            // Start at the ring's corner at azimuth 0 and walk its six sides (ring steps each), counter-clockwise.
            int q = ring, r = 0;
            int[] dq = [-1, -1, 0, 1, 1, 0], dr = [1, 0, -1, -1, 0, 1];
            for (int side = 0; side < 6; side++)
                for (int step = 0; step < ring; step++)
                {
                    list.Add(new Point2(isd * (q + r / 2.0), isd * r * Math.Sqrt(3) / 2));
                    q += dq[side];
                    r += dr[side];
                }
        }
        return list;
    }

    /// <summary>BS positions; the index is the cell index ℓ (sectors of one site share a position).</summary>
    public IReadOnlyList<Point2> BaseStations => _bs;

    /// <summary>Azimuth of each cell's array broadside (the sector boresight), rad.</summary>
    public IReadOnlyList<double> Boresights => _boresight;

    /// <summary>The site of each cell (explicit layouts: one site per cell).</summary>
    public IReadOnlyList<int> Sites => _site;

    /// <summary>The area each cell serves.</summary>
    public IReadOnlyList<ICellRegion> Regions => _regions;

    /// <summary>The element pattern of every array.</summary>
    public ElementPattern Pattern { get; }

    /// <summary>The wrap-around, or null.</summary>
    public WrapAround? Wrap { get; }

    /// <summary>Disk cells: their radius, m; hexagonal grids: the hexagon's circumradius ISD/√3.</summary>
    public double CellRadius { get; }

    /// <summary>Smallest user distance from its BS, m (keeps the path loss finite).</summary>
    public double MinUserDistance { get; }

    /// <summary>BSs at most this far apart (wrapped) coordinate: they exchange their scheduled users' locations and count each other's users in their leakage.</summary>
    public double CoordinationRadius { get; }

    /// <summary>Inter-site distance of a hexagonal grid, m (NaN for explicit layouts).</summary>
    public double InterSiteDistance { get; }

    /// <summary>A string that identifies the layout (part of a map file's environment key).</summary>
    public string Key { get; }

    /// <summary>Number of cells L.</summary>
    public int Cells => _bs.Length;

    /// <summary>The cells BS <paramref name="cell"/> coordinates with (itself excluded).</summary>
    public IReadOnlyList<int> Neighbours(int cell) => _neighbours[cell];

    /// <summary>True when every BS coordinates with every other (the paper's network).</summary>
    public bool FullyCoordinated => _neighbours.All(n => n.Length == Cells - 1);

    /// <summary>True when <paramref name="p"/> lies in cell <paramref name="cell"/>.</summary>
    public bool InCell(int cell, Point2 p) => _regions[cell].Contains(p);

    /// <summary>The vector from BS <paramref name="cell"/> (its image nearest to <paramref name="p"/> when the network wraps around) to <paramref name="p"/>.</summary>
    public Point2 Relative(int cell, Point2 p) => p - (Wrap is null ? _bs[cell] : Wrap.NearestImage(_bs[cell], p));

    /// <summary>The position of BS <paramref name="cell"/> as seen from <paramref name="p"/> (its nearest image when the network wraps around).</summary>
    public Point2 BsSeenFrom(int cell, Point2 p) => Wrap is null ? _bs[cell] : Wrap.NearestImage(_bs[cell], p);

    /// <summary>The angle from cell <paramref name="cell"/>'s array broadside of a direction with azimuth <paramref name="azimuth"/>, in (−π, π].</summary>
    public double ArrayAngle(int cell, double azimuth) => _boresight[cell] == 0 ? azimuth : Angles.Wrap(azimuth - _boresight[cell]);

    /// <summary>The element power gain toward <paramref name="arrayAngle"/> (the angle from the broadside): 1 for isotropic elements.</summary>
    public double ElementGain(double arrayAngle) => Pattern == ElementPattern.Omnidirectional ? 1.0 : Tr38901ElementPattern.PowerGain(arrayAngle);

    /// <summary>The bounding box of all cells: (min corner, max corner).</summary>
    public (Point2 Min, Point2 Max) BoundingBox()
    {
        double x0 = double.MaxValue, y0 = double.MaxValue, x1 = double.MinValue, y1 = double.MinValue;
        foreach (var r in _regions)
        {
            var (a, b) = r.Bounds;
            x0 = Math.Min(x0, a.X); y0 = Math.Min(y0, a.Y); x1 = Math.Max(x1, b.X); y1 = Math.Max(y1, b.Y);
        }
        return (new Point2(x0, y0), new Point2(x1, y1));
    }

    /// <summary>A one-line summary ("3 cells", "19 sites × 3 sectors, ISD 200 m, wrap-around").</summary>
    public string Describe() => double.IsNaN(InterSiteDistance)
        ? $"{Cells} cells"
        : $"{_site.Max() + 1} sites × {Cells / (_site.Max() + 1)} sector(s), ISD {InterSiteDistance} m{(Wrap is null ? "" : ", wrap-around")}, coordination within {CoordinationRadius} m";

    /// <summary>Paper B's three-cell layout with the given cell radius and minimum distance.</summary>
    public static NetworkLayout PaperB(double cellRadius = 90, double minUserDistance = 10) =>
        new([new Point2(0, 0), new Point2(180, 0), new Point2(90, 90 * Math.Sqrt(3))], cellRadius, minUserDistance);
}
