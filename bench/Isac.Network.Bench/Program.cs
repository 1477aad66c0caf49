using System.Diagnostics;
using Isac.Network.Simulation;

var scenario = Scenario.PaperB();
string mode = args.Length > 0 ? args[0] : "smoke";
if (mode == "smoke")
{
    int epochs = args.Length > 1 ? int.Parse(args[1]) : 3;
    var sw = Stopwatch.StartNew();
    var env = new NetworkEnvironment(scenario, 1);
    Console.WriteLine($"env {sw.Elapsed.TotalSeconds:F2}s noise {env.Noise:E3}");
    var sim = new NetworkSimulator(env);
    foreach (var s in SchemeNames.All)
    {
        sw.Restart();
        var r = sim.Run(new RunOptions(s, Epochs: epochs));
        Console.WriteLine($"{s.Name(),-15} {sw.Elapsed.TotalSeconds,6:F2}s");
        foreach (var e in r.Epochs)
            Console.WriteLine($"  n={e.Epoch} pfr={e.AccumulatedPfr,8:F2} sum={e.SumRate,7:F2} S={e.ScheduledUsers} locRmse={e.LocationRmse,8:F2} med={e.MedianLocationError,7:F2} sθ={e.MedianAngleStdDeg,6:F3} viol={e.MaxSensingViolation:F3} bits={e.BackhaulBits} bf={e.BeamformingSecondsPerBs * 1000,7:F2}ms it={e.FpIterations:F1}");
    }
}
if (mode == "one")
{
    var env = new NetworkEnvironment(scenario, 1);
    var sim = new NetworkSimulator(env);
    var users = env.UsersAt(1);
    var h = env.ChannelsAt(1);
    var rateSum = users.Select(c => new double[c.Length]).ToArray();
    var weights = NetworkSimulator.Weights(rateSum, 0, scenario.RateFloor);
    var sched = Enumerable.Range(0, 3).Select(l => new Isac.Network.Scheduling.PfzfgScheduler().Schedule(
        new Isac.Network.Scheduling.SchedulingInput(h[l][l], weights[l], [], 18, env.Noise, scenario.PowerWatts))).ToArray();
    var beliefs = env.InitialBeliefs();
    foreach (var scheme in new[] { Scheme.SdUscb, Scheme.SalinrPerfect })
    {
        var p = sim.LocalProblem(scheme, 0, 1, sched, beliefs, weights, 1.0);
        for (int rep = 0; rep < 3; rep++)
        {
            var sw = Stopwatch.StartNew();
            var bf = scheme == Scheme.SdUscb ? Isac.Network.Beamforming.FractionalProgrammingBeamformer.DualOpt()
                : new Isac.Network.Beamforming.FractionalProgrammingBeamformer("fp", new Isac.Network.Beamforming.ExactPowerSolver());
            var r = bf.Solve(p);
            Console.WriteLine($"{scheme} K={p.Users} {sw.Elapsed.TotalMilliseconds:F2} ms outer={r.OuterIterations} inner={r.InnerIterations} viol={r.MaxSensingViolation:E2}");
            if (rep == 0) Console.WriteLine("  trace " + string.Join(" ", r.ObjectiveTrace.Select(x => x.ToString("F3"))));
        }
    }
}
if (mode == "prof")
{
    var env = new NetworkEnvironment(scenario, 1);
    var sim = new NetworkSimulator(env);
    var users = env.UsersAt(1);
    var h = env.ChannelsAt(1);
    var weights = NetworkSimulator.Weights(users.Select(c => new double[c.Length]).ToArray(), 0, scenario.RateFloor);
    var sched = Enumerable.Range(0, 3).Select(l => new Isac.Network.Scheduling.PfzfgScheduler().Schedule(
        new Isac.Network.Scheduling.SchedulingInput(h[l][l], weights[l], [], 18, env.Noise, scenario.PowerWatts))).ToArray();
    var p = sim.LocalProblem(Scheme.SdUscb, 0, 1, sched, env.InitialBeliefs(), weights, 1.0);
    var v = Isac.Network.Beamforming.RegularizedZeroForcing.Beams(p.Channels, p.Power, p.Noise);
    var d = new System.Numerics.Complex[32 * 32];
    foreach (var g in p.LeakageChannels) Isac.Network.Numerics.ComplexVectors.AddOuter(d, 1.0, g);
    var gamma = Isac.Network.Surrogates.LocalSinr.Sinr(p.Channels, p.LeakageChannels, v, p.Noise, p.Surrogate);
    var sw = Stopwatch.StartNew();
    for (int i = 0; i < 200; i++) Isac.Network.Beamforming.FractionalProgrammingBeamformer.BuildSubproblem(p, v, d);
    Console.WriteLine($"build {sw.Elapsed.TotalMilliseconds / 200:F3} ms");
    var sub = Isac.Network.Beamforming.FractionalProgrammingBeamformer.BuildSubproblem(p, v, d);
    sw.Restart();
    for (int i = 0; i < 200; i++) Isac.Network.Surrogates.LocalSinr.Sinr(p.Channels, p.LeakageChannels, v, p.Noise, p.Surrogate);
    Console.WriteLine($"sinr {sw.Elapsed.TotalMilliseconds / 200:F3} ms");
    sw.Restart();
    for (int i = 0; i < 200; i++) new Isac.Network.Beamforming.ExactPowerSolver().Solve(sub with { Sensing = null }, new());
    Console.WriteLine($"exact {sw.Elapsed.TotalMilliseconds / 200:F3} ms");
    sw.Restart();
    int its = 0;
    for (int i = 0; i < 50; i++) its += new Isac.Network.Beamforming.DualOptSolver().Solve(sub, new()).Iterations;
    Console.WriteLine($"dual cold {sw.Elapsed.TotalMilliseconds / 50:F3} ms its {its / 50.0}");
    var m = new System.Numerics.Complex[1024];
    sub.Common.CopyTo(m, 0);
    for (int i = 0; i < 32; i++) m[i * 33] += 1e-3;
    sw.Restart();
    for (int i = 0; i < 2000; i++) { sub.Common.CopyTo(m, 0); for (int j = 0; j < 32; j++) m[j * 33] += 1; Isac.Network.Numerics.HermitianCholesky.Factor(m, 32); }
    Console.WriteLine($"chol {sw.Elapsed.TotalMilliseconds / 2000 * 1000:F1} us");
    var x = new System.Numerics.Complex[32];
    sw.Restart();
    for (int i = 0; i < 20000; i++) { sub.Linear[0].CopyTo(x, 0); Isac.Network.Numerics.HermitianCholesky.Solve(m, 32, x); }
    Console.WriteLine($"solve {sw.Elapsed.TotalMilliseconds / 20000 * 1000:F2} us");
}
if (mode == "prof2")
{
    var env = new NetworkEnvironment(scenario, 1);
    var sim = new NetworkSimulator(env);
    var users = env.UsersAt(1);
    var h = env.ChannelsAt(1);
    var weights = NetworkSimulator.Weights(users.Select(c => new double[c.Length]).ToArray(), 0, scenario.RateFloor);
    var sched = Enumerable.Range(0, 3).Select(l => new Isac.Network.Scheduling.PfzfgScheduler().Schedule(
        new Isac.Network.Scheduling.SchedulingInput(h[l][l], weights[l], [], 18, env.Noise, scenario.PowerWatts))).ToArray();
    var p = sim.LocalProblem(Scheme.SdUscb, 0, 1, sched, env.InitialBeliefs(), weights, 1.0);
    var v = Isac.Network.Beamforming.RegularizedZeroForcing.Beams(p.Channels, p.Power, p.Noise);
    var d = new System.Numerics.Complex[32 * 32];
    foreach (var g in p.LeakageChannels) Isac.Network.Numerics.ComplexVectors.AddOuter(d, 1.0, g);
    var sub = Isac.Network.Beamforming.FractionalProgrammingBeamformer.BuildSubproblem(p, v, d);
    var solver = new Isac.Network.Beamforming.DualOptSolver(new(MaxInnerIterations: 1));
    var st = new Isac.Network.Beamforming.DualState();
    solver.Solve(sub, st);
    var sw = Stopwatch.StartNew();
    for (int i = 0; i < 1000; i++) solver.Solve(sub, st);
    Console.WriteLine($"one inner iteration {sw.Elapsed.TotalMilliseconds / 1000 * 1000:F1} us");
}
if (mode == "debug")
{
    var env = new NetworkEnvironment(scenario, 1);
    var inner = Isac.Network.Beamforming.FractionalProgrammingBeamformer.DualOpt();
    var sim = new NetworkSimulator(env, s => new Logging(inner));
    sim.Run(new RunOptions(Scheme.SdUscb, Epochs: 4));
}
sealed class Logging(Isac.Network.Beamforming.ILocalBeamformer inner) : Isac.Network.Beamforming.ILocalBeamformer
{
    public string Name => inner.Name;
    public Isac.Network.Beamforming.BeamformingResult Solve(Isac.Network.Beamforming.LocalBeamformingProblem p)
    {
        var r = inner.Solve(p);
        if (r.MaxSensingViolation > 0.5)
        {
            var v = Isac.Network.Beamforming.RegularizedZeroForcing.Beams(p.Channels, p.Power, p.Noise);
            double before = Isac.Network.Beamforming.FractionalProgrammingBeamformer.SensingViolation(p, v);
            Isac.Network.Beamforming.FractionalProgrammingBeamformer.MakeSensingFeasible(p, v);
            double after = Isac.Network.Beamforming.FractionalProgrammingBeamformer.SensingViolation(p, v);
            Console.WriteLine($"K={p.Users} rho={p.Sensing!.Ratio} n=[{p.Sensing.NoiseTerm.Min():E2},{p.Sensing.NoiseTerm.Max():E2}] rzfViol={before:F3} startViol={after:F3} trace={string.Join(",", r.ObjectiveTrace.Select(x => x.ToString("F1")))} inner={r.InnerIterations}");
            var w = p.Weights;
            Console.WriteLine($"  weights [{w.Min():F2},{w.Max():F2}] power out {r.Beams.Sum(b => Isac.Network.Numerics.ComplexVectors.NormSquared(b)):F3}");
        }
        return r;
    }
}
