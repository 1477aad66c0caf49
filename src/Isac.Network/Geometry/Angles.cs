namespace Isac.Network.Geometry;

/// <summary>Angle helpers.</summary>
public static class Angles
{
    /// <summary>The angle wrapped to (−π, π].</summary>
    public static double Wrap(double a)
    {
        a = Math.IEEERemainder(a, 2 * Math.PI);
        return a <= -Math.PI ? a + 2 * Math.PI : a;
    }

    /// <summary>Degrees to radians.</summary>
    public static double Radians(double degrees) => degrees * Math.PI / 180;

    /// <summary>Radians to degrees.</summary>
    public static double Degrees(double radians) => radians * 180 / Math.PI;
}
