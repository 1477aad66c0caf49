using Isac.Core.Random;

namespace Isac.Network.Geometry;

/// <summary>An annulus d ∈ [d_min, R] around a BS: paper B's cells (Section V gives the BS positions only; the disk is the project's choice).</summary>
/// <param name="Center">The BS position.</param>
/// <param name="Radius">R, m.</param>
/// <param name="MinDistance">d_min, m.</param>
public sealed record DiskRegion(Point2 Center, double Radius, double MinDistance) : ICellRegion
{
    /// <inheritdoc />
    public bool Contains(Point2 p)
    {
        double d = p.DistanceTo(Center);
        return d <= Radius + 1e-9 && d >= MinDistance - 1e-9;
    }

    /// <summary>Uniform over the annulus area: d = √U(d_min², R²), azimuth U(0, 2π) (two draws, in that order).</summary>
    public Point2 Sample(DeterministicRandom rng)
    {
        double d = Math.Sqrt(rng.NextUniform(MinDistance * MinDistance, Radius * Radius));
        double az = rng.NextUniform(0, 2 * Math.PI);
        return Center.Offset(d, az);
    }

    /// <inheritdoc />
    public (Point2 Min, Point2 Max) Bounds => (new Point2(Center.X - Radius, Center.Y - Radius), new Point2(Center.X + Radius, Center.Y + Radius));

    /// <inheritdoc />
    public string Describe() => $"a disk of {Radius} m around its BS, users at least {MinDistance} m from it";
}
