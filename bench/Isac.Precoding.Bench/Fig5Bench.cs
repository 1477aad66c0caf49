using System.Diagnostics;
using System.Globalization;
using Isac.Precoding;
using Isac.Precoding.Design;
using Isac.Precoding.Network;

/// <summary>
/// Paper A designs at the Fig. 5 size (J = 2, K = 3, Ntx = Nrx = 6, L = 12, γ = 10 dB, δ = 0): one Algorithm 1
/// iteration of BLP-CBF ((P1.A) and (P1.B) at both BSs) and one SLP-CoMP solve ((P4), no refinement). Each is run once to
/// warm up the JIT, then --rounds times on fresh channel draws; the median is printed. With --export DIR every convex
/// problem of the last round is written in SDPA format (the file name says which), for the CSDP comparison in
/// bench/paper-a.sh.
/// </summary>
internal static class Fig5Bench
{
    public static int Run(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        int rounds = 5;
        string? export = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rounds": rounds = int.Parse(args[++i], inv); break;
                case "--export": export = args[++i]; break;
                default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
            }
        }
        var spec = new NetworkSpec { TransmitElements = 6, ReceiveElements = 6, FrameLength = 12 };
        var cases = new (string Name, DesignSettings Settings)[]
        {
            ("BLP-CBF, one iteration of Algorithm 1", new DesignSettings { Scheme = PrecodingScheme.BlpCbf, GammaDb = 10, Alternating = new AlternatingSettings(MaxIterations: 1) }),
            ("SLP-CoMP, one solve of (P4)", new DesignSettings { Scheme = PrecodingScheme.SlpComp, GammaDb = 10, Refinement = new RefinementSettings(MaxIterations: 0) }),
        };
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores; date {DateTime.UtcNow:yyyy-MM-dd}; Fig. 5 size: J = 2, K = 3, Ntx = Nrx = 6, L = 12, γ = 10 dB, δ = 0");
        Console.WriteLine($"{"case",-40} {"median_s",9} {"min_s",8} {"solves",6}  per-solve median (problem: seconds, interior-point iterations, m)");
        foreach (var (name, settings) in cases)
        {
            RobustPrecoder.Design(spec.Build(1000), settings); // JIT warm-up
            var totals = new List<double>();
            var perSolve = new Dictionary<string, List<(double Seconds, int Iterations, int M)>>();
            for (int round = 0; round < rounds; round++)
            {
                var clock = Stopwatch.StartNew();
                var result = RobustPrecoder.Design(spec.Build((ulong)(round + 1)), settings, default,
                    export is not null && round == rounds - 1 ? (problem, compiled) => Export(export, settings.Scheme, problem, compiled) : null);
                totals.Add(clock.Elapsed.TotalSeconds);
                if (result.Status != DesignStatus.Solved) Console.WriteLine($"  round {round}: {result.Status} {result.Message}");
                foreach (var s in result.Solves)
                {
                    string key = s.Bs is int b ? $"{s.Problem} BS{b + 1}" : s.Problem;
                    if (!perSolve.TryGetValue(key, out var list)) perSolve[key] = list = [];
                    list.Add((s.Seconds, s.SolverIterations, s.SchurSize));
                }
            }
            string detail = string.Join("; ", perSolve.Select(kv =>
                $"{kv.Key}: {Median(kv.Value.Select(x => x.Seconds)).ToString("F3", inv)} s, {Median(kv.Value.Select(x => (double)x.Iterations)).ToString("F0", inv)} it, m = {kv.Value[0].M}"));
            Console.WriteLine($"{name,-40} {Median(totals).ToString("F3", inv),9} {totals.Min().ToString("F3", inv),8} {perSolve.Count,6}  {detail}");
        }
        return 0;
    }

    internal static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : 0.5 * (v[v.Length / 2 - 1] + v[v.Length / 2]);
    }

    private static void Export(string folder, PrecodingScheme scheme, string problem, Isac.Modeling.Compilation.CompiledModel compiled)
    {
        Directory.CreateDirectory(folder);
        using var w = new StreamWriter(Path.Combine(folder, $"{scheme.Name()}-{problem}.dat-s"));
        compiled.WriteSdpa(w);
    }
}
