namespace Isac.Network.Geometry;

/// <summary>
/// Wrap-around of a hexagonal cluster of N = 3r² + 3r + 1 sites (r rings around a centre site):
/// the plane is tiled by copies of the cluster shifted by the lattice vectors
/// s_k = R(60°·k)·((r+1)·a₁ + r·a₂), k = 0 … 5, with a₁ = ISD·(1, 0) and a₂ = ISD·(½, √3/2)
/// (|s_k|² = N·ISD², the area of N hexagons). A link from a BS to a point uses the image of the BS
/// (the BS itself or one of its six shifted copies) nearest to the point, so a cell at the edge of
/// the cluster sees the interference of a full network around it.
/// </summary>
public sealed class WrapAround
{
    private readonly Point2[] _shifts; // s_0 = 0, then the six lattice shifts

    /// <summary>The wrap-around of a cluster with <paramref name="rings"/> rings of sites at inter-site distance <paramref name="interSiteDistance"/>.</summary>
    public WrapAround(int rings, double interSiteDistance)
    {
        if (rings < 1) throw new ArgumentOutOfRangeException(nameof(rings), rings, "wrap-around needs at least one ring of sites around the centre");
        Rings = rings;
        var s = new Point2((rings + 1) * interSiteDistance + rings * interSiteDistance / 2, rings * interSiteDistance * Math.Sqrt(3) / 2);
        _shifts = new Point2[7];
        for (int k = 0; k < 6; k++)
        {
            double a = k * Math.PI / 3, c = Math.Cos(a), sn = Math.Sin(a);
            _shifts[k + 1] = new Point2(c * s.X - sn * s.Y, sn * s.X + c * s.Y);
        }
    }

    /// <summary>The rings r of the cluster.</summary>
    public int Rings { get; }

    /// <summary>The seven translations: 0 and the six lattice shifts.</summary>
    public IReadOnlyList<Point2> Shifts => _shifts;

    /// <summary>The image of <paramref name="bs"/> nearest to <paramref name="p"/>.</summary>
    public Point2 NearestImage(Point2 bs, Point2 p)
    {
        var best = bs;
        double bestD = double.PositiveInfinity;
        foreach (var s in _shifts)
        {
            var img = bs + s;
            double dx = p.X - img.X, dy = p.Y - img.Y, d = dx * dx + dy * dy;
            if (d < bestD - 1e-9) { bestD = d; best = img; }
        }
        return best;
    }
}
