using System.Diagnostics;
using System.Globalization;
using Isac.Conic;
using Isac.Modeling.Bench;
using Isac.Modeling.Solutions;

// Compile-versus-solve timing of the modelling layer on paper-A-sized models.
// Usage: dotnet run -c Release --project bench/Isac.Modeling.Bench -- [--ntx 8,16] [--rounds 20] [--export DIR]
// Each round redraws the channels (parameters), compiles and solves; the first round (JIT warm-up) is not counted.
// The summary gives the minimum and the median over the rounds (the machine is shared: the minimum is
// the least disturbed measurement).
var inv = CultureInfo.InvariantCulture;
int[] sizes = [8, 16];
int rounds = 20;
string? export = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--ntx": sizes = args[++i].Split(',').Select(s => int.Parse(s, inv)).ToArray(); break;
        case "--rounds": rounds = int.Parse(args[++i], inv); break;
        case "--export": export = args[++i]; break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}
var solver = new SolverSettings { Verbosity = Verbosity.Silent };
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformationText()}; date {DateTime.UtcNow:yyyy-MM-dd}");
Console.WriteLine("ntx  N   side            m   compile_ms  solve_ms  compile/solve  iters  status      t*");
foreach (int ntx in sizes)
{
    var bench = new CompBlpModel(ntx, gammaDb: 5, seed: 2024);
    var compile = new List<double>();
    var solve = new List<double>();
    ModelSolution? last = null;
    for (int round = 0; round <= rounds; round++)
    {
        if (round > 0)
        {
            bench.RedrawChannels();
        }
        var clock = Stopwatch.StartNew();
        var compiled = bench.Model.Compile();
        double c = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var s = compiled.Solve(solver);
        double v = clock.Elapsed.TotalMilliseconds;
        if (round > 0)
        {
            compile.Add(c);
            solve.Add(v);
        }
        last = s;
        if (export is not null && round == 0)
        {
            Directory.CreateDirectory(export);
            using var w = new StreamWriter(Path.Combine(export, $"comp-blp-ntx{ntx}.dat-s"));
            compiled.WriteSdpa(w);
        }
        Console.WriteLine($"{ntx,3} {2 * ntx,3}  {(s.Statistics.Side == FormulationSide.ConeVariables ? "cone variables" : "free scalars"),-14} {s.Statistics.SchurComplementSize,3} " +
                          $"{c,11:F1} {v,9:F1} {c / v,14:P1} {s.Statistics.Iterations,6}  {s.Status,-11} {(s.HasValues ? s.Objective.ToString("G6", inv) : "-")}" +
                          (round == 0 ? "   (warm-up, not counted)" : ""));
    }
    if (compile.Count == 0)
    {
        continue;
    }
    double mc = Median(compile), ms = Median(solve), lc = compile.Min(), ls = solve.Min();
    Console.WriteLine($"ntx {ntx}: compile min {lc:F1} ms / median {mc:F1} ms, solve min {ls:F1} ms / median {ms:F1} ms, " +
                      $"ratio of minima {lc / ls:P1}, of medians {mc / ms:P1}");
    Console.WriteLine($"  {last!.Statistics.Summary()}");
}
return 0;

static double Median(List<double> v)
{
    var s = v.OrderBy(x => x).ToArray();
    return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
}

static string RuntimeInformationText() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
