namespace Isac.Network.Geometry;

/// <summary>Angle helpers.</summary>
public static class Angles
{
    /// <summary>The angle wrapped to (−π, π].</summary>
    public static double Wrap(double a)
    {
        if (a > Math.PI || a <= -Math.PI)
        {
            // Most angles are within a turn or two of the range: subtract whole turns, rounding to the nearest.
            a -= 2 * Math.PI * Math.Round(a / (2 * Math.PI));
            if (a <= -Math.PI) a += 2 * Math.PI;
            else if (a > Math.PI) a -= 2 * Math.PI;
        }
        return a;
    }

    /// <summary>Degrees to radians.</summary>
    public static double Radians(double degrees) => degrees * Math.PI / 180;

    /// <summary>Radians to degrees.</summary>
    public static double Degrees(double radians) => radians * 180 / Math.PI;
}
