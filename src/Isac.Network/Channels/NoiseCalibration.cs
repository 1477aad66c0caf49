using Isac.Network.Geometry;

namespace Isac.Network.Channels;

/// <summary>The communication noise power σ_c² set from paper B's reference SNR.</summary>
public static class NoiseCalibration
{
    /// <summary>
    /// σ_c² such that P·Σ_m Σ_ℓ Σ_k ‖h^{m,k_ℓ}‖² / (L·Σ_ℓ|U_ℓ|·N_t·σ_c²) equals the reference SNR
    /// (Section V; 15 dB in the paper), i.e. the mean over every (BS, user) pair of P‖h‖²/N_t,
    /// divided by the SNR. ‖h‖² is <see cref="IChannelModel.CalibrationGain"/> of the first epoch's
    /// positions (the paper model: the drawn channel; 38.901: its expectation). The links are
    /// evaluated in parallel and summed in the order (BS, cell, user).
    /// </summary>
    public static double FromReferenceSnr(IChannelModel model, UserState[][] users, double powerWatts, double referenceSnrDb)
    {
        int cells = users.Length;
        var perBs = new double[cells][][];
        Parallel.For(0, cells, m =>
        {
            perBs[m] = new double[cells][];
            for (int l = 0; l < cells; l++)
                perBs[m][l] = users[l].Select(u => model.CalibrationGain(m, l, u.Index, u.Position)).ToArray();
        });
        double sum = 0;
        long count = 0;
        foreach (var bs in perBs)
            foreach (var cell in bs)
                foreach (double g in cell)
                {
                    sum += g;
                    count++;
                }
        return powerWatts * sum / (count * model.Settings.TransmitAntennas * Math.Pow(10, referenceSnrDb / 10));
    }
}
