using Complex = System.Numerics.Complex;
using System.Diagnostics;
using Isac.Core.Random;
using Isac.Network.Beamforming;
using Isac.Network.Scheduling;
using Isac.Network.Sensing;
using Isac.Network.Surrogates;

namespace Isac.Network.Simulation;

/// <summary>
/// The epoch-by-epoch simulator of paper B's network (Fig. 3's timeline).
/// </summary>
/// <remarks>
/// Decisions for epoch n are made during epoch n − 1 (Fig. 3): at (n−1)ΔT − T_d each BS schedules
/// with its PF weights 1/R̂ and the channels of its own users; the sensed locations of the
/// scheduled users (latest echo: epoch n − 1 or earlier, the initial access estimate before any
/// echo) are exchanged; at (n−1)ΔT each BS queries its map and optimises its beams. The weights
/// are 1/R̂_{n−1}, the average rate through epoch n − 1, as problem (8a) and Stage II state
/// ("R̂_{n−1} … known in the n-th epoch"); <see cref="Scenario.PfWeightLag"/> = 2 uses R̂_{n−2}
/// instead (epoch n − 1's rates not yet known when the schedule for n is made). In epoch n the
/// beams are transmitted over that epoch's true channels (rates from eq. (4)-(5)) and their
/// echoes give the scheduled users' new location estimates. Intra-cell CSI is perfect and
/// current for every scheme (as in the paper's SINR (4) and problem (17)); the schemes differ in
/// inter-cell CSI (CKM from sensed locations, or perfect) and in the beamformer. Users
/// unscheduled for the past T_s − 1 epochs are forced into the schedule.
/// </remarks>
public sealed class NetworkSimulator
{
    private readonly NetworkEnvironment _env;
    private readonly Func<Scheme, ILocalBeamformer> _beamformers;

    /// <summary>Creates a simulator; <paramref name="beamformers"/> overrides the local beamformer of a scheme (e.g. to plug in another algorithm).</summary>
    public NetworkSimulator(NetworkEnvironment environment, Func<Scheme, ILocalBeamformer>? beamformers = null)
    {
        _env = environment;
        _beamformers = beamformers ?? DefaultBeamformer;
    }

    /// <summary>The environment.</summary>
    public NetworkEnvironment Environment => _env;

    private ILocalBeamformer DefaultBeamformer(Scheme scheme) => scheme switch
    {
        Scheme.SdUscb or Scheme.SdUscbSlinr => FractionalProgrammingBeamformer.DualOpt(_env.Scenario.DualOptSettings, _env.Scenario.FpSettings),
        Scheme.SalinrPerfect => new FractionalProgrammingBeamformer("fp-salinr", new ExactPowerSolver(), _env.Scenario.FpSettings),
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "WMMSE schemes have no local beamformer"),
    };

    /// <summary>The scheduler of a kind.</summary>
    public static IScheduler Scheduler(SchedulerKind kind) => kind switch
    {
        SchedulerKind.Pfzfg => new PfzfgScheduler(),
        SchedulerKind.Hungarian => new HungarianScheduler(),
        _ => new ScheduleEveryone(),
    };

    /// <summary>Runs the network for <see cref="RunOptions.Epochs"/> epochs.</summary>
    public SimulationResult Run(RunOptions options, CancellationToken cancel = default)
    {
        var sc = _env.Scenario;
        int cells = sc.Layout.Cells;
        var users0 = _env.UsersAt(1);
        var rateSum = users0.Select(c => new double[c.Length]).ToArray();
        // Σ of the rates through epoch n − 2 at the start of epoch n (for a weight lag of two epochs).
        var lateRateSum = users0.Select(c => new double[c.Length]).ToArray();
        var lastScheduled = users0.Select(c => new int[c.Length]).ToArray();
        var beliefs = _env.InitialBeliefs();
        var scheduler = Scheduler(options.Scheduler);
        double cBar = options.SensingThreshold ?? sc.SensingSettings.Threshold;
        int maxUsers = options.MaxScheduledPerCell ?? sc.MaxScheduledPerCell;
        int[][]? frozen = null;
        var epochs = new List<EpochRecord>();
        var userRecords = new List<UserEpochRecord>();
        ulong sensingSeed = DeterministicRandom.Derive(_env.Seed, "sensing-errors");

        for (int n = 1; n <= options.Epochs; n++)
        {
            cancel.ThrowIfCancellationRequested();
            var users = _env.UsersAt(n);
            var h = _env.ChannelsAt(n);
            var weights = sc.PfWeightLag == 1 ? Weights(rateSum, n - 1, sc.RateFloor) : Weights(lateRateSum, n - 2, sc.RateFloor);

            int[][] scheduled;
            if (frozen is not null) scheduled = frozen;
            else
            {
                scheduled = new int[cells][];
                for (int l = 0; l < cells; l++)
                {
                    var forced = Enumerable.Range(0, users[l].Length)
                        .Where(k => n - lastScheduled[l][k] >= sc.StarvationEpochs)
                        .OrderBy(k => lastScheduled[l][k]).ThenByDescending(k => weights[l][k]).ToArray();
                    var input = new SchedulingInput(h[l][l], weights[l], forced, maxUsers, _env.Noise, sc.PowerWatts);
                    scheduled[l] = scheduler.Schedule(input);
                }
                if (options.FreezeScheduleAfterFirstEpoch) frozen = scheduled;
            }

            var (beams, seconds, iterations, violation) = Beamform(options.Scheme, n, scheduled, beliefs, weights, cBar);

            var sinr = NetworkSinr.Sinr(h, scheduled, beams, _env.Noise);
            var rates = NetworkSinr.Rates(sinr);
            double sumRate = 0;
            for (int l = 0; l < cells; l++) Array.Copy(rateSum[l], lateRateSum[l], rateSum[l].Length);
            for (int l = 0; l < cells; l++)
                for (int k = 0; k < rates[l].Length; k++)
                {
                    rateSum[l][k] += rates[l][k];
                    sumRate += rates[l][k];
                }
            foreach (var (l, k) in Pairs(scheduled)) lastScheduled[l][k] = n;

            // Echoes of this epoch's beams: new location estimates of the scheduled users.
            var errors = new List<double>();
            var angleStd = new List<double>();
            var locError = users.Select(c => Enumerable.Repeat(double.NaN, c.Length).ToArray()).ToArray();
            for (int l = 0; l < cells; l++)
                for (int a = 0; a < scheduled[l].Length; a++)
                {
                    int k = scheduled[l][a];
                    var (belief, outcome) = _env.Sensing.Sense(sc.Layout.BaseStations[l], users[l][k], beams[l], a, beliefs[l][k], n,
                        new DeterministicRandom(DeterministicRandom.Derive(sensingSeed, [n, l, k])), sc.UserSpeed, sc.EpochSeconds);
                    beliefs[l][k] = belief;
                    if (double.IsFinite(outcome.AngleVariance))
                    {
                        errors.Add(outcome.LocationError);
                        angleStd.Add(Math.Sqrt(outcome.AngleVariance) * 180 / Math.PI);
                        locError[l][k] = outcome.LocationError;
                    }
                }

            double pfr = 0;
            for (int l = 0; l < cells; l++)
                for (int k = 0; k < rateSum[l].Length; k++)
                {
                    double avg = rateSum[l][k] / n;
                    pfr += Math.Log(Math.Max(avg, sc.RateFloor));
                    userRecords.Add(new UserEpochRecord(n, l, k, scheduled[l].Contains(k), rates[l][k], avg, weights[l][k], locError[l][k]));
                }
            int total = scheduled.Sum(s => s.Length);
            epochs.Add(new EpochRecord(options.Scheme.Name(), options.Scheduler.Name(), n, pfr, sumRate, total,
                errors.Count == 0 ? double.NaN : Math.Sqrt(errors.Average(e => e * e)),
                errors.Count == 0 ? double.NaN : Median(errors),
                angleStd.Count == 0 ? double.NaN : Median(angleStd),
                violation,
                BackhaulAccounting.Bits(options.Scheme, cells, sc.ChannelSettings.TransmitAntennas, total, sc.BitsPerReal),
                seconds, iterations));
        }
        return new SimulationResult(options, epochs, userRecords, _env.Noise);
    }

    /// <summary>
    /// BS <paramref name="bs"/>'s problem (17) for epoch <paramref name="epoch"/>: its scheduled users' channels,
    /// the outgoing inter-cell channels (from its map at the other BSs' sensed locations for the SD-USCB schemes,
    /// true channels for SALINR with perfect CSI), and its sensing constraints (SD-USCB schemes only).
    /// </summary>
    public LocalBeamformingProblem LocalProblem(Scheme scheme, int bs, int epoch, int[][] scheduled, SensedUser[][] beliefs,
        double[][] weights, double sensingThreshold)
    {
        var sc = _env.Scenario;
        var h = _env.ChannelsAt(epoch);
        var own = scheduled[bs].Select(k => h[bs][bs][k]).ToArray();
        bool sensed = scheme is Scheme.SdUscb or Scheme.SdUscbSlinr;
        var leakage = new List<Complex[]>();
        for (int m = 0; m < scheduled.Length; m++)
        {
            if (m == bs) continue;
            foreach (int t in scheduled[m])
                leakage.Add(sensed ? _env.Maps[bs].Query(beliefs[m][t].Position) : h[bs][m][t]);
        }
        SensingConstraints? sensing = null;
        if (sensed)
        {
            var data = scheduled[bs].Select(k => _env.Sensing.ConstraintData(beliefs[bs][k])).ToArray();
            double a = sc.SensingSettings.LargestCoefficient;
            sensing = new SensingConstraints(data.Select(d => d.Steering).ToArray(), data.Select(d => d.NoiseTerm).ToArray(),
                sensingThreshold / (a * a));
        }
        var surrogate = scheme == Scheme.SdUscbSlinr ? LeakageSurrogate.Slinr : LeakageSurrogate.Salinr;
        return new LocalBeamformingProblem(own, leakage, scheduled[bs].Select(k => weights[bs][k]).ToArray(),
            _env.Noise, sc.PowerWatts, surrogate, sensing);
    }

    /// <summary>PF weights 1/max(R̂_m, R_min) from the average rates over epochs 1 … m (m ≤ 0: no history).</summary>
    public static double[][] Weights(double[][] rateSum, int throughEpoch, double floor) =>
        rateSum.Select(c => c.Select(s => 1.0 / Math.Max(throughEpoch >= 1 ? s / throughEpoch : 0, floor)).ToArray()).ToArray();

    private (Complex[][][] Beams, double SecondsPerBs, double Iterations, double Violation) Beamform(
        Scheme scheme, int n, int[][] scheduled, SensedUser[][] beliefs, double[][] weights, double cBar)
    {
        var sc = _env.Scenario;
        int cells = scheduled.Length;
        if (scheme is Scheme.Cwmmse or Scheme.Pwmmse)
        {
            var sw = Stopwatch.StartNew();
            var wmmse = new WeightedMmse(scheme == Scheme.Cwmmse, sc.WmmseIterations);
            var v = wmmse.Solve(_env.ChannelsAt(n), scheduled, weights, _env.Noise, sc.PowerWatts);
            return (v, sw.Elapsed.TotalSeconds / cells, double.NaN, 0);
        }
        var beamformer = _beamformers(scheme);
        var beams = new Complex[cells][][];
        double seconds = 0, iterations = 0, violation = 0;
        for (int l = 0; l < cells; l++)
        {
            var problem = LocalProblem(scheme, l, n, scheduled, beliefs, weights, cBar);
            var sw = Stopwatch.StartNew();
            var result = beamformer.Solve(problem);
            seconds += sw.Elapsed.TotalSeconds;
            beams[l] = result.Beams;
            iterations += result.OuterIterations;
            violation = Math.Max(violation, result.MaxSensingViolation);
        }
        return (beams, seconds / cells, iterations / cells, violation);
    }

    private static IEnumerable<(int Cell, int User)> Pairs(int[][] scheduled)
    {
        for (int l = 0; l < scheduled.Length; l++)
            foreach (int k in scheduled[l]) yield return (l, k);
    }

    private static double Median(List<double> values)
    {
        var s = values.OrderBy(x => x).ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }
}
