namespace Isac.Physics.Channels.Tr38901;

/// <summary>
/// The parameters of 3GPP TR 38.901 Table 7.5-6 (Part 1) that a ULA in azimuth needs, for one
/// scenario and link state, plus the spatial-consistency correlation distances of Table 7.6.3.1-2.
/// </summary>
/// <remarks>
/// Kept: the azimuth spread of departure lgASD = log10(ASD/1°) ~ N(μ, σ²), the shadow-fading σ_SF,
/// the Ricean K-factor (LoS) K ~ N(μ_K, σ_K²) dB, the delay scaling r_τ, the number of clusters N
/// (M = 20 rays each), the cluster ASD c_ASD (degrees), the per-cluster shadowing ζ (dB), and the
/// correlation distances of SF, K and ASD (Table 7.5-6) and of the LoS state and of the
/// cluster-specific random variables (Table 7.6.3.1-2). Not needed for a narrowband ULA in
/// azimuth: the delay spread (the cluster powers depend on the delays only through τ_n/DS, see
/// <see cref="Tr38901Clusters"/>), the arrival and zenith spreads, XPR. The frequency-dependent
/// entries use f_c in GHz, floored at 2 GHz (UMi) and 6 GHz (UMa) as the table's notes say.
/// </remarks>
/// <param name="LgAsdMean">μ_lgASD.</param>
/// <param name="LgAsdStd">σ_lgASD.</param>
/// <param name="ShadowFadingStdDb">σ_SF, dB.</param>
/// <param name="KMeanDb">μ_K, dB (NLoS: none, NaN).</param>
/// <param name="KStdDb">σ_K, dB.</param>
/// <param name="DelayScaling">r_τ.</param>
/// <param name="Clusters">N.</param>
/// <param name="ClusterAsdDeg">c_ASD, degrees.</param>
/// <param name="ClusterShadowingDb">ζ, dB.</param>
/// <param name="AsdCorrelationM">Correlation distance of ASD, m.</param>
/// <param name="ShadowFadingCorrelationM">Correlation distance of SF, m.</param>
/// <param name="KCorrelationM">Correlation distance of K, m (NLoS: NaN).</param>
/// <param name="ClusterCorrelationM">Correlation distance of the cluster-specific random variables, m (Table 7.6.3.1-2).</param>
public sealed record Tr38901Parameters(
    double LgAsdMean, double LgAsdStd, double ShadowFadingStdDb, double KMeanDb, double KStdDb,
    double DelayScaling, int Clusters, double ClusterAsdDeg, double ClusterShadowingDb,
    double AsdCorrelationM, double ShadowFadingCorrelationM, double KCorrelationM, double ClusterCorrelationM)
{
    /// <summary>Rays per cluster M (Table 7.5-6).</summary>
    public const int RaysPerCluster = 20;

    /// <summary>Correlation distance of the LoS/NLoS state, m (Table 7.6.3.1-2: 50 m for UMi and UMa).</summary>
    public const double LosStateCorrelationM = 50;

    /// <summary>True for a LoS parameter set.</summary>
    public bool Los => !double.IsNaN(KMeanDb);

    /// <summary>The parameters of <paramref name="env"/> in state <paramref name="los"/> at carrier <paramref name="fcGHz"/>.</summary>
    public static Tr38901Parameters For(Tr38901Environment env, bool los, double fcGHz)
    {
        if (env == Tr38901Environment.UrbanMicro)
        {
            double l = Math.Log10(1 + Math.Max(fcGHz, 2));
            return los
                ? new Tr38901Parameters(-0.05 * l + 1.21, 0.41, 4, 9, 5, 3, 12, 3, 3, 8, 10, 15, 12)
                : new Tr38901Parameters(-0.23 * l + 1.53, 0.11 * l + 0.33, 7.82, double.NaN, double.NaN, 2.1, 19, 10, 3, 10, 13, double.NaN, 12);
        }
        double f = Math.Log10(Math.Max(fcGHz, 6));
        return los
            ? new Tr38901Parameters(1.06 + 0.1114 * f, 0.28, 4, 9, 3.5, 2.5, 12, 5, 3, 18, 37, 12, 40)
            : new Tr38901Parameters(1.5 - 0.1144 * f, 0.28, 6, double.NaN, double.NaN, 2.3, 20, 2, 3, 50, 50, double.NaN, 40);
    }

    /// <summary>C_φ^NLOS, the scaling of the AoD generation for N clusters (Table 7.5-2).</summary>
    public static double AzimuthScaling(int clusters) => clusters switch
    {
        4 => 0.779, 5 => 0.860, 8 => 1.018, 10 => 1.090, 11 => 1.123, 12 => 1.146, 14 => 1.190,
        15 => 1.211, 16 => 1.226, 19 => 1.273, 20 => 1.289, 25 => 1.358,
        _ => throw new ArgumentOutOfRangeException(nameof(clusters), clusters, "Table 7.5-2 has no C_φ for this number of clusters"),
    };

    /// <summary>The ray offset angles α_m of Table 7.5-3 (for a cluster rms spread of 1°), m = 1 … 20.</summary>
    public static ReadOnlySpan<double> RayOffsets =>
    [
        0.0447, -0.0447, 0.1413, -0.1413, 0.2492, -0.2492, 0.3715, -0.3715, 0.5129, -0.5129,
        0.6797, -0.6797, 0.8844, -0.8844, 1.1481, -1.1481, 1.5195, -1.5195, 2.1551, -2.1551,
    ];
}
