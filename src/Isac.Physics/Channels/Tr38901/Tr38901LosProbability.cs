namespace Isac.Physics.Channels.Tr38901;

/// <summary>
/// The LoS probability of 3GPP TR 38.901, Table 7.4.2-1 (outdoor users):
/// UMi-Street Canyon: Pr = 1 for d_2D ≤ 18 m, else 18/d_2D + exp(−d_2D/36)(1 − 18/d_2D);
/// UMa: Pr = 1 for d_2D ≤ 18 m, else [18/d_2D + exp(−d_2D/63)(1 − 18/d_2D)]·(1 + C'(h_UT)·(5/4)(d_2D/100)³exp(−d_2D/150)),
/// C'(h_UT) = 0 for h_UT ≤ 13 m, ((h_UT − 13)/10)^1.5 for 13 m &lt; h_UT ≤ 23 m.
/// </summary>
public static class Tr38901LosProbability
{
    /// <summary>Pr_LoS at horizontal distance <paramref name="d2D"/> (m) for a user at height <paramref name="hUt"/> (m).</summary>
    public static double Of(Tr38901Environment env, double d2D, double hUt = 1.5)
    {
        if (d2D <= 18) return 1;
        if (env == Tr38901Environment.UrbanMicro) return 18 / d2D + Math.Exp(-d2D / 36) * (1 - 18 / d2D);
        double c = hUt <= 13 ? 0 : Math.Pow((hUt - 13) / 10, 1.5);
        double x = d2D / 100;
        return (18 / d2D + Math.Exp(-d2D / 63) * (1 - 18 / d2D)) * (1 + c * 1.25 * x * x * x * Math.Exp(-d2D / 150));
    }
}
