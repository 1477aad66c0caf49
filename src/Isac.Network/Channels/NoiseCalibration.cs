using Complex = System.Numerics.Complex;
using Isac.Network.Numerics;

namespace Isac.Network.Channels;

/// <summary>The communication noise power σ_c² set from paper B's reference SNR.</summary>
public static class NoiseCalibration
{
    /// <summary>
    /// σ_c² such that P·Σ_m Σ_ℓ Σ_k ‖h^{m,k_ℓ}‖² / (L·Σ_ℓ|U_ℓ|·N_t·σ_c²) equals the reference SNR
    /// (Section V; 15 dB in the paper), i.e. the mean over every (BS, user) pair of P‖h‖²/N_t,
    /// divided by the SNR. <paramref name="channels"/> is h[bs][cell][user] of the first epoch.
    /// </summary>
    public static double FromReferenceSnr(Complex[][][][] channels, double powerWatts, double referenceSnrDb, int antennas)
    {
        double sum = 0;
        long count = 0;
        foreach (var perBs in channels)
            foreach (var cell in perBs)
                foreach (var h in cell)
                {
                    sum += ComplexVectors.NormSquared(h);
                    count++;
                }
        return powerWatts * sum / (count * antennas * Math.Pow(10, referenceSnrDb / 10));
    }
}
