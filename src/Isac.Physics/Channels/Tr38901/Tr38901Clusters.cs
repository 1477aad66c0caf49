namespace Isac.Physics.Channels.Tr38901;

/// <summary>
/// Steps 5-7 of the fast-fading procedure of 3GPP TR 38.901 Section 7.5, reduced to what a ULA in
/// azimuth needs: cluster powers from the delays and the per-cluster shadowing, the Ricean LoS
/// ray, the removal of weak clusters, and the azimuths of departure of the clusters and of their
/// M = 20 rays. The output is the set of rays (azimuth, power fraction; the fractions sum to 1 up
/// to the removed clusters) that the channel (Step 11, with random ray phases) is built from.
/// </summary>
/// <remarks>
/// <para>Delays (7.5-1, 7.5-2): τ'_n = −r_τ·DS·ln X_n, X_n ~ U(0, 1), sorted and shifted to start at 0.
/// Powers (7.5-5, 7.5-6): P'_n = exp(−τ_n(r_τ − 1)/(r_τ DS))·10^(−Z_n/10), Z_n ~ N(0, ζ²), normalised.
/// Only τ_n/DS enters, so DS itself is not needed and is not drawn.</para>
/// <para>LoS (7.5-8): P_n^LOS = P_n/(K_R + 1) + δ(n − 1)·K_R/(K_R + 1), K_R the linear K-factor;
/// clusters below −25 dB of the strongest are removed.</para>
/// <para>AoD (7.5-9 to 7.5-13): φ'_n = 2(ASD/1.4)√(−ln(P_n/max P))/C_φ with C_φ = C_φ^NLOS(N), times
/// (1.1035 − 0.028K − 0.002K² + 0.0001K³) in LoS (K in dB); φ_n = X_n φ'_n + Y_n + φ_LOS with
/// X_n ∈ {−1, 1} uniform, Y_n ~ N(0, (ASD/7)²); in LoS the first cluster is moved onto the LoS
/// direction, φ_n = (X_nφ'_n + Y_n) − (X_1φ'_1 + Y_1) + φ_LOS. Rays (7.5-13): φ_n,m = φ_n + c_ASD·α_m.</para>
/// <para>Ray powers for the channel (7.5-22, 7.5-30): P_n/M per ray of cluster n, times 1/(K_R + 1) in
/// LoS, plus the LoS ray with K_R/(K_R + 1).</para>
/// </remarks>
public static class Tr38901Clusters
{
    /// <summary>Clusters weaker than this fraction of the strongest are removed (−25 dB).</summary>
    public const double RemovalThreshold = 0.0031622776601683794;

    /// <summary>The most rays <see cref="Generate"/> writes for <paramref name="p"/>.</summary>
    public static int MaxRays(Tr38901Parameters p) => p.Clusters * Tr38901Parameters.RaysPerCluster + 1;

    /// <summary>Writes the rays of one link; returns how many.</summary>
    /// <param name="p">The scenario's parameters for the link's state.</param>
    /// <param name="asdDeg">The link's ASD, degrees (10^lgASD).</param>
    /// <param name="kDb">The link's K-factor, dB (ignored in NLoS).</param>
    /// <param name="delayUniforms">X_n ∈ (0, 1) for the delays, one per cluster.</param>
    /// <param name="shadowNormals">Standard normal draws for Z_n/ζ, one per cluster.</param>
    /// <param name="signs">Draws whose sign gives X_n ∈ {−1, 1} of the AoD, one per cluster.</param>
    /// <param name="offsetNormals">Standard normal draws for Y_n/(ASD/7), one per cluster.</param>
    /// <param name="losAzimuthRad">φ_LOS, the azimuth of the direct path, rad.</param>
    /// <param name="rayAzimuthRad">Output azimuths, rad (length ≥ <see cref="MaxRays"/>).</param>
    /// <param name="rayPower">Output power fractions.</param>
    public static int Generate(Tr38901Parameters p, double asdDeg, double kDb, ReadOnlySpan<double> delayUniforms, ReadOnlySpan<double> shadowNormals,
        ReadOnlySpan<double> signs, ReadOnlySpan<double> offsetNormals, double losAzimuthRad, Span<double> rayAzimuthRad, Span<double> rayPower)
    {
        int n = p.Clusters;
        Span<double> tau = stackalloc double[n];
        for (int i = 0; i < n; i++) tau[i] = -p.DelayScaling * Math.Log(Math.Clamp(delayUniforms[i], 1e-12, 1 - 1e-12));
        tau.Sort();
        double t0 = tau[0], sum = 0;
        Span<double> power = stackalloc double[n];
        for (int i = 0; i < n; i++)
        {
            power[i] = Math.Exp(-(tau[i] - t0) * (p.DelayScaling - 1) / p.DelayScaling) * Math.Pow(10, -p.ClusterShadowingDb * shadowNormals[i] / 10);
            sum += power[i];
        }
        for (int i = 0; i < n; i++) power[i] /= sum;

        bool los = p.Los;
        double kr = los ? Math.Pow(10, kDb / 10) : 0;
        Span<double> anglePower = stackalloc double[n];
        double max = 0;
        for (int i = 0; i < n; i++)
        {
            anglePower[i] = power[i] / (kr + 1) + (i == 0 ? kr / (kr + 1) : 0);
            max = Math.Max(max, anglePower[i]);
        }
        double cPhi = Tr38901Parameters.AzimuthScaling(n);
        if (los) cPhi *= 1.1035 - 0.028 * kDb - 0.002 * kDb * kDb + 0.0001 * kDb * kDb * kDb;

        double first = 0;
        int rays = 0;
        var offsets = Tr38901Parameters.RayOffsets;
        double rayShare = 1.0 / ((kr + 1) * Tr38901Parameters.RaysPerCluster);
        for (int i = 0; i < n; i++)
        {
            if (anglePower[i] < RemovalThreshold * max) continue;
            double spread = 2 * (asdDeg / 1.4) * Math.Sqrt(-Math.Log(anglePower[i] / max)) / cPhi;
            double phi = (signs[i] >= 0 ? 1 : -1) * spread + offsetNormals[i] * asdDeg / 7;
            if (los && i == 0) first = phi;
            double centre = losAzimuthRad + (phi - (los ? first : 0)) * Math.PI / 180;
            for (int m = 0; m < offsets.Length; m++)
            {
                rayAzimuthRad[rays] = centre + p.ClusterAsdDeg * offsets[m] * Math.PI / 180;
                rayPower[rays] = power[i] * rayShare;
                rays++;
            }
        }
        if (los)
        {
            rayAzimuthRad[rays] = losAzimuthRad;
            rayPower[rays] = kr / (kr + 1);
            rays++;
        }
        return rays;
    }
}
