namespace Isac.Network.Simulation;

/// <summary>
/// Bits each scheme sends over the backhaul per epoch to coordinate (Section III-B).
/// </summary>
/// <remarks>
/// With b bits per real number, N_t antennas, L cells, |S_ℓ| scheduled users and |N(ℓ)| BSs that
/// BS ℓ coordinates with (L − 1 in the paper's network):
/// SD-USCB sends each scheduled user's sensed location (2 reals) to the BSs it coordinates with:
/// 2bΣ_ℓ|N(ℓ)||S_ℓ|. SALINR with perfect CSI needs each BS's outgoing channels to those BSs'
/// scheduled users (N_t complex each), delivered over the backhaul: 2bN_tΣ_ℓ|N(ℓ)||S_ℓ|.
/// CWMMSE collects every scheduled user's channels from all L BSs at a central unit and returns
/// the beams: 2bN_t(L+1)Σ|S_ℓ|. PWMMSE exchanges nothing.
/// </remarks>
public static class BackhaulAccounting
{
    /// <summary>Bits for one epoch in the paper's fully coordinated network of <paramref name="cells"/> cells.</summary>
    public static long Bits(Scheme scheme, int cells, int antennas, int scheduledTotal, int bitsPerReal) => scheme switch
    {
        Scheme.SdUscb or Scheme.SdUscbSlinr => 2L * bitsPerReal * (cells - 1) * scheduledTotal,
        Scheme.SalinrPerfect => 2L * bitsPerReal * antennas * (cells - 1) * scheduledTotal,
        Scheme.Cwmmse => 2L * bitsPerReal * antennas * (cells + 1) * scheduledTotal,
        _ => 0,
    };

    /// <summary>Bits for one epoch with the layout's coordination sets.</summary>
    public static long Bits(Scheme scheme, Geometry.NetworkLayout layout, int antennas, IReadOnlyList<int[]> scheduled, int bitsPerReal)
    {
        long exchanged = 0; // Σ_ℓ |N(ℓ)||S_ℓ|: locations (or channels) each BS's scheduled users cost
        for (int l = 0; l < scheduled.Count; l++) exchanged += (long)layout.Neighbours(l).Count * scheduled[l].Length;
        long total = scheduled.Sum(s => (long)s.Length);
        return scheme switch
        {
            Scheme.SdUscb or Scheme.SdUscbSlinr => 2L * bitsPerReal * exchanged,
            Scheme.SalinrPerfect => 2L * bitsPerReal * antennas * exchanged,
            Scheme.Cwmmse => 2L * bitsPerReal * antennas * (layout.Cells + 1) * total,
            _ => 0,
        };
    }
}
