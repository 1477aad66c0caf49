using Isac.Core.Numerics;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Isac.Network.Beamforming;
using Isac.Network.Numerics;
using Isac.Experiments.PaperB;
using Isac.Network.Simulation;

// Paper B benchmarks and figure runs. Usage:
//   dotnet run --project bench/Isac.Network.Bench -c Release -- dualopt          DualOpt per BS per epoch in steady state (Table I sizes):
//                                                                              Newton inner loop, gradient inner loop, one factorisation per user
//   dotnet run --project bench/Isac.Network.Bench -c Release -- sdr [epochs] [sizes]  SDR beamformer vs DualOpt per BS per epoch
//   dotnet run --project bench/Isac.Network.Bench -c Release -- fig6            wall time of the default Fig. 6 run (5 schemes)
//   dotnet run --project bench/Isac.Network.Bench -c Release -- ckm              full map build time and memory, one BS
string mode = args.Length > 0 ? args[0] : "dualopt";
var scenario = PaperBScenario.PaperB();
Console.WriteLine($"# {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

switch (mode)
{
    case "cpu":
    {
        // DualOpt's CPU time per solve (thread CPU clock, so a loaded machine's waits for a core are left out) on the
        // epoch-1 problems of 5 networks (seeds 1-5) × 3 BSs per Table I size, after 40 warm-up solves of each problem;
        // median over rounds of the whole set. For before/after comparisons: the summed virtual PFR must not change.
        // Optional: warm-up solves per problem (default 40) and the sizes (default 18,36,54), e.g. `cpu 2 0 54` under callgrind.
        int rounds = args.Length > 1 ? int.Parse(args[1]) : 15;
        int warmups = args.Length > 2 ? int.Parse(args[2]) : 40;
        var sizes = args.Length > 3 ? args[3].Split(',').Select(int.Parse).ToArray() : [18, 36, 54];
        Console.WriteLine("per_bs  cpu_ms_median  cpu_ms_min  fp_iterations  virtual_pfr_sum");
        foreach (int total in sizes)
        {
            int perCell = total / 3;
            var problems = Enumerable.Range(1, 5).SelectMany(seed => { var sim = new NetworkSimulator(new NetworkEnvironment(scenario, seed));
                return Enumerable.Range(0, 3).Select(l => PaperBProblems.EpochProblem(sim, Scheme.SdUscb, l, perCell, 1)); }).ToArray();
            var bf = FractionalProgrammingBeamformer.DualOpt();
            foreach (var p in problems) for (int i = 0; i < warmups; i++) bf.Solve(p);
            double pfr = 0, fp = 0;
            foreach (var p in problems) { var r = bf.Solve(p); pfr += VirtualPfr(p, r.Beams); fp += r.OuterIterations; }
            var times = new double[rounds];
            for (int r = 0; r < rounds; r++)
            {
                double c0 = ThreadCpuClock.Seconds();
                foreach (var p in problems) bf.Solve(p);
                times[r] = (ThreadCpuClock.Seconds() - c0) / problems.Length;
            }
            Array.Sort(times);
            Console.WriteLine($"{perCell,6} {1e3 * times[rounds / 2],14:F3} {1e3 * times[0],11:F3} {fp / problems.Length,14:F2} {pfr,16:F3}");
        }
        break;
    }
    case "dualopt":
    {
        // Steady-state time per BS per epoch (each problem repeated until its timings settle, then the median of
        // repeats: SteadyStateTime, as Table I) of DualOpt with its default projected-Newton inner loop, with the
        // projected-gradient inner loop, and with one factorisation per user (eq. (29) without Remark 1).
        var sim = new NetworkSimulator(new NetworkEnvironment(scenario, 1));
        Console.WriteLine("scheduled_users(network) per_bs  dualopt_ms  dualopt_min_ms  gradient_ms  per_user_ms  newton_vs_gradient  fp_iterations  inner_iterations  virtual_pfr  gradient_pfr");
        foreach (int total in new[] { 18, 36, 54 })
        {
            int perCell = total / 3;
            var problems = Enumerable.Range(1, 3).SelectMany(n => Enumerable.Range(0, 3).Select(l => PaperBProblems.EpochProblem(sim, Scheme.SdUscb, l, perCell, n))).ToArray();
            var fast = FractionalProgrammingBeamformer.DualOpt();
            var gradient = FractionalProgrammingBeamformer.DualOpt(new DualOptSettings(NewtonAfter: 1_000_000));
            var slow = new FractionalProgrammingBeamformer("dualopt-per-user", new PerUserFactorisation(new DualOptSolver()));
            double tf = 0, tfMin = 0, tg = 0, ts = 0, outer = 0, inner = 0, pf = 0, pg = 0;
            foreach (var p in problems)
            {
                var f = SteadyStateTime.Measure(() => fast.Solve(p));
                tf += f.Median; tfMin += f.Min;
                tg += SteadyStateTime.Measure(() => gradient.Solve(p)).Median;
                ts += SteadyStateTime.Measure(() => slow.Solve(p)).Median;
                var res = fast.Solve(p);
                outer += res.OuterIterations;
                inner += res.InnerIterations;
                pf += VirtualPfr(p, res.Beams);
                pg += VirtualPfr(p, gradient.Solve(p).Beams);
            }
            int runs = problems.Length;
            Console.WriteLine($"{total,23} {perCell,6} {1e3 * tf / runs,11:F2} {1e3 * tfMin / runs,15:F2} {1e3 * tg / runs,12:F2} {1e3 * ts / runs,12:F2} {tg / tf,19:F2} {outer / runs,14:F1} {inner / runs,17:F1} {pf,12:F1} {pg,13:F1}");
        }
        break;
    }
    case "sdr":
    {
        // The SDR-based ISAC beamformer against DualOpt on the same problems (Table I sizes):
        // wall time per BS per epoch, FP iterations, final virtual PFR, and the rank of the relaxation.
        int epochs = args.Length > 1 ? int.Parse(args[1]) : 1;
        var sizes = args.Length > 2 ? args[2].Split(',').Select(int.Parse).ToArray() : [18, 36, 54];
        var sim = new NetworkSimulator(new NetworkEnvironment(scenario, 1));
        Console.WriteLine("scheduled_users(network) per_bs  sdr_s  sdr_cpu_s  sdr_compile_s  sdr_solver_s  dualopt_s  ratio  sdr_fp_it  dualopt_fp_it  sdr_ipm_it  sdr_pfr  dualopt_pfr  max_rank_ratio  sdr_violation");
        foreach (int total in sizes)
        {
            int perCell = total / 3;
            var problems = Enumerable.Range(1, epochs).SelectMany(n => Enumerable.Range(0, 3).Select(l => PaperBProblems.EpochProblem(sim, Scheme.SdUscb, l, perCell, n))).ToArray();
            var sdr = new SdrBeamformer();
            var dual = FractionalProgrammingBeamformer.DualOpt();
            dual.Solve(problems[0]); // warm up the JIT
            double ts = 0, td = 0, fs = 0, fd = 0, ipm = 0, ps = 0, pd = 0, rank = 0, viol = 0, cpu = 0, comp = 0, solv = 0;
            var process = Process.GetCurrentProcess();
            foreach (var p in problems)
            {
                process.Refresh();
                var cpu0 = process.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                var rs = sdr.Solve(p);
                ts += sw.Elapsed.TotalSeconds;
                process.Refresh();
                cpu += (process.TotalProcessorTime - cpu0).TotalSeconds;
                comp += rs.ModelTime.Compile.TotalSeconds;
                solv += rs.ModelTime.Solver.TotalSeconds;
                rank = Math.Max(rank, rs.RelaxationRankRatio);
                sw.Restart();
                var rd = dual.Solve(p);
                td += sw.Elapsed.TotalSeconds;
                fs += rs.OuterIterations; fd += rd.OuterIterations; ipm += rs.InnerIterations;
                ps += VirtualPfr(p, rs.Beams); pd += VirtualPfr(p, rd.Beams);
                viol = Math.Max(viol, rs.MaxSensingViolation);
                if (rs.Failure is not null) Console.WriteLine($"  sdr stopped early: {rs.Failure}");
            }
            int n = problems.Length;
            Console.WriteLine($"{total,23} {perCell,6} {ts / n,6:F3} {cpu / n,10:F3} {comp / n,14:F3} {solv / n,13:F3} {td / n,10:F4} {ts / td,6:F0} {fs / n,10:F1} {fd / n,14:F1} {ipm / n,11:F0} {ps / n,8:F1} {pd / n,12:F1} {rank,15:E1} {viol,14:E1}");
        }
        break;
    }
    case "fig6":
    {
        var sw = Stopwatch.StartNew();
        var sim = new NetworkSimulator(new NetworkEnvironment(scenario, 1));
        var finals = SchemeNames.All.Select(s => (s, sim.Run(new RunOptions(s, SchedulerKind.Pfzfg, scenario.Epochs)).Epochs[^1].AccumulatedPfr)).ToList();
        Console.WriteLine($"default Fig. 6 run (3 cells, 40 users/cell, 10 epochs, 5 schemes, one seed): {sw.Elapsed.TotalSeconds:F1} s wall");
        foreach (var (s, pfr) in finals) Console.WriteLine($"  {s.Name(),-15} final accumulated PFR {pfr:F2}");
        break;
    }
    case "ckm":
    {
        var quick = scenario;
        var env = new NetworkEnvironment(quick, 1);
        var map = env.Maps[0];
        var sw = Stopwatch.StartNew();
        // Build one horizontal band of the map and extrapolate (a full build is the same per point).
        int rows = args.Length > 1 ? int.Parse(args[1]) : 20;
        for (int iy = 0; iy < rows; iy++) for (int ix = 0; ix < env.Grid.Nx; ix++) map.Entry(ix, iy);
        double perPoint = sw.Elapsed.TotalSeconds / (rows * env.Grid.Nx);
        Console.WriteLine($"grid {env.Grid.Nx}×{env.Grid.Ny} = {env.Grid.Count} points per BS; {perPoint * 1e6:F1} µs per point (one thread);" +
                          $" full map ≈ {perPoint * env.Grid.Count:F0} s per BS on one core; storage {map.MemoryBytes / 1e6:F1} MB per BS");
        using var ms = new MemoryStream();
        Isac.Network.Ckm.CkmFile.Save(map, ms);
        Console.WriteLine($"saved {map.BuiltCount} points in {ms.Length / 1e3:F0} kB ({(double)ms.Length / map.BuiltCount:F1} B per point, gzip)");
        break;
    }
    case "ckmquality":
    {
        // How well does a map's estimate describe the true inter-cell channel? For 8 users of each cell BS 0 coordinates
        // with: the normalised correlation |ĥᴴh|²/(‖ĥ‖²‖h‖²) with 5 drawn channels, power-weighted over the users, for the
        // map's ĥ (36) and for the best phase-less estimate Σ√α_q a(θ_q) of the exact paths. Scenario file optional.
        var sc = args.Length > 1 ? PaperBScenarioReader.Parse(File.ReadAllText(args[1]), args[1]) : scenario;
        var env = new NetworkEnvironment(sc, 1);
        var users = env.UsersAt(1);
        var steer = new Isac.Network.Channels.SteeringVector(sc.ChannelSettings.TransmitAntennas);
        double wMap = 0, wBest = 0, total = 0, mapPower = 0;
        foreach (int m in sc.Layout.Neighbours(0))
            foreach (var u in users[m].Take(8))
            {
                var est = env.Maps[0].Query(u.Position);
                var paths = env.Channels.Paths(0, m, u.Index, u.Position);
                double mean = paths.Sum(q => q.Power);
                var best = new System.Numerics.Complex[sc.ChannelSettings.TransmitAntennas];
                foreach (var q in paths) ComplexVectors.AddScaled(best, Math.Sqrt(q.Power), steer.At(q.Angle));
                double cm = 0, cb = 0;
                for (int e = 1; e <= 5; e++)
                {
                    var h = env.Channels.Channel(0, m, u.Index, u.Position, e);
                    double hh = ComplexVectors.NormSquared(h);
                    cm += ComplexVectors.AbsDotSquared(est, h) / Math.Max(ComplexVectors.NormSquared(est) * hh, 1e-300);
                    cb += ComplexVectors.AbsDotSquared(best, h) / (ComplexVectors.NormSquared(best) * hh);
                }
                wMap += mean * cm / 5; wBest += mean * cb / 5; total += mean; mapPower += ComplexVectors.NormSquared(est);
            }
        Console.WriteLine($"{sc.Name}: power-weighted normalised correlation with the drawn channels: map {wMap / total:F3}, best phase-less estimate {wBest / total:F3}; map power / mean channel power {mapPower / total:F3}");
        break;
    }
}

static double VirtualPfr(LocalBeamformingProblem p, System.Numerics.Complex[][] beams) =>
    Isac.Network.Surrogates.LocalSinr.WeightedSumRate(p.Weights, Isac.Network.Surrogates.LocalSinr.Sinr(p.Channels, p.LeakageChannels, beams, p.Noise, p.Surrogate));

/// <summary>The reference for the ratio: the same DualOpt solver, but every user's (M − μ_j a_j a_jᴴ) factorised on its own (eq. (29) without Remark 1).</summary>
sealed class PerUserFactorisation(IBeamSubproblemSolver inner) : IBeamSubproblemSolver
{
    public (System.Numerics.Complex[][] Beams, int Iterations) Solve(QuadraticBeamSubproblem p, DualState state) =>
        inner.Solve(p.PerUser is null ? p with { PerUser = Enumerable.Range(0, p.Users).Select(_ => new System.Numerics.Complex[p.Antennas * p.Antennas]).ToArray() } : p, state);
}
