namespace Isac.Network.Simulation;

/// <summary>Wall time of each phase of one epoch, seconds.</summary>
/// <param name="Scheduling">Stage II: every BS's scheduler (with the intra-cell channels it needs).</param>
/// <param name="Exchange">Stage III: the location exchange, the map queries (and on-demand map measurements) and the assembly of every BS's problem.</param>
/// <param name="Beamforming">Stage IV: every BS's beamformer (or the WMMSE baselines).</param>
/// <param name="TransmitAndSense">The epoch's transmission: the true SINRs (with the interference channels they need) and the echoes.</param>
/// <param name="Total">The whole epoch.</param>
public readonly record struct PhaseTimes(double Scheduling, double Exchange, double Beamforming, double TransmitAndSense, double Total);
