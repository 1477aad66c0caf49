using Isac.Network.Beamforming;
using Isac.Network.Channels;
using Isac.Network.Ckm;
using Isac.Network.Geometry;
using Isac.Network.Sensing;

namespace Isac.Network.Simulation;

/// <summary>How the channel knowledge maps are built for a run.</summary>
public enum CkmMode
{
    /// <summary>Grid points are measured the first time they are queried (identical entries to a full build).</summary>
    OnDemand,

    /// <summary>Every grid point is measured before the first epoch (the paper's offline construction).</summary>
    Full,
}

/// <summary>Everything a run of paper B's network needs; defaults are the paper's Section V values (see docs/network.md for the unstated ones).</summary>
/// <param name="Name">A label.</param>
/// <param name="Layout">BS positions and cell disks.</param>
/// <param name="UsersPerCell">|U_ℓ| for a uniform drop (paper: 40); ignored when <paramref name="UserPositions"/> is given.</param>
/// <param name="UserPositions">Explicit user positions per cell, or null for a uniform drop.</param>
/// <param name="UserSpeed">m/s (paper: 20).</param>
/// <param name="PowerDbm">P_ℓ per BS, dBm (paper: 36).</param>
/// <param name="ReferenceSnrDb">The reference SNR that sets σ_c² (paper: 15 dB).</param>
/// <param name="EpochSeconds">ΔT (paper: 0.02).</param>
/// <param name="BackhaulDelaySeconds">T_d (paper: 0.004; must be below ΔT).</param>
/// <param name="MaxScheduledPerCell">Upper limit on |S_ℓ| (paper: 18).</param>
/// <param name="StarvationEpochs">T_s: a user unscheduled for the past T_s − 1 epochs is forced into the schedule (not stated).</param>
/// <param name="PfWeightLag">Age of the rate history behind the PF weights: 1 (default) weights epoch n by 1/R̂_{n−1} as problem (8a) states; 2 by 1/R̂_{n−2} (a strict reading of Fig. 3's timing).</param>
/// <param name="RateFloor">R_min, bit/s/Hz: PF weights are 1/max(R̂, R_min) and the PFR sums ln max(R̂, R_min) (the paper does not say how it treats R̂ = 0).</param>
/// <param name="Channel">Channel model parameters.</param>
/// <param name="Sensing">Sensing parameters.</param>
/// <param name="Ckm">Map construction parameters.</param>
/// <param name="CkmMode">On-demand or full map construction.</param>
/// <param name="DualOpt">DualOpt inner-loop settings.</param>
/// <param name="Fp">FP outer-loop settings.</param>
/// <param name="WmmseIterations">Iteration cap of the WMMSE baselines.</param>
/// <param name="Sdr">Solver settings of the SDR-based beamformer (Fig. 5, Table I).</param>
/// <param name="BitsPerReal">Backhaul cost of one real number (32: single precision).</param>
/// <param name="Epochs">Default number of epochs N (paper: 10).</param>
/// <param name="Seed">Default seed.</param>
/// <param name="NoisePowerDbm">σ_c² in dBm when given, instead of the reference SNR's calibration (e.g. thermal noise over the bandwidth plus a noise figure).</param>
public sealed record PaperBScenario(
    string Name,
    NetworkLayout Layout,
    int UsersPerCell = 40,
    IReadOnlyList<IReadOnlyList<Point2>>? UserPositions = null,
    double UserSpeed = 20,
    double PowerDbm = 36,
    double ReferenceSnrDb = 15,
    double EpochSeconds = 0.02,
    double BackhaulDelaySeconds = 0.004,
    int MaxScheduledPerCell = 18,
    int StarvationEpochs = 3,
    int PfWeightLag = 1,
    double RateFloor = 0.01,
    ChannelSettings? Channel = null,
    SensingSettings? Sensing = null,
    CkmSettings? Ckm = null,
    CkmMode CkmMode = CkmMode.OnDemand,
    DualOptSettings? DualOpt = null,
    FractionalProgrammingSettings? Fp = null,
    int WmmseIterations = 100,
    SdrSettings? Sdr = null,
    int BitsPerReal = 32,
    int Epochs = 10,
    long Seed = 1,
    double? NoisePowerDbm = null)
{
    /// <summary>Channel settings (defaults when not given).</summary>
    public ChannelSettings ChannelSettings => Channel ?? new ChannelSettings();

    /// <summary>Sensing settings (defaults when not given).</summary>
    public SensingSettings SensingSettings => Sensing ?? new SensingSettings();

    /// <summary>Map settings (defaults when not given).</summary>
    public CkmSettings CkmSettings => Ckm ?? new CkmSettings();

    /// <summary>DualOpt settings (defaults when not given).</summary>
    public DualOptSettings DualOptSettings => DualOpt ?? new DualOptSettings();

    /// <summary>SDR beamformer settings (defaults when not given).</summary>
    public SdrSettings SdrSettings => Sdr ?? new SdrSettings();

    /// <summary>FP settings (defaults when not given).</summary>
    public FractionalProgrammingSettings FpSettings => Fp ?? new FractionalProgrammingSettings();

    /// <summary>P_ℓ in watts.</summary>
    public double PowerWatts => Math.Pow(10, (PowerDbm - 30) / 10);

    /// <summary>Paper B's Section V network with the project's defaults for what it leaves open.</summary>
    public static PaperBScenario PaperB() => new("paper-b", NetworkLayout.PaperB());
}
