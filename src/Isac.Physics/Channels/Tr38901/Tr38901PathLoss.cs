namespace Isac.Physics.Channels.Tr38901;

/// <summary>
/// Path loss of 3GPP TR 38.901, Table 7.4.1-1, for UMi-Street Canyon and UMa (outdoor users,
/// f_c in GHz, distances in m, PL in dB; the NLoS formula is the default one, not the optional).
/// </summary>
/// <remarks>
/// <para>Breakpoint distance (note 1 of the table): d'_BP = 4 h'_BS h'_UT f_c/c with h' = h − h_E;
/// h_E = 1 m for UMi; for UMa h_E = 1 m with probability 1/(1 + C(d_2D, h_UT)), which is 1 for
/// h_UT ≤ 13 m (C = 0), the only case modelled here (h_UT above 13 m is refused).</para>
/// <para>UMi LoS: PL1 = 32.4 + 21 log10(d_3D) + 20 log10(f_c) for 10 m ≤ d_2D ≤ d'_BP,
/// PL2 = 32.4 + 40 log10(d_3D) + 20 log10(f_c) − 9.5 log10(d'_BP² + (h_BS − h_UT)²) beyond; σ_SF = 4 dB.
/// UMi NLoS: max(PL_LoS, 35.3 log10(d_3D) + 22.4 + 21.3 log10(f_c) − 0.3(h_UT − 1.5)); σ_SF = 7.82 dB.</para>
/// <para>UMa LoS: PL1 = 28.0 + 22 log10(d_3D) + 20 log10(f_c), PL2 = 28.0 + 40 log10(d_3D) + 20 log10(f_c)
/// − 9 log10(d'_BP² + (h_BS − h_UT)²); σ_SF = 4 dB. UMa NLoS: max(PL_LoS, 13.54 + 39.08 log10(d_3D)
/// + 20 log10(f_c) − 0.6(h_UT − 1.5)); σ_SF = 6 dB.</para>
/// <para>The table's validity starts at d_2D = 10 m (UMi) and 10 m (UMa, with 35 m the usual minimum
/// drop distance); shorter distances are evaluated with the same formulas (d_3D ≥ 1 m).</para>
/// </remarks>
public static class Tr38901PathLoss
{
    /// <summary>Speed of light, m/s.</summary>
    public const double SpeedOfLight = 299_792_458.0;

    /// <summary>The breakpoint distance d'_BP = 4(h_BS − 1)(h_UT − 1)f_c/c, m (f_c in GHz).</summary>
    public static double BreakpointDistance(double fcGHz, double hBs, double hUt) => 4 * (hBs - 1) * (hUt - 1) * fcGHz * 1e9 / SpeedOfLight;

    /// <summary>PL in dB for a LoS (<paramref name="los"/>) or NLoS link.</summary>
    /// <param name="env">UMi or UMa.</param>
    /// <param name="los">Line of sight.</param>
    /// <param name="d2D">Horizontal distance, m.</param>
    /// <param name="fcGHz">Carrier, GHz.</param>
    /// <param name="hBs">BS height, m.</param>
    /// <param name="hUt">User height, m (1.5 ≤ h_UT ≤ 13 here).</param>
    public static double Db(Tr38901Environment env, bool los, double d2D, double fcGHz, double hBs, double hUt)
    {
        if (!(hUt >= 1 && hUt <= 13)) throw new ArgumentOutOfRangeException(nameof(hUt), hUt, "user heights in [1, 13] m are modelled");
        if (!(hBs > 1)) throw new ArgumentOutOfRangeException(nameof(hBs), hBs, "the BS must be higher than 1 m");
        double dh = hBs - hUt;
        double d3 = Math.Max(Math.Sqrt(d2D * d2D + dh * dh), 1.0);
        double bp = BreakpointDistance(fcGHz, hBs, hUt);
        double lf = Math.Log10(fcGHz), ld = Math.Log10(d3);
        double pLos = env == Tr38901Environment.UrbanMicro
            ? (d2D <= bp ? 32.4 + 21 * ld + 20 * lf : 32.4 + 40 * ld + 20 * lf - 9.5 * Math.Log10(bp * bp + dh * dh))
            : (d2D <= bp ? 28.0 + 22 * ld + 20 * lf : 28.0 + 40 * ld + 20 * lf - 9 * Math.Log10(bp * bp + dh * dh));
        if (los) return pLos;
        double pNlos = env == Tr38901Environment.UrbanMicro
            ? 35.3 * ld + 22.4 + 21.3 * lf - 0.3 * (hUt - 1.5)
            : 13.54 + 39.08 * ld + 20 * lf - 0.6 * (hUt - 1.5);
        return Math.Max(pLos, pNlos);
    }

    /// <summary>The shadow-fading standard deviation σ_SF, dB (Table 7.4.1-1).</summary>
    public static double ShadowFadingStdDb(Tr38901Environment env, bool los) =>
        los ? 4 : env == Tr38901Environment.UrbanMicro ? 7.82 : 6;
}
