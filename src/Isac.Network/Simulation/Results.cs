namespace Isac.Network.Simulation;

/// <summary>One epoch of one run, network-wide.</summary>
/// <param name="Scheme">Scheme name.</param>
/// <param name="Scheduler">Scheduler name.</param>
/// <param name="Epoch">n (1-based).</param>
/// <param name="AccumulatedPfr">Σ_k ln max(R̂_n^k, R_min), eq. (7a) after n epochs.</param>
/// <param name="SumRate">Σ_k R_n^k, bit/s/Hz.</param>
/// <param name="ScheduledUsers">|S_n| over the network.</param>
/// <param name="LocationRmse">Root-mean-square error of the locations sensed this epoch, m (NaN when nothing was sensed).</param>
/// <param name="MedianLocationError">Median of the same errors, m.</param>
/// <param name="MedianAngleStdDeg">Median σ_θ of this epoch's echoes (eq. (16)), degrees.</param>
/// <param name="MaxSensingViolation">Largest relative violation of a BS's own sensing constraint model at its output beams (0 if none).</param>
/// <param name="BackhaulBits">Bits exchanged between BSs (or with the central unit) for this epoch's coordination.</param>
/// <param name="BeamformingSecondsPerBs">Wall time of the beamformer per BS (centralised: the whole solve divided by the number of BSs).</param>
/// <param name="FpIterations">Mean FP (or WMMSE) iterations per BS.</param>
public sealed record EpochRecord(
    string Scheme,
    string Scheduler,
    int Epoch,
    double AccumulatedPfr,
    double SumRate,
    int ScheduledUsers,
    double LocationRmse,
    double MedianLocationError,
    double MedianAngleStdDeg,
    double MaxSensingViolation,
    long BackhaulBits,
    double BeamformingSecondsPerBs,
    double FpIterations)
{
    /// <summary>Wall time of each phase of the epoch.</summary>
    public PhaseTimes Timing { get; init; }

    /// <summary>True channels computed so far in the epoch (links).</summary>
    public long ChannelLinks { get; init; }

    /// <summary>Map grid points measured so far, over all BSs.</summary>
    public long MapPoints { get; init; }

    /// <summary>Bytes held by all maps after the epoch.</summary>
    public long MapMemoryBytes { get; init; }
}

/// <summary>One user in one epoch.</summary>
/// <param name="Epoch">n.</param>
/// <param name="Cell">ℓ.</param>
/// <param name="User">k.</param>
/// <param name="Scheduled">q_n^k.</param>
/// <param name="Rate">R_n^k, bit/s/Hz (eq. (5)).</param>
/// <param name="AverageRate">R̂_n^k (eq. (6)).</param>
/// <param name="PfWeight">The weight 1/max(R̂, R_min) the BS used for this epoch's decisions.</param>
/// <param name="LocationError">Error of this epoch's sensed location, m (NaN when not sensed).</param>
public sealed record UserEpochRecord(int Epoch, int Cell, int User, bool Scheduled, double Rate, double AverageRate, double PfWeight, double LocationError);

/// <summary>A whole run.</summary>
/// <param name="Options">What was run.</param>
/// <param name="Epochs">Per-epoch network records.</param>
/// <param name="Users">Per-user records.</param>
/// <param name="NoisePower">σ_c², watts.</param>
public sealed record SimulationResult(RunOptions Options, IReadOnlyList<EpochRecord> Epochs, IReadOnlyList<UserEpochRecord> Users, double NoisePower);
