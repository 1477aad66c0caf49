namespace Isac.Physics.Antennas;

/// <summary>
/// The antenna element radiation power pattern of 3GPP TR 38.901, Table 7.3-1, in its horizontal
/// cut (zenith 90°, the plane in which a ULA in azimuth steers):
/// A(φ) = −min{12 (φ/φ_3dB)², A_max} dB, φ_3dB = 65°, A_max = 30 dB, and the maximum directional
/// gain of an element G_E,max = 8 dBi, so the element gain is G(φ) = 8 dBi + A(φ).
/// </summary>
/// <remarks>
/// φ is the azimuth from the element's boresight. The vertical cut of the table,
/// A_V(θ) = −min{12((θ − 90°)/θ_3dB)², SLA_V}, θ_3dB = 65°, SLA_V = 30 dB, combined as
/// −min{−(A_V + A_H), A_max}, reduces to A_H at θ = 90°; a model in the horizontal plane only uses that cut.
/// </remarks>
public static class Tr38901ElementPattern
{
    /// <summary>Half-power beamwidth φ_3dB, degrees (Table 7.3-1).</summary>
    public const double HalfPowerBeamwidthDeg = 65;

    /// <summary>Front-to-back ratio A_max, dB (Table 7.3-1).</summary>
    public const double FrontToBackDb = 30;

    /// <summary>Maximum directional gain G_E,max of one element, dBi (Table 7.3-1).</summary>
    public const double MaxGainDbi = 8;

    /// <summary>A(φ) = −min{12(φ/65°)², 30} dB for the azimuth φ (radians) from boresight, wrapped to [−180°, 180°].</summary>
    public static double AttenuationDb(double azimuthFromBoresight)
    {
        double a = Math.Abs(azimuthFromBoresight);
        if (a > Math.PI) a = Math.Abs(Math.IEEERemainder(azimuthFromBoresight, 2 * Math.PI));
        double deg = a * 180 / Math.PI;
        double x = deg / HalfPowerBeamwidthDeg;
        return -Math.Min(12 * x * x, FrontToBackDb);
    }

    /// <summary>The element's power gain G(φ) = 10^((8 + A(φ))/10) relative to an isotropic radiator.</summary>
    public static double PowerGain(double azimuthFromBoresight) => Math.Exp((MaxGainDbi + AttenuationDb(azimuthFromBoresight)) * (Math.Log(10) / 10));
}
