using Isac.Network.Geometry;

namespace Isac.Network.Ckm;

/// <summary>A rectangular grid of square cells over which a map stores one entry per cell.</summary>
/// <param name="Origin">Lower-left corner, m.</param>
/// <param name="Spacing">Cell side, m.</param>
/// <param name="Nx">Cells along x.</param>
/// <param name="Ny">Cells along y.</param>
public sealed record CkmGrid(Point2 Origin, double Spacing, int Nx, int Ny)
{
    /// <summary>Number of grid points N_g.</summary>
    public long Count => (long)Nx * Ny;

    /// <summary>The grid covering the box [min, max] with the given spacing.</summary>
    public static CkmGrid Covering(Point2 min, Point2 max, double spacing)
    {
        if (!(spacing > 0)) throw new ArgumentOutOfRangeException(nameof(spacing), spacing, "must be positive");
        double nx = Math.Ceiling((max.X - min.X) / spacing), ny = Math.Ceiling((max.Y - min.Y) / spacing);
        if (nx * ny > int.MaxValue) throw new ArgumentException($"a grid of {nx}×{ny} points is too large");
        return new CkmGrid(min, spacing, (int)Math.Max(1, nx), (int)Math.Max(1, ny));
    }

    /// <summary>The cell containing <paramref name="p"/>; locations outside the grid go to the nearest edge cell.</summary>
    public (int Ix, int Iy) CellOf(Point2 p)
    {
        int ix = (int)Math.Floor((p.X - Origin.X) / Spacing);
        int iy = (int)Math.Floor((p.Y - Origin.Y) / Spacing);
        return (Math.Clamp(ix, 0, Nx - 1), Math.Clamp(iy, 0, Ny - 1));
    }

    /// <summary>Flat index iy·Nx + ix.</summary>
    public int Index(int ix, int iy) => iy * Nx + ix;

    /// <summary>Centre of a cell.</summary>
    public Point2 Center(int ix, int iy) => new(Origin.X + (ix + 0.5) * Spacing, Origin.Y + (iy + 0.5) * Spacing);
}
