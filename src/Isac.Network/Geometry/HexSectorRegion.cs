using Isac.Core.Random;

namespace Isac.Network.Geometry;

/// <summary>
/// A cell of a hexagonal grid: the site's hexagon (the Voronoi cell of the site lattice, flat sides
/// facing the six neighbouring sites at azimuths 0°, 60°, …, circumradius ISD/√3), or with three
/// sectors per site the 120° wedge of it around the sector's boresight (a rhombus), without the
/// disk of radius d_min around the site.
/// </summary>
/// <param name="Site">The site position.</param>
/// <param name="InterSiteDistance">ISD, m.</param>
/// <param name="Boresight">The sector's boresight azimuth, rad (ignored for a whole hexagon).</param>
/// <param name="Sectors">1 (the whole hexagon) or 3.</param>
/// <param name="MinDistance">d_min, m (38.901: 10 m for UMi, 35 m for UMa).</param>
public sealed record HexSectorRegion(Point2 Site, double InterSiteDistance, double Boresight, int Sectors, double MinDistance) : ICellRegion
{
    /// <summary>Circumradius of the site hexagon, ISD/√3.</summary>
    public double HexRadius => InterSiteDistance / Math.Sqrt(3);

    /// <inheritdoc />
    public bool Contains(Point2 p)
    {
        var r = p - Site;
        if (!InHexagon(r, InterSiteDistance)) return false;
        if (r.Length < MinDistance - 1e-9) return false;
        if (Sectors == 1) return true;
        double off = Angles.Wrap(r.Azimuth - Boresight);
        return off >= -Math.PI / 3 - 1e-12 && off < Math.PI / 3 + 1e-12;
    }

    /// <summary>True when the offset <paramref name="r"/> from a site lies in its hexagon: |r·u| ≤ ISD/2 for the three neighbour directions u.</summary>
    public static bool InHexagon(Point2 r, double interSiteDistance)
    {
        double h = interSiteDistance / 2 + 1e-9;
        for (int k = 0; k < 3; k++)
        {
            double a = k * Math.PI / 3;
            if (Math.Abs(r.X * Math.Cos(a) + r.Y * Math.Sin(a)) > h) return false;
        }
        return true;
    }

    /// <summary>Uniform over the region by rejection from its bounding box (at most 1000 tries; the acceptance rate is above 1/4).</summary>
    public Point2 Sample(DeterministicRandom rng)
    {
        var (min, max) = Bounds;
        for (int i = 0; i < 1000; i++)
        {
            var p = new Point2(rng.NextUniform(min.X, max.X), rng.NextUniform(min.Y, max.Y));
            if (Contains(p)) return p;
        }
        throw new InvalidOperationException("could not drop a user in a hexagonal cell (minimum distance too large for the inter-site distance?)");
    }

    /// <inheritdoc />
    public (Point2 Min, Point2 Max) Bounds
    {
        get
        {
            // Hexagon vertices at azimuths 30° + 60°k; a sector is the site and three of them.
            double r = HexRadius;
            double x0 = double.MaxValue, y0 = double.MaxValue, x1 = double.MinValue, y1 = double.MinValue;
            void Take(Point2 q) { x0 = Math.Min(x0, q.X); y0 = Math.Min(y0, q.Y); x1 = Math.Max(x1, q.X); y1 = Math.Max(y1, q.Y); }
            if (Sectors == 1)
                for (int k = 0; k < 6; k++) Take(Site.Offset(r, Math.PI / 6 + k * Math.PI / 3));
            else
            {
                Take(Site);
                for (int k = -1; k <= 1; k++) Take(Site.Offset(r, Boresight + k * Math.PI / 3));
            }
            return (new Point2(x0, y0), new Point2(x1, y1));
        }
    }

    /// <inheritdoc />
    public string Describe() => Sectors == 1
        ? $"the hexagon of its site (inter-site distance {InterSiteDistance} m), users at least {MinDistance} m from the site"
        : $"the 120° sector around boresight {Boresight * 180 / Math.PI:0.#}° of its site's hexagon (inter-site distance {InterSiteDistance} m), users at least {MinDistance} m from the site";
}
