using System.CommandLine;
using System.Globalization;
using Isac.Cli.Sweeps;
using Isac.Core;
using Isac.Core.Json;
using Isac.Precoding;
using Isac.Precoding.Design;
using Isac.Precoding.Io;

namespace Isac.Cli.Commands;

/// <summary>
/// <c>isac precode --scenario FILE.json --scheme blp-cbf|blp-comp|slp-cbf|slp-comp --gamma-db G [--delta D]
/// [--rho R] [--robust paper|exact] [--out DIR]</c>: one of paper A's robust designs for a network
/// scenario; writes the JSON result (docs/formats.md) and prints a summary.
/// </summary>
public static class PrecodeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var scenario = new Option<FileInfo>("--scenario") { Description = "Paper A network file (JSON, docs/formats.md \"Paper A network\")", Required = true };
        var scheme = new Option<string>("--scheme") { Description = "blp-cbf, blp-comp, slp-cbf or slp-comp", Required = true };
        scheme.AcceptOnlyFromAmong(PrecodingSchemes.Names);
        var gamma = new Option<double>("--gamma-db") { Description = "SINR threshold γ in dB (a constraint on every user)", Required = true };
        var delta = new Option<double>("--delta") { Description = "CSI error radius δ (default 0)", DefaultValueFactory = _ => 0 };
        var rho = new Option<double>("--rho") { Description = "Sensing weight ρ in [0, 1] (default 1: minimise the CRB under γ)", DefaultValueFactory = _ => 1 };
        var robust = new Option<string>("--robust")
        {
            Description = "Block-level robustness: paper (Proposition 3 as printed) or exact (S-procedure worst case)",
            DefaultValueFactory = _ => "paper",
        };
        robust.AcceptOnlyFromAmong("paper", "exact");
        var output = new Option<string>("--out") { Description = "Folder for the JSON result (default: the current folder)", DefaultValueFactory = _ => "." };
        var seed = new Option<long?>("--seed") { Description = "Override the scenario's seed (channels, symbols)" };
        var iterations = new Option<int>("--max-iterations") { Description = "Algorithm 1's iteration cap (default 10)", DefaultValueFactory = _ => 10 };
        var refine = new Option<int>("--refine-steps") { Description = "Symbol level: refinement steps of the relaxation's symbols (default 8, 0: off)", DefaultValueFactory = _ => 8 };
        var refineCaps = new Option<string>("--refine-caps")
        {
            Description = "SLP-CBF refinement caps: the limits of (P3) (I_max, P_leak^max), those Algorithm 1 ended with, or best (both, the better frame kept)",
            DefaultValueFactory = _ => "best",
        };
        refineCaps.AcceptOnlyFromAmong("best", "limits", "algorithm");
        var randomizations = new Option<int>("--randomizations") { Description = "Block level: Gaussian randomisation draws when the relaxation is not rank one (default 32)", DefaultValueFactory = _ => 32 };
        var timeLimit = new Option<double>("--time-limit") { Description = "Seconds the solver may spend on each convex problem (default 300)", DefaultValueFactory = _ => 300 };
        var threads = new Option<int>("--threads") { Description = "Solver threads (default 1)", DefaultValueFactory = _ => 1 };
        var reduction = new Option<string>("--reduction")
        {
            Description = "Solve in orthonormal bases of the subspaces the designs see (on, the default: exact and independent of Ntx, docs/derivations.md §6.9) or on the antennas (off)",
            DefaultValueFactory = _ => "on",
        };
        reduction.AcceptOnlyFromAmong("on", "off");
        var verbose = new Option<bool>("--verbose") { Description = "Write every convex problem's size and the solver's log to standard error" };
        var exportSdpa = new Option<string?>("--export-sdpa")
        {
            Description = "Folder to write every convex problem to, in SDPA sparse format, before it is solved (SCHEME-PROBLEM-itI[-bsN][-retry].dat-s)",
        };

        var cmd = new Command("precode", "Design paper A's robust multi-cell ISAC precoders for a network scenario")
        {
            scenario, scheme, gamma, delta, rho, robust, output, seed, iterations, refine, refineCaps, randomizations, timeLimit, threads, reduction, verbose, exportSdpa,
        };
        cmd.SetAction(parse =>
        {
            var file = parse.GetValue(scenario)!;
            var root = JsonCursor.Parse(File.ReadAllText(file.FullName), file.ToString());
            var read = PaperANetworkReader.Read(root);
            if (root.LegacyWarning is string warning) parse.Err().WriteLine($"isac: {warning}");
            if (parse.GetValue(seed) is long s)
                read = read with { Seed = s >= 0 ? (ulong)s : throw new IsacInputException("--seed", $"expected an integer >= 0, got {s}") };
            var network = Build(read, file.ToString());
            var settings = Settings(parse, scheme, gamma, delta, rho, robust, iterations, refine, refineCaps, randomizations, timeLimit, threads, verbose)
                with { SubspaceReduction = parse.GetValue(reduction) != "off" };
            using var interrupt = new InterruptSignal();
            var export = parse.GetValue(exportSdpa) is string exportFolder ? SdpaExporter(exportFolder, settings.Scheme.Name()) : null;
            var result = RobustPrecoder.Design(network, settings, interrupt.Token, export, parse.GetValue(verbose) ? parse.Err() : null);
            string folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            string path = Path.Combine(folder, $"precode-{settings.Scheme.Name()}.json");
            File.WriteAllText(path, DesignResultWriter.ToText(result) + "\n");
            PrecodeSummary.Write(parse.Out(), result);
            parse.Out().WriteLine($"wrote {path}");
            return IsacApp.Success;
        });
        return cmd;
    }

    /// <summary>Writes each compiled problem to FOLDER/SCHEME-NAME.dat-s (the folder is created first, so a bad path fails before any solve).</summary>
    private static Action<string, Isac.Modeling.Compilation.CompiledModel> SdpaExporter(string folder, string scheme)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new IsacInputException("--export-sdpa", $"cannot create the folder '{folder}': {e.Message}", e);
        }
        return (problem, compiled) =>
        {
            using var writer = new StreamWriter(Path.Combine(folder, $"{scheme}-{problem}.dat-s"));
            compiled.WriteSdpa(writer);
        };
    }

    private static Isac.Precoding.Network.IsacNetwork Build(PaperANetwork scenario, string label)
    {
        try
        {
            return scenario.Build();
        }
        catch (ArgumentException e)
        {
            throw new IsacInputException(label, e.Message, e);
        }
    }

    private static DesignSettings Settings(ParseResult parse, Option<string> scheme, Option<double> gamma, Option<double> delta, Option<double> rho,
        Option<string> robust, Option<int> iterations, Option<int> refine, Option<string> refineCaps, Option<int> randomizations,
        Option<double> timeLimit, Option<int> threads, Option<bool> verbose)
    {
        double g = parse.GetValue(gamma), d = parse.GetValue(delta), r = parse.GetValue(rho);
        if (!double.IsFinite(g) || g < -100 || g > 100) throw new IsacInputException("--gamma-db", $"expected a number of dB in [-100, 100], got {Format(g)}");
        if (!(d >= 0) || !double.IsFinite(d)) throw new IsacInputException("--delta", $"expected a finite number >= 0, got {Format(d)}");
        if (!(r >= 0 && r <= 1)) throw new IsacInputException("--rho", $"expected a number in [0, 1], got {Format(r)}");
        int it = parse.GetValue(iterations), steps = parse.GetValue(refine), draws = parse.GetValue(randomizations);
        if (it < 1 || it > 1000) throw new IsacInputException("--max-iterations", $"expected an integer in [1, 1000], got {it}");
        if (steps < 0 || steps > 1000) throw new IsacInputException("--refine-steps", $"expected an integer in [0, 1000], got {steps}");
        if (draws < 0 || draws > 100000) throw new IsacInputException("--randomizations", $"expected an integer in [0, 100000], got {draws}");
        double seconds = parse.GetValue(timeLimit);
        if (!(seconds > 0 && seconds <= 1e6)) throw new IsacInputException("--time-limit", $"expected seconds in (0, 1e6], got {Format(seconds)}");
        int threadCount = parse.GetValue(threads);
        if (threadCount < 1 || threadCount > 256) throw new IsacInputException("--threads", $"expected an integer in [1, 256], got {threadCount}");
        var defaults = new DesignSettings { Scheme = PrecodingScheme.BlpCbf, GammaDb = 0 };
        var solver = defaults.Solver with { TimeLimit = TimeSpan.FromSeconds(seconds), Threads = threadCount };
        return defaults with
        {
            Scheme = PrecodingSchemes.Parse(parse.GetValue(scheme)!),
            GammaDb = g,
            Delta = d,
            Rho = r,
            Robustness = parse.GetValue(robust) == "exact" ? RobustnessModel.Exact : RobustnessModel.Paper,
            Alternating = defaults.Alternating with { MaxIterations = it },
            Refinement = defaults.Refinement with
            {
                MaxIterations = steps,
                Caps = parse.GetValue(refineCaps) switch { "algorithm" => RefinementCaps.Algorithm, "limits" => RefinementCaps.Limits, _ => RefinementCaps.Best },
            },
            Recovery = defaults.Recovery with { Randomizations = draws },
            Solver = parse.GetValue(verbose) ? solver with { Verbosity = Isac.Conic.Verbosity.Iterations } : solver,
        };
    }

    private static string Format(double v) => v.ToString("G", CultureInfo.InvariantCulture);
}
