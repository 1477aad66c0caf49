namespace Isac.Network.Geometry;

/// <summary>
/// Where the base stations are and which area each cell covers: a disk of
/// <see cref="CellRadius"/> around its BS, users no closer than <see cref="MinUserDistance"/>.
/// </summary>
/// <remarks>
/// Paper B, Section V: three BSs at (0,0), (180,0), (90, 90√3) m. The cell radius is not
/// stated; the default scenario uses half the inter-site distance (90 m) so neighbouring cells
/// touch. Each BS has a ULA whose broadside is the +x axis (angles are azimuths measured from
/// +x); see docs/network.md for what that means for users on the far side of the array.
/// </remarks>
public sealed record NetworkLayout
{
    /// <summary>Creates a layout and checks it.</summary>
    public NetworkLayout(IReadOnlyList<Point2> baseStations, double cellRadius, double minUserDistance)
    {
        if (baseStations.Count < 1) throw new ArgumentException("a network needs at least one base station");
        if (!(cellRadius > 0)) throw new ArgumentOutOfRangeException(nameof(cellRadius), cellRadius, "must be positive");
        if (!(minUserDistance >= 0) || minUserDistance >= cellRadius)
            throw new ArgumentOutOfRangeException(nameof(minUserDistance), minUserDistance, "must be in [0, cell radius)");
        BaseStations = baseStations.ToArray();
        CellRadius = cellRadius;
        MinUserDistance = minUserDistance;
    }

    /// <summary>BS positions; the index is the cell index ℓ.</summary>
    public IReadOnlyList<Point2> BaseStations { get; }

    /// <summary>Radius of each cell's disk, m.</summary>
    public double CellRadius { get; }

    /// <summary>Smallest user distance from its BS, m (keeps the path loss α0·d^−η finite).</summary>
    public double MinUserDistance { get; }

    /// <summary>Number of cells L.</summary>
    public int Cells => BaseStations.Count;

    /// <summary>True when <paramref name="p"/> lies in cell <paramref name="cell"/> (inside its disk, outside the minimum distance).</summary>
    public bool InCell(int cell, Point2 p)
    {
        double d = p.DistanceTo(BaseStations[cell]);
        return d <= CellRadius + 1e-9 && d >= MinUserDistance - 1e-9;
    }

    /// <summary>The bounding box of all cells: (min corner, max corner).</summary>
    public (Point2 Min, Point2 Max) BoundingBox()
    {
        double r = CellRadius;
        return (new Point2(BaseStations.Min(b => b.X) - r, BaseStations.Min(b => b.Y) - r),
                new Point2(BaseStations.Max(b => b.X) + r, BaseStations.Max(b => b.Y) + r));
    }

    /// <summary>Paper B's three-cell layout with the given cell radius and minimum distance.</summary>
    public static NetworkLayout PaperB(double cellRadius = 90, double minUserDistance = 10) =>
        new([new Point2(0, 0), new Point2(180, 0), new Point2(90, 90 * Math.Sqrt(3))], cellRadius, minUserDistance);
}
