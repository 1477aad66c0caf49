using Complex = System.Numerics.Complex;
using System.Diagnostics;
using Isac.Core.Random;
using Isac.Network.Beamforming;
using Isac.Network.Channels;
using Isac.Network.Scheduling;
using Isac.Network.Sensing;
using Isac.Network.Surrogates;

namespace Isac.Network.Simulation;

/// <summary>
/// The epoch-by-epoch simulator of paper B's network (Fig. 3's timeline), one phase after the
/// other: schedule, exchange (locations over the backhaul, map queries), beamform, transmit and
/// sense, record.
/// </summary>
/// <remarks>
/// Decisions for epoch n are made during epoch n − 1 (Fig. 3): at (n−1)ΔT − T_d each BS schedules
/// with its PF weights 1/R̂ and the channels of its own users; the sensed locations of the
/// scheduled users (latest echo: epoch n − 1 or earlier, the initial access estimate before any
/// echo) are exchanged with the BSs it coordinates with (<see cref="Geometry.NetworkLayout.Neighbours"/>:
/// every BS in the paper's network); at (n−1)ΔT each BS queries its map and optimises its beams. The
/// weights are 1/R̂_{n−1}, the average rate through epoch n − 1, as problem (8a) and Stage II state
/// ("R̂_{n−1} … known in the n-th epoch"); <see cref="PaperBScenario.PfWeightLag"/> = 2 uses R̂_{n−2}
/// instead (epoch n − 1's rates not yet known when the schedule for n is made). In epoch n the
/// beams are transmitted over that epoch's true channels (rates from eq. (4)-(5), interference from
/// every BS of the network) and their echoes give the scheduled users' new location estimates.
/// Intra-cell CSI is perfect and current for every scheme (as in the paper's SINR (4) and problem
/// (17)); the schemes differ in inter-cell CSI (CKM from sensed locations, or perfect) and in the
/// beamformer. Users unscheduled for the past T_s − 1 epochs are forced into the schedule.
/// The per-BS work of every phase runs in parallel over the BSs (it is distributed by design);
/// results do not depend on the number of threads, since every random draw has its own stream.
/// </remarks>
public sealed class NetworkSimulator
{
    private readonly NetworkEnvironment _env;
    private readonly Func<Scheme, ILocalBeamformer> _beamformers;

    /// <summary>Creates a simulator; <paramref name="beamformers"/> overrides the local beamformer of a scheme (e.g. to plug in another algorithm; it may be called from several threads at once, for different BSs).</summary>
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

    /// <summary>Runs the network for <see cref="RunOptions.Epochs"/> epochs; <paramref name="observer"/> (optional) sees every epoch and every BS's beamforming problem.</summary>
    public SimulationResult Run(RunOptions options, CancellationToken cancel = default, ISimulationObserver? observer = null)
    {
        var state = new RunState(_env, options);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelism ?? System.Environment.ProcessorCount, CancellationToken = cancel };
        var epochs = new List<EpochRecord>();
        var users = new List<UserEpochRecord>();
        for (int n = 1; n <= options.Epochs; n++)
        {
            cancel.ThrowIfCancellationRequested();
            observer?.EpochStarted(n, options.Epochs);
            var total = Stopwatch.StartNew();
            var h = _env.ChannelsAt(n);
            var weights = state.Weights(n);

            var sw = Stopwatch.StartNew();
            var scheduled = Schedule(n, h, weights, state, options, parallel);
            double tSchedule = sw.Elapsed.TotalSeconds;

            sw.Restart();
            var problems = Exchange(options.Scheme, n, scheduled, state.Beliefs, weights, state.SensingThreshold, parallel);
            double tExchange = sw.Elapsed.TotalSeconds;

            sw.Restart();
            var bf = Beamform(options.Scheme, n, h, scheduled, weights, problems, parallel);
            double tBeamform = sw.Elapsed.TotalSeconds;
            if (observer is not null && problems is not null)
                for (int l = 0; l < problems.Length; l++) observer.BeamformingSolved(n, l, problems[l], bf.Results![l]);

            observer?.Transmitted(n, scheduled, bf.Beams);
            sw.Restart();
            var rates = NetworkSinr.Rates(NetworkSinr.Sinr(h, scheduled, bf.Beams, _env.Noise));
            var sensed = Sense(n, scheduled, bf.Beams, state, parallel);
            double tSense = sw.Elapsed.TotalSeconds;

            var timing = new PhaseTimes(tSchedule, tExchange, tBeamform, tSense, total.Elapsed.TotalSeconds);
            var record = Record(options, n, scheduled, rates, weights, sensed, bf, state, timing, h.ComputedLinks, users);
            epochs.Add(record);
            observer?.EpochFinished(record);
        }
        return new SimulationResult(options, epochs, users, _env.Noise);
    }

    /// <summary>Stage II: each BS schedules its users (forced users first) from its own channels and weights.</summary>
    private int[][] Schedule(int n, EpochChannels h, double[][] weights, RunState state, RunOptions options, ParallelOptions parallel)
    {
        if (state.Frozen is { } frozen) return frozen;
        var sc = _env.Scenario;
        int cells = sc.Layout.Cells;
        var scheduler = Scheduler(options.Scheduler);
        var scheduled = new int[cells][];
        Parallel.For(0, cells, parallel, l =>
        {
            var input = new SchedulingInput(h.Own(l), weights[l], state.Forced(l, n, weights[l]), state.MaxUsers, _env.Noise, sc.PowerWatts);
            scheduled[l] = scheduler.Schedule(input);
        });
        if (options.FreezeScheduleAfterFirstEpoch) state.Frozen = scheduled;
        return scheduled;
    }

    /// <summary>Stage III: locations over the backhaul and map queries, giving every BS its problem (17) (null for the centralised WMMSE schemes).</summary>
    private LocalBeamformingProblem[]? Exchange(Scheme scheme, int n, int[][] scheduled, SensedUser[][] beliefs, double[][] weights, double cBar,
        ParallelOptions parallel)
    {
        if (scheme is Scheme.Cwmmse or Scheme.Pwmmse) return null;
        var problems = new LocalBeamformingProblem[scheduled.Length];
        Parallel.For(0, scheduled.Length, parallel, l => problems[l] = LocalProblem(scheme, l, n, scheduled, beliefs, weights, cBar));
        return problems;
    }

    /// <summary>Stage IV: every BS solves its problem (or the WMMSE baselines solve theirs).</summary>
    private BeamformingOutcome Beamform(Scheme scheme, int n, EpochChannels h, int[][] scheduled, double[][] weights,
        LocalBeamformingProblem[]? problems, ParallelOptions parallel)
    {
        var sc = _env.Scenario;
        int cells = scheduled.Length;
        if (problems is null)
        {
            var sw = Stopwatch.StartNew();
            var wmmse = new WeightedMmse(scheme == Scheme.Cwmmse, sc.WmmseIterations);
            var v = wmmse.Solve(h, scheduled, weights, _env.Noise, sc.PowerWatts);
            return new BeamformingOutcome(v, null, sw.Elapsed.TotalSeconds / cells, double.NaN, 0);
        }
        var beamformer = _beamformers(scheme);
        var results = new BeamformingResult[cells];
        var seconds = new double[cells];
        Parallel.For(0, cells, parallel, l =>
        {
            var sw = Stopwatch.StartNew();
            results[l] = beamformer.Solve(problems[l]);
            seconds[l] = sw.Elapsed.TotalSeconds;
        });
        return new BeamformingOutcome(results.Select(r => r.Beams).ToArray(), results, seconds.Average(),
            results.Average(r => (double)r.OuterIterations), results.Max(r => r.MaxSensingViolation));
    }

    /// <summary>Transmission in epoch n: the echoes of the beams give each BS new estimates of its scheduled users.</summary>
    private SensingSummary Sense(int n, int[][] scheduled, Complex[][][] beams, RunState state, ParallelOptions parallel)
    {
        var sc = _env.Scenario;
        var users = _env.UsersAt(n);
        int cells = scheduled.Length;
        var errors = new List<double>[cells];
        var angleStd = new List<double>[cells];
        var locError = users.Select(c => Enumerable.Repeat(double.NaN, c.Length).ToArray()).ToArray();
        Parallel.For(0, cells, parallel, l =>
        {
            errors[l] = [];
            angleStd[l] = [];
            for (int a = 0; a < scheduled[l].Length; a++)
            {
                int k = scheduled[l][a];
                var (belief, outcome) = _env.Sensing.Sense(l, users[l][k], beams[l], a, state.Beliefs[l][k], n,
                    new DeterministicRandom(DeterministicRandom.Derive(state.SensingSeed, [n, l, k])), sc.UserSpeed, sc.EpochSeconds);
                state.Beliefs[l][k] = belief;
                if (double.IsFinite(outcome.AngleVariance))
                {
                    errors[l].Add(outcome.LocationError);
                    angleStd[l].Add(Math.Sqrt(outcome.AngleVariance) * 180 / Math.PI);
                    locError[l][k] = outcome.LocationError;
                }
            }
        });
        return new SensingSummary(errors.SelectMany(e => e).ToList(), angleStd.SelectMany(e => e).ToList(), locError);
    }

    /// <summary>Updates the rate history and returns the epoch's network record (and appends the per-user records).</summary>
    private EpochRecord Record(RunOptions options, int n, int[][] scheduled, double[][] rates, double[][] weights, SensingSummary sensed,
        BeamformingOutcome bf, RunState state, PhaseTimes timing, long links, List<UserEpochRecord> userRecords)
    {
        var sc = _env.Scenario;
        int cells = scheduled.Length;
        double sumRate = state.AddRates(rates, scheduled, n);
        double pfr = 0;
        for (int l = 0; l < cells; l++)
        {
            var set = new HashSet<int>(scheduled[l]);
            for (int k = 0; k < rates[l].Length; k++)
            {
                double avg = state.RateSum[l][k] / n;
                pfr += Math.Log(Math.Max(avg, sc.RateFloor));
                userRecords.Add(new UserEpochRecord(n, l, k, set.Contains(k), rates[l][k], avg, weights[l][k], sensed.LocationError[l][k]));
            }
        }
        int total = scheduled.Sum(s => s.Length);
        var errors = sensed.Errors;
        return new EpochRecord(options.Scheme.Name(), options.Scheduler.Name(), n, pfr, sumRate, total,
            errors.Count == 0 ? double.NaN : Math.Sqrt(errors.Average(e => e * e)),
            errors.Count == 0 ? double.NaN : Median(errors),
            sensed.AngleStdDeg.Count == 0 ? double.NaN : Median(sensed.AngleStdDeg),
            bf.Violation,
            BackhaulAccounting.Bits(options.Scheme, sc.Layout, sc.ChannelSettings.TransmitAntennas, scheduled, sc.BitsPerReal),
            bf.SecondsPerBs, bf.Iterations)
        {
            Timing = timing,
            ChannelLinks = links,
            MapPoints = _env.Maps.Sum(m => m.BuiltCount),
            MapMemoryBytes = _env.MapMemoryBytes,
        };
    }

    /// <summary>
    /// BS <paramref name="bs"/>'s problem (17) for epoch <paramref name="epoch"/>: its scheduled users' channels,
    /// the outgoing inter-cell channels to the scheduled users of the cells it coordinates with (from its map at
    /// their sensed locations for the SD-USCB schemes, true channels for SALINR with perfect CSI), and its sensing
    /// constraints (SD-USCB schemes only).
    /// </summary>
    public LocalBeamformingProblem LocalProblem(Scheme scheme, int bs, int epoch, int[][] scheduled, SensedUser[][] beliefs,
        double[][] weights, double sensingThreshold)
    {
        var sc = _env.Scenario;
        var h = _env.ChannelsAt(epoch);
        var own = scheduled[bs].Select(k => h.Link(bs, bs, k)).ToArray();
        bool sensed = scheme is Scheme.SdUscb or Scheme.SdUscbSlinr;
        var leakage = new List<Complex[]>();
        bool covariance = sc.CkmSettings.LeakageEstimate == Ckm.LeakageEstimate.Covariance;
        foreach (int m in sc.Layout.Neighbours(bs))
            foreach (int t in scheduled[m])
            {
                if (!sensed) leakage.Add(h.Link(bs, m, t));
                else if (covariance) leakage.AddRange(_env.Maps[bs].QueryComponents(beliefs[m][t].Position));
                else leakage.Add(_env.Maps[bs].Query(beliefs[m][t].Position));
            }
        SensingConstraints? sensing = null;
        if (sensed)
        {
            var data = scheduled[bs].Select(k => _env.Sensing.ConstraintData(bs, beliefs[bs][k])).ToArray();
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

    private static double Median(List<double> values)
    {
        var s = values.OrderBy(x => x).ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }

    private sealed record BeamformingOutcome(Complex[][][] Beams, BeamformingResult[]? Results, double SecondsPerBs, double Iterations, double Violation);

    private sealed record SensingSummary(List<double> Errors, List<double> AngleStdDeg, double[][] LocationError);
}
