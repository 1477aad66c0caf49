using Isac.Core.Numerics;
using Complex = System.Numerics.Complex;
using Isac.Network.Channels;
using Isac.Network.Numerics;

namespace Isac.Network.Surrogates;

/// <summary>The true downlink SINR of eq. (4) and the rate of eq. (5) over the whole network.</summary>
public static class NetworkSinr
{
    /// <summary>
    /// SINR of every user: γ_k = |h^{ℓ,k}ᴴv_k|² / (Σ_{i∈S_ℓ, i≠k}|h^{ℓ,k}ᴴv_i|² + Σ_{m≠ℓ}Σ_{j∈S_m}|h^{m,k}ᴴv_j|² + σ²),
    /// zero for unscheduled users.
    /// </summary>
    /// <param name="channels">The epoch's channels (only the links to scheduled users are read).</param>
    /// <param name="scheduled">S_ℓ: indices of the scheduled users of each cell.</param>
    /// <param name="beams">v: beams of each cell, aligned with <paramref name="scheduled"/>.</param>
    /// <param name="noise">σ_c².</param>
    public static double[][] Sinr(ILinkChannels channels, IReadOnlyList<int[]> scheduled, IReadOnlyList<Complex[][]> beams, double noise)
    {
        int cells = scheduled.Count;
        var sinr = new double[cells][];
        Parallel.For(0, cells, l =>
        {
            sinr[l] = new double[channels.UsersIn(l)];
            for (int a = 0; a < scheduled[l].Length; a++)
            {
                int k = scheduled[l][a];
                double signal = 0, interference = 0;
                for (int m = 0; m < cells; m++)
                {
                    if (scheduled[m].Length == 0) continue;
                    var h = channels.Link(m, l, k);
                    for (int b = 0; b < scheduled[m].Length; b++)
                    {
                        double p = ComplexVectors.AbsDotSquared(h, beams[m][b]);
                        if (m == l && b == a) signal = p; else interference += p;
                    }
                }
                sinr[l][k] = signal / (interference + noise);
            }
        });
        return sinr;
    }

    /// <summary>The same for channels given as a table h[bs][cell][user].</summary>
    public static double[][] Sinr(Complex[][][][] channels, IReadOnlyList<int[]> scheduled, IReadOnlyList<Complex[][]> beams, double noise) =>
        Sinr(new ChannelTable(channels), scheduled, beams, noise);

    /// <summary>Rates log2(1 + γ) in bit/s/Hz.</summary>
    public static double[][] Rates(double[][] sinr) => sinr.Select(c => c.Select(g => Math.Log2(1 + g)).ToArray()).ToArray();
}
