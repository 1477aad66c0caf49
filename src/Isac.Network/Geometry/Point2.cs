namespace Isac.Network.Geometry;

/// <summary>A point (or displacement) in the plane, metres.</summary>
/// <param name="X">East coordinate, m.</param>
/// <param name="Y">North coordinate, m.</param>
public readonly record struct Point2(double X, double Y)
{
    /// <summary>Vector sum.</summary>
    public static Point2 operator +(Point2 a, Point2 b) => new(a.X + b.X, a.Y + b.Y);

    /// <summary>Vector difference.</summary>
    public static Point2 operator -(Point2 a, Point2 b) => new(a.X - b.X, a.Y - b.Y);

    /// <summary>Scaling.</summary>
    public static Point2 operator *(double s, Point2 a) => new(s * a.X, s * a.Y);

    /// <summary>Euclidean length.</summary>
    public double Length => Math.Sqrt(X * X + Y * Y);

    /// <summary>Azimuth atan2(y, x) in radians, in (−π, π].</summary>
    public double Azimuth => Math.Atan2(Y, X);

    /// <summary>Distance to another point.</summary>
    public double DistanceTo(Point2 other) => (other - this).Length;

    /// <summary>The point at distance <paramref name="r"/> and azimuth <paramref name="azimuth"/> from this one.</summary>
    public Point2 Offset(double r, double azimuth) => new(X + r * Math.Cos(azimuth), Y + r * Math.Sin(azimuth));
}
