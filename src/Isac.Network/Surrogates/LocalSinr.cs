using Isac.Core.Numerics;
using Complex = System.Numerics.Complex;
using Isac.Network.Numerics;

namespace Isac.Network.Surrogates;

/// <summary>
/// The SINR surrogates a BS can evaluate with what it knows: its own users' channels h_k, the
/// (outgoing) channels g_t to the other cells' scheduled users, and its beams v_k.
/// </summary>
public static class LocalSinr
{
    /// <summary>
    /// γ̃_k = |h_kᴴv_k|² / (Σ_{i≠k}|h_kᴴv_i|² + L_k + σ²), with L_k the SALINR average leakage
    /// (eq. (10), same for every k) or the SLINR leakage of v_k (eq. (9)).
    /// </summary>
    /// <param name="h">Intra-cell channels h_k of the scheduled users (K rows of N_t).</param>
    /// <param name="g">Outgoing inter-cell channels (M rows; may be empty).</param>
    /// <param name="v">Beams v_k (K rows).</param>
    /// <param name="noise">σ_c².</param>
    /// <param name="surrogate">SALINR or SLINR.</param>
    public static double[] Sinr(IReadOnlyList<Complex[]> h, IReadOnlyList<Complex[]> g, IReadOnlyList<Complex[]> v,
        double noise, LeakageSurrogate surrogate)
    {
        int k = h.Count;
        var leak = Leakages(g, v);
        double average = k == 0 ? 0 : leak.Sum() / k;
        var gamma = new double[k];
        for (int u = 0; u < k; u++)
        {
            double signal = 0, intra = 0;
            for (int i = 0; i < k; i++)
            {
                double p = ComplexVectors.AbsDotSquared(h[u], v[i]);
                if (i == u) signal = p; else intra += p;
            }
            double l = surrogate == LeakageSurrogate.Salinr ? average : leak[u];
            gamma[u] = signal / (intra + l + noise);
        }
        return gamma;
    }

    /// <summary>The leakage of each beam, L̂_k = Σ_t |g_tᴴ v_k|² (eq. (9)).</summary>
    public static double[] Leakages(IReadOnlyList<Complex[]> g, IReadOnlyList<Complex[]> v)
    {
        var leak = new double[v.Count];
        for (int u = 0; u < v.Count; u++)
            foreach (var gt in g) leak[u] += ComplexVectors.AbsDotSquared(gt, v[u]);
        return leak;
    }

    /// <summary>The weighted surrogate sum rate Σ_k w_k log2(1 + γ̃_k): paper B's virtual PFR (17a) when w_k = 1/R̂_k.</summary>
    public static double WeightedSumRate(IReadOnlyList<double> weights, IReadOnlyList<double> sinr)
    {
        double s = 0;
        for (int i = 0; i < sinr.Count; i++) s += weights[i] * Math.Log2(1 + sinr[i]);
        return s;
    }
}
