using System.Diagnostics;
using Isac.Network.Beamforming;
using Isac.Network.Scheduling;
using Isac.Network.Simulation;

namespace Isac.Network.Reproduction;

/// <summary>Fig. 5 row: the virtual PFR (17a) of one BS after each FP iteration.</summary>
public sealed record Figure5Row(string Algorithm, int Iteration, double Pfr);

/// <summary>Fig. 6 row: accumulated PFR (7a) per scheme and epoch.</summary>
public sealed record Figure6Row(string Scheme, int Epoch, double AccumulatedPfr);

/// <summary>Fig. 7 row: accumulated PFR at the last epoch per sensing threshold c̄.</summary>
public sealed record Figure7Row(double SensingThreshold, double AccumulatedPfr);

/// <summary>Fig. 8 row: accumulated PFR per scheduler and epoch (SD-USCB).</summary>
public sealed record Figure8Row(string Scheduler, int Epoch, double AccumulatedPfr);

/// <summary>Fig. 9 row: accumulated PFR per surrogate, users per cell and epoch (SD-USCB).</summary>
public sealed record Figure9Row(string Beamforming, int UsersPerCell, int Epoch, double AccumulatedPfr);

/// <summary>Table I row: beamformer wall time per BS per epoch.</summary>
public sealed record Table1Row(string Algorithm, int ScheduledUsers, double SecondsPerBsEpoch);

/// <summary>
/// Paper B's figures 5-9 and Table I as computations that return tidy rows (the columns the
/// issue asks for), so the experiment runner only has to call them and write CSV and plots.
/// Each function builds its own <see cref="NetworkEnvironment"/> from the scenario and seed.
/// </summary>
public static class PaperBFigures
{
    /// <summary>CSV columns of each figure.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        ["5"] = ["algorithm", "iteration", "pfr"],
        ["6"] = ["scheme", "epoch", "accumulated_pfr"],
        ["7"] = ["sensing_threshold", "accumulated_pfr"],
        ["8"] = ["scheduler", "epoch", "accumulated_pfr"],
        ["9"] = ["beamforming", "users_per_cell", "epoch", "accumulated_pfr"],
        ["table1"] = ["algorithm", "scheduled_users", "seconds_per_bs_epoch"],
    };

    /// <summary>
    /// Fig. 5: the convergence of the ISAC beamformers on one BS's problem (17) — BS 0 in epoch 1,
    /// PFZFG schedule, CKM inter-cell CSI from the initial locations — running the FP loop for
    /// <paramref name="iterations"/> iterations without the early stop. The SDR-based beamformer
    /// plugs in through <paramref name="extra"/> when it exists.
    /// </summary>
    public static IReadOnlyList<Figure5Row> Figure5(Scenario scenario, long seed, int iterations = 30, IEnumerable<ILocalBeamformer>? extra = null)
    {
        var env = new NetworkEnvironment(scenario, seed);
        var sim = new NetworkSimulator(env);
        var problem = FirstEpochProblem(sim, Scheme.SdUscb, 0, scenario.MaxScheduledPerCell);
        var fp = new FractionalProgrammingSettings(iterations, 0);
        var algorithms = new List<ILocalBeamformer> { FractionalProgrammingBeamformer.DualOpt(scenario.DualOptSettings, fp) };
        if (extra is not null) algorithms.AddRange(extra);
        var rows = new List<Figure5Row>();
        foreach (var bf in algorithms)
        {
            var r = bf.Solve(problem);
            rows.AddRange(r.ObjectiveTrace.Select((p, i) => new Figure5Row(bf.Name, i, p)));
        }
        return rows;
    }

    /// <summary>Fig. 6: accumulated PFR of every scheme over the epochs (PFZFG scheduling); all five schemes by default (the paper plots four, without SD-USCB with SLINR).</summary>
    public static IReadOnlyList<Figure6Row> Figure6(Scenario scenario, long seed, int? epochs = null, IEnumerable<Scheme>? schemes = null)
    {
        var sim = new NetworkSimulator(new NetworkEnvironment(scenario, seed));
        var rows = new List<Figure6Row>();
        foreach (var s in schemes ?? SchemeNames.All)
        {
            var r = sim.Run(new RunOptions(s, SchedulerKind.Pfzfg, epochs ?? scenario.Epochs));
            rows.AddRange(r.Epochs.Select(e => new Figure6Row(e.Scheme, e.Epoch, e.AccumulatedPfr)));
        }
        return rows;
    }

    /// <summary>
    /// Fig. 7: SD-USCB's accumulated PFR after the last epoch for each threshold c̄, with the
    /// paper's protocol: epoch 1's PFZFG schedule kept for all epochs.
    /// </summary>
    public static IReadOnlyList<Figure7Row> Figure7(Scenario scenario, long seed, IEnumerable<double>? thresholds = null, int? epochs = null)
    {
        var sim = new NetworkSimulator(new NetworkEnvironment(scenario, seed));
        return (thresholds ?? [0.01, 0.1, 1, 10]).Select(c =>
        {
            var r = sim.Run(new RunOptions(Scheme.SdUscb, SchedulerKind.Pfzfg, epochs ?? scenario.Epochs, SensingThreshold: c, FreezeScheduleAfterFirstEpoch: true));
            return new Figure7Row(c, r.Epochs[^1].AccumulatedPfr);
        }).ToList();
    }

    /// <summary>Fig. 8: SD-USCB with PFZFG, Hungarian and no scheduling.</summary>
    public static IReadOnlyList<Figure8Row> Figure8(Scenario scenario, long seed, int? epochs = null)
    {
        var sim = new NetworkSimulator(new NetworkEnvironment(scenario, seed));
        var rows = new List<Figure8Row>();
        foreach (var k in new[] { SchedulerKind.Pfzfg, SchedulerKind.Hungarian, SchedulerKind.All })
        {
            var r = sim.Run(new RunOptions(Scheme.SdUscb, k, epochs ?? scenario.Epochs));
            rows.AddRange(r.Epochs.Select(e => new Figure8Row(k.Name(), e.Epoch, e.AccumulatedPfr)));
        }
        return rows;
    }

    /// <summary>Fig. 9: SD-USCB with SALINR against SLINR beamforming, at each limit on scheduled users per cell.</summary>
    public static IReadOnlyList<Figure9Row> Figure9(Scenario scenario, long seed, IEnumerable<int>? usersPerCell = null, int? epochs = null)
    {
        var sim = new NetworkSimulator(new NetworkEnvironment(scenario, seed));
        var rows = new List<Figure9Row>();
        foreach (int u in usersPerCell ?? [18, 22])
            foreach (var (scheme, name) in new[] { (Scheme.SdUscb, "salinr"), (Scheme.SdUscbSlinr, "slinr") })
            {
                var r = sim.Run(new RunOptions(scheme, SchedulerKind.Pfzfg, epochs ?? scenario.Epochs, MaxScheduledPerCell: u));
                rows.AddRange(r.Epochs.Select(e => new Figure9Row(name, u, e.Epoch, e.AccumulatedPfr)));
            }
        return rows;
    }

    /// <summary>
    /// Table I: mean wall time of each beamformer per BS per epoch with exactly
    /// <paramref name="scheduledTotals"/> users scheduled in the whole network (erratum 6: 18 / 36 / 54
    /// in the network, i.e. 6 / 12 / 18 per BS), over <paramref name="epochs"/> epochs' problems.
    /// </summary>
    public static IReadOnlyList<Table1Row> Table1(Scenario scenario, long seed, IEnumerable<int>? scheduledTotals = null, int epochs = 3,
        IEnumerable<ILocalBeamformer>? extra = null)
    {
        var env = new NetworkEnvironment(scenario, seed);
        var sim = new NetworkSimulator(env);
        int cells = scenario.Layout.Cells;
        var algorithms = new List<ILocalBeamformer> { FractionalProgrammingBeamformer.DualOpt(scenario.DualOptSettings, scenario.FpSettings) };
        if (extra is not null) algorithms.AddRange(extra);
        var rows = new List<Table1Row>();
        foreach (var bf in algorithms)
            foreach (int total in scheduledTotals ?? [18, 36, 54])
            {
                int perCell = Math.Max(1, total / cells);
                double seconds = 0;
                int count = 0;
                for (int n = 1; n <= epochs; n++)
                    for (int l = 0; l < cells; l++)
                    {
                        var problem = EpochProblem(sim, Scheme.SdUscb, l, perCell, n);
                        var sw = Stopwatch.StartNew();
                        bf.Solve(problem);
                        seconds += sw.Elapsed.TotalSeconds;
                        count++;
                    }
                rows.Add(new Table1Row(bf.Name, perCell * cells, seconds / count));
            }
        return rows;
    }

    /// <summary>BS <paramref name="bs"/>'s problem in epoch 1 (no rate history, initial-access locations).</summary>
    public static LocalBeamformingProblem FirstEpochProblem(NetworkSimulator sim, Scheme scheme, int bs, int perCell) =>
        EpochProblem(sim, scheme, bs, perCell, 1);

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
            var chosen = new PfzfgScheduler().Schedule(new SchedulingInput(h[l][l], weights[l], [], perCell, env.Noise, sc.PowerWatts)).ToList();
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
