using System.Diagnostics;
using System.Globalization;
using Isac.Core.Json;
using Isac.Precoding;
using Isac.Precoding.Design;
using Isac.Precoding.Io;

/// <summary>
/// Paper A's designs at massive-MIMO sizes (issue 11): every design (the four schemes and the two exact-robust block-level
/// variants) on the Rayleigh network of <c>scenarios/paper-a/networks/paper-a-rayleigh.json</c> with Ntx changed and the
/// frame L = Ntx + 6, δ = 0.01, γ = 10 dB, ρ = 1, solver on one thread; each with the subspace reduction on and off. The
/// unreduced run of a design is skipped at the next Ntx once its time, extrapolated by the last growth factor (×8 per
/// doubling before two points exist), would exceed the budget. Prints one row per run (wall and process CPU seconds, the
/// largest achieved and relaxation RCRB, the reduced dimension, every convex problem's status that is not Optimal, the
/// one-minute load average at the end of the run) and, per design and setting, the growth exponent b of a least-squares
/// fit time ∝ Ntx^b.
/// </summary>
/// <remarks>Options: --ntx 8,16,32,64,128; --designs blp-cbf,blp-comp,slp-cbf,slp-comp,blp-cbf-exact,blp-comp-exact;
/// --off-budget 600 (seconds); --time-limit 900 (seconds per convex problem); --network FILE; --gamma-db 10; --delta 0.01;
/// --csv FILE (the rows, appended as they finish).</remarks>
internal static class ScaleBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private sealed record Row(string Design, int Ntx, bool Reduced, string Status, double Seconds, double CpuSeconds, double RcrbDeg,
        double RelaxationRcrbDeg, int ReducedDim, int Solves, string Trouble, double Load);

    public static int Run(string[] args)
    {
        int[] sizes = [8, 16, 32, 64, 128];
        string[] designs = ["blp-cbf", "blp-comp", "slp-cbf", "slp-comp", "blp-cbf-exact", "blp-comp-exact"];
        double budget = 600, timeLimit = 900, gammaDb = 10, delta = 0.01;
        string networkFile = "scenarios/paper-a/networks/paper-a-rayleigh.json";
        string? csv = null;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--ntx": sizes = Next().Split(',').Select(x => int.Parse(x, Inv)).ToArray(); break;
                case "--designs": designs = Next().Split(','); break;
                case "--off-budget": budget = double.Parse(Next(), Inv); break;
                case "--time-limit": timeLimit = double.Parse(Next(), Inv); break;
                case "--network": networkFile = Next(); break;
                case "--gamma-db": gammaDb = double.Parse(Next(), Inv); break;
                case "--delta": delta = double.Parse(Next(), Inv); break;
                case "--csv": csv = Next(); break;
                default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
            }
        }
        var scenario = PaperANetworkReader.Read(JsonCursor.Parse(File.ReadAllText(networkFile), networkFile));
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores; date {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; network {networkFile} (seed {scenario.Seed}), " +
                          $"L = Ntx + 6, γ = {gammaDb} dB, δ = {delta}, ρ = 1, one solver thread, {timeLimit} s per convex problem, unreduced budget {budget} s");
        // JIT warm-up on a tiny network, so that the first timed run is not paying for compilation.
        RobustPrecoder.Design((scenario.Spec with { TransmitElements = 4, FrameLength = 6 }).Build(scenario.Seed),
            new DesignSettings { Scheme = PrecodingScheme.BlpComp, GammaDb = 0 });
        if (csv is not null && !File.Exists(csv))
            File.WriteAllText(csv, "design,ntx,reduction,status,seconds,cpu_seconds,rcrb_deg,relaxation_rcrb_deg,reduced_dim,solves,trouble,load1\n");
        Console.WriteLine($"{"design",-15} {"Ntx",4} {"red.",4} {"status",-13} {"wall_s",9} {"cpu_s",9} {"rcrb_deg",9} {"relax_deg",9} {"dim",4} {"solves",6} load  not Optimal");
        var rows = new List<Row>();
        foreach (string design in designs)
        {
            var offTimes = new List<double>();
            foreach (int ntx in sizes)
            {
                var network = (scenario.Spec with { TransmitElements = ntx, FrameLength = ntx + 6 }).Build(scenario.Seed);
                foreach (bool reduced in new[] { true, false })
                {
                    if (!reduced && Predicted(offTimes) is double predicted && predicted > budget)
                    {
                        Console.WriteLine($"{design,-15} {ntx,4} {"off",4} skipped: about {predicted.ToString("F0", Inv)} s predicted, over the {budget} s budget");
                        continue;
                    }
                    var row = RunOne(design, network, ntx, reduced, gammaDb, delta, timeLimit);
                    rows.Add(row);
                    if (!reduced) offTimes.Add(row.Seconds);
                    Print(row);
                    if (csv is not null) File.AppendAllText(csv, Csv(row) + "\n");
                }
            }
        }
        Console.WriteLine();
        Console.WriteLine("growth exponent b of time ∝ Ntx^b (least squares on log-log, solved runs only):");
        foreach (var group in rows.Where(r => r.Status == "solved").GroupBy(r => (r.Design, r.Reduced)))
        {
            var points = group.ToArray();
            if (points.Length < 2) continue;
            Console.WriteLine($"  {group.Key.Design,-15} reduction {(group.Key.Reduced ? "on " : "off")}: b = {Slope(points).ToString("F2", Inv)} over Ntx = {string.Join(", ", points.Select(p => p.Ntx))}" +
                              $"; time at the largest / at Ntx = 16: {Ratio(points).ToString("F2", Inv)}");
        }
        return 0;
    }

    private static Row RunOne(string design, Isac.Precoding.Network.IsacNetwork network, int ntx, bool reduced, double gammaDb, double delta, double timeLimit)
    {
        bool exact = design.EndsWith("-exact", StringComparison.Ordinal);
        var d = new DesignSettings { Scheme = PrecodingSchemes.Parse(exact ? design[..^"-exact".Length] : design), GammaDb = gammaDb };
        var settings = d with
        {
            Delta = delta,
            Robustness = exact ? RobustnessModel.Exact : RobustnessModel.Paper,
            SubspaceReduction = reduced,
            Solver = d.Solver with { TimeLimit = TimeSpan.FromSeconds(timeLimit) },
        };
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var r = RobustPrecoder.Design(network, settings);
        double seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        string trouble = r.UsedSolveTrouble;
        return new Row(design, ntx, reduced, r.Status.Name(), seconds, cpuSeconds, r.MaxRcrbDeg, r.MaxRelaxationRcrbDeg,
            r.Reduction?.Dimensions.Max() ?? ntx, r.Solves.Count, trouble, Load());
    }

    /// <summary>The next unreduced time from the last two (×8 per doubling from one point); null before any.</summary>
    private static double? Predicted(List<double> times) => times.Count switch
    {
        0 => null,
        1 => times[0] * 8,
        _ => times[^1] * Math.Max(times[^1] / Math.Max(times[^2], 1e-3), 1),
    };

    private static double Slope(Row[] points)
    {
        var x = points.Select(p => Math.Log(p.Ntx)).ToArray();
        var y = points.Select(p => Math.Log(p.Seconds)).ToArray();
        double mx = x.Average(), my = y.Average();
        double sxy = x.Zip(y).Sum(t => (t.First - mx) * (t.Second - my)), sxx = x.Sum(v => (v - mx) * (v - mx));
        return sxy / sxx;
    }

    private static double Ratio(Row[] points)
    {
        var at16 = points.FirstOrDefault(p => p.Ntx == 16);
        return at16 is null ? double.NaN : points.MaxBy(p => p.Ntx)!.Seconds / at16.Seconds;
    }

    private static double Load()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], Inv);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return double.NaN;
        }
    }

    private static void Print(Row r) => Console.WriteLine(
        $"{r.Design,-15} {r.Ntx,4} {(r.Reduced ? "on" : "off"),4} {r.Status,-13} {r.Seconds.ToString("F2", Inv),9} {r.CpuSeconds.ToString("F2", Inv),9} " +
        $"{r.RcrbDeg.ToString("F5", Inv),9} {r.RelaxationRcrbDeg.ToString("F5", Inv),9} {r.ReducedDim,4} {r.Solves,6} {r.Load.ToString("F1", Inv)}  {r.Trouble}");

    private static string Csv(Row r) => string.Join(",", r.Design, r.Ntx.ToString(Inv), r.Reduced ? "on" : "off", r.Status, r.Seconds.ToString("R", Inv),
        r.CpuSeconds.ToString("R", Inv), r.RcrbDeg.ToString("R", Inv), r.RelaxationRcrbDeg.ToString("R", Inv), r.ReducedDim.ToString(Inv),
        r.Solves.ToString(Inv), r.Trouble, r.Load.ToString("R", Inv));
}
