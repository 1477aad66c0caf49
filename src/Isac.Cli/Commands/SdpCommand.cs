using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Isac.Conic;
using Isac.Conic.Io;
using Isac.Core;
using Isac.Core.Json;

namespace Isac.Cli.Commands;

/// <summary><c>isac sdp solve FILE.dat-s</c>: solve an SDPA sparse file with the Isac.Conic solver.</summary>
public static class SdpCommand
{
    /// <summary>Creates the <c>sdp</c> command with its <c>solve</c> subcommand.</summary>
    public static Command Create()
    {
        var sdp = new Command("sdp", "Semidefinite programs in the SDPA sparse format");
        sdp.Add(CreateSolve());
        return sdp;
    }

    private static Command CreateSolve()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The problem, SDPA sparse format (.dat-s)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (status, termination reason, objectives, gaps, accuracy, iterations, solveSeconds, dimacs) instead of the log" };
        var tol = new Option<double?>("--tol") { Description = "Relative gap and feasibility tolerance (default 1e-8)" };
        var maxIter = new Option<int?>("--max-iter") { Description = "Iteration limit (default 100)" };
        var timeLimit = new Option<double?>("--time-limit") { Description = "Time limit in seconds inside the solver (default none)" };
        var threads = new Option<int?>("--threads") { Description = "Threads for the Schur complement (default: all cores)" };
        var solutionOut = new Option<FileInfo?>("--solution") { Description = "Write the solution (y, Z, X) to this file, CSDP's layout" };
        var backend = new Option<string?>("--backend") { Description = "Dense kernels: auto (default), managed or openblas" };
        var repeat = new Option<int?>("--repeat") { Description = "Solve N times in this process and report the last solve (for benchmarks: the first solve includes JIT compilation)" };
        var cmd = new Command("solve", "Solve FILE.dat-s (CSDP's reading: max tr(F0 X) s.t. tr(Fi X) = ci, X ⪰ 0); " +
                                       "objectives are printed with CSDP's signs")
        {
            file, json, tol, maxIter, timeLimit, threads, solutionOut, backend, repeat,
        };
        cmd.SetAction((parse, ct) => Task.FromResult(Run(parse, ct)));
        return cmd;

        int Run(ParseResult parse, CancellationToken ct)
        {
            var settings = new SolverSettings();
            if (parse.GetValue(tol) is { } t)
            {
                settings = settings with { RelativeGapTolerance = t, PrimalFeasibilityTolerance = t, DualFeasibilityTolerance = t };
            }
            if (parse.GetValue(maxIter) is { } mi)
            {
                settings = settings with { MaxIterations = mi };
            }
            if (parse.GetValue(timeLimit) is { } tl)
            {
                if (!(tl > 0) || !double.IsFinite(tl))
                {
                    throw new IsacInputException("--time-limit", $"{tl} must be a positive number of seconds");
                }
                settings = settings with { TimeLimit = TimeSpan.FromSeconds(tl) };
            }
            if (parse.GetValue(threads) is { } th)
            {
                settings = settings with { Threads = th };
            }
            if (parse.GetValue(backend) is { } be)
            {
                settings = settings with
                {
                    Backend = be.ToLowerInvariant() switch
                    {
                        "auto" => DenseBackend.Auto,
                        "managed" => DenseBackend.Managed,
                        "openblas" => DenseBackend.OpenBlas,
                        _ => throw new IsacInputException("--backend", $"'{be}' is not one of auto, managed, openblas"),
                    },
                };
            }
            bool asJson = parse.GetValue(json);
            settings = settings with { Verbosity = asJson ? Verbosity.Silent : Verbosity.Iterations };
            settings.Validate();

            var path = parse.GetValue(file)!;
            var problem = SdpaReader.ReadFile(path.FullName);
            int times = parse.GetValue(repeat) ?? 1;
            if (times < 1)
            {
                throw new IsacInputException("--repeat", $"{times} must be at least 1");
            }
            double firstSeconds = 0;
            ConicSolution solution = null!;
            for (int r = 0; r < times; r++)
            {
                solution = ConicSolver.Solve(problem, settings, asJson || r < times - 1 ? null : parse.Out(), ct);
                if (r == 0)
                {
                    firstSeconds = solution.SolveTime.TotalSeconds;
                }
            }
            if (parse.GetValue(solutionOut) is { } so)
            {
                SolutionWriter.WriteFile(problem, solution, so.FullName);
            }
            if (asJson)
            {
                WriteJson(parse.Out(), path.Name, problem, solution, firstSeconds);
            }
            return solution.Status == SolverStatus.Cancelled ? IsacApp.Cancelled : IsacApp.Success;
        }
    }

    private static void WriteJson(TextWriter output, string name, Isac.Conic.Problem.ConicProblem problem, ConicSolution s, double firstSeconds)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("file", name);
            w.WriteString("status", s.Status.ToString());
            w.WriteString("termination", s.Termination.ToString());
            w.WriteNumberOrNull("primalObjective", s.PrimalObjective);
            w.WriteNumberOrNull("dualObjective", s.DualObjective);
            w.WriteNumberOrNull("objectiveGap", s.ObjectiveGap);
            w.WriteNumberOrNull("complementarityGap", s.ComplementarityGap);
            w.WriteNumberOrNull("accuracy", s.Accuracy);
            w.WriteNumberOrNull("relativeGap", s.RelativeGap);
            w.WriteNumber("iterations", s.Iterations);
            w.WriteNumber("solveSeconds", s.SolveTime.TotalSeconds);
            w.WriteNumber("firstSolveSeconds", firstSeconds);
            w.WritePropertyName("dimacs");
            w.WriteDoubles(s.Dimacs.ToArray());
            w.WriteNumber("constraints", problem.ConstraintCount);
            w.WriteString("blocks", string.Join(" ", problem.Cones.Select(c => c.IsMatrix ? c.Size : -c.Size)));
            w.WriteString("backend", s.Backend);
            w.WriteString("algorithm", s.Algorithm);
            w.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
