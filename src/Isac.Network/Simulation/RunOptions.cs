namespace Isac.Network.Simulation;

/// <summary>What varies between runs on the same environment.</summary>
/// <param name="Scheme">The beamforming scheme.</param>
/// <param name="Scheduler">The user scheduler.</param>
/// <param name="Epochs">N.</param>
/// <param name="SensingThreshold">c̄ override (null: the scenario's).</param>
/// <param name="MaxScheduledPerCell">|S_ℓ| limit override (null: the scenario's).</param>
/// <param name="FreezeScheduleAfterFirstEpoch">Keep epoch 1's schedule for the whole run (the protocol of Fig. 7).</param>
/// <param name="MaxParallelism">Threads for the per-BS work of each phase (null: all cores; 1: sequential). Results do not depend on it.</param>
public sealed record RunOptions(
    Scheme Scheme,
    SchedulerKind Scheduler = SchedulerKind.Pfzfg,
    int Epochs = 10,
    double? SensingThreshold = null,
    int? MaxScheduledPerCell = null,
    bool FreezeScheduleAfterFirstEpoch = false,
    int? MaxParallelism = null);
