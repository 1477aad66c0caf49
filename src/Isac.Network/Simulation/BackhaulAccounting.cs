namespace Isac.Network.Simulation;

/// <summary>
/// Bits each scheme sends over the backhaul per epoch to coordinate (Section III-B).
/// </summary>
/// <remarks>
/// With b bits per real number, N_t antennas, L cells and |S_ℓ| scheduled users:
/// SD-USCB sends each scheduled user's sensed location (2 reals) to the L − 1 other BSs:
/// 2b(L−1)Σ|S_ℓ|. SALINR with perfect CSI needs each BS's outgoing channels to the other cells'
/// scheduled users (N_t complex each), delivered over the backhaul: 2bN_t(L−1)Σ|S_ℓ|.
/// CWMMSE collects every scheduled user's channels from all L BSs at a central unit and returns
/// the beams: 2bN_t(L+1)Σ|S_ℓ|. PWMMSE exchanges nothing.
/// </remarks>
public static class BackhaulAccounting
{
    /// <summary>Bits for one epoch.</summary>
    public static long Bits(Scheme scheme, int cells, int antennas, int scheduledTotal, int bitsPerReal) => scheme switch
    {
        Scheme.SdUscb or Scheme.SdUscbSlinr => 2L * bitsPerReal * (cells - 1) * scheduledTotal,
        Scheme.SalinrPerfect => 2L * bitsPerReal * antennas * (cells - 1) * scheduledTotal,
        Scheme.Cwmmse => 2L * bitsPerReal * antennas * (cells + 1) * scheduledTotal,
        _ => 0,
    };
}
