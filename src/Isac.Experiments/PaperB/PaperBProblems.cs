using System.Diagnostics;
using Isac.Network.Beamforming;
using Isac.Network.Scheduling;
using Isac.Network.Simulation;
using Isac.Network.Surrogates;

namespace Isac.Experiments.PaperB;

/// <summary>One BS's run of a beamformer on its problem (17): what Fig. 5 and Table I report.</summary>
/// <param name="Bs">ℓ.</param>
/// <param name="Trace">Virtual PFR (17a) after each FP iteration (index 0: the starting beams).</param>
/// <param name="VirtualPfr">Virtual PFR of the beams the beamformer returns.</param>
/// <param name="Seconds">Wall time of the solve.</param>
/// <param name="Failure">Why the beamformer stopped early, or null.</param>
/// <param name="RankRatio">For the SDR beamformer, λ₂/λ₁ of its last relaxation's covariances (0: rank one); NaN for the others.</param>
public sealed record BeamformerRun(int Bs, IReadOnlyList<double> Trace, double VirtualPfr, double Seconds, string? Failure, double RankRatio)
{
    /// <summary>The steady-state timing (when the run was timed that way; otherwise the single solve's time).</summary>
    public SteadyStateTime? Steady { get; init; }
}

/// <summary>
/// The per-BS beamforming problems behind paper B's Fig. 5 and Table I, and the algorithms they
/// compare (Fig. 5 and Table I call these; Figs. 6-9 are plain <see cref="NetworkSimulator"/> runs).
/// </summary>
public static class PaperBProblems
{
    /// <summary>The ISAC beamformers Fig. 5 and Table I compare.</summary>
    public static readonly string[] Algorithms = ["dualopt", "sdr"];

    /// <summary>
    /// DualOpt (Algorithm 2) or the SDR-based beamformer with the scenario's settings and the given
    /// FP loop settings (default: the scenario's).
    /// </summary>
    public static ILocalBeamformer Beamformer(string algorithm, PaperBScenario scenario, FractionalProgrammingSettings? fp = null) => algorithm switch
    {
        "dualopt" => FractionalProgrammingBeamformer.DualOpt(scenario.DualOptSettings, fp ?? scenario.FpSettings),
        "sdr" => new SdrBeamformer(scenario.SdrSettings, fp ?? scenario.FpSettings),
        _ => throw new Core.IsacInputException($"unknown ISAC beamformer '{algorithm}' (expected one of: {string.Join(", ", Algorithms)})"),
    };

    /// <summary>
    /// Runs <paramref name="beamformer"/> on every BS's SD-USCB problem of epoch <paramref name="epoch"/>
    /// with <paramref name="perCell"/> scheduled users per cell (see <see cref="EpochProblem"/>), timing each solve.
    /// </summary>
    /// <param name="sim">The simulator on the network.</param>
    /// <param name="beamformer">The beamformer.</param>
    /// <param name="perCell">Users scheduled per cell.</param>
    /// <param name="epoch">The epoch whose problems are solved.</param>
    /// <param name="cancel">Cancels between solves.</param>
    /// <param name="steadyState">Time each BS's solve in steady state (<see cref="SteadyStateTime.Measure"/>: repeated until the timings settle, then the median of repeats) instead of once.</param>
    public static IReadOnlyList<BeamformerRun> RunAllBs(NetworkSimulator sim, ILocalBeamformer beamformer, int perCell, int epoch = 1,
        CancellationToken cancel = default, bool steadyState = false)
    {
        var runs = new List<BeamformerRun>();
        for (int l = 0; l < sim.Environment.Scenario.Layout.Cells; l++)
        {
            cancel.ThrowIfCancellationRequested();
            var problem = EpochProblem(sim, Scheme.SdUscb, l, perCell, epoch);
            var sw = Stopwatch.StartNew();
            var result = beamformer.Solve(problem);
            double seconds = sw.Elapsed.TotalSeconds;
            SteadyStateTime? steady = null;
            if (steadyState)
            {
                var s = SteadyStateTime.Measure(() => beamformer.Solve(problem), cancel: cancel);
                steady = s with { WarmupRuns = s.WarmupRuns + 1 };
                seconds = s.Median;
            }
            double pfr = LocalSinr.WeightedSumRate(problem.Weights,
                LocalSinr.Sinr(problem.Channels, problem.LeakageChannels, result.Beams, problem.Noise, problem.Surrogate));
            double rank = result.RelaxationRankRatio;
            runs.Add(new BeamformerRun(l, result.ObjectiveTrace, pfr, seconds, result.Failure, rank) { Steady = steady });
        }
        return runs;
    }

    /// <summary>
    /// A BS's problem in epoch <paramref name="epoch"/> with exactly <paramref name="perCell"/> users per cell:
    /// PFZFG's choice, topped up with the remaining users in index order if it stops early; equal
    /// PF weights (no history) and initial-access locations.
    /// </summary>
    public static LocalBeamformingProblem EpochProblem(NetworkSimulator sim, Scheme scheme, int bs, int perCell, int epoch)
    {
        var env = sim.Environment;
        var sc = env.Scenario;
        var h = env.ChannelsAt(epoch);
        var users = env.UsersAt(epoch);
        var weights = NetworkSimulator.Weights(users.Select(c => new double[c.Length]).ToArray(), 0, sc.RateFloor);
        var scheduled = new int[users.Length][];
        for (int l = 0; l < users.Length; l++)
        {
            var chosen = new PfzfgScheduler().Schedule(new SchedulingInput(h.Own(l), weights[l], [], perCell, env.Noise, sc.PowerWatts)).ToList();
            foreach (int k in Enumerable.Range(0, users[l].Length))
            {
                if (chosen.Count >= Math.Min(perCell, users[l].Length)) break;
                if (!chosen.Contains(k)) chosen.Add(k);
            }
            chosen.Sort();
            scheduled[l] = chosen.ToArray();
        }
        return sim.LocalProblem(scheme, bs, epoch, scheduled, env.InitialBeliefs(), weights, sc.SensingSettings.Threshold);
    }
}
