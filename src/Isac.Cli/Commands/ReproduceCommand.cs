using System.CommandLine;
using Isac.Cli.Sweeps;
using Isac.Experiments.Definitions;
using Isac.Experiments.Runs;
using Isac.Experiments.Scenarios;

namespace Isac.Cli.Commands;

/// <summary>
/// <c>isac reproduce paper-a|paper-b|demo|all [--figure F] [--quick] [--out DIR] [--threads N]
/// [--resume] [--overwrite] [--shard I/N] [--list]</c>: runs the registered figures' sweeps and
/// writes CSV, PNG, SVG and <c>DIR/index.md</c>.
/// </summary>
public static class ReproduceCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var target = new Argument<string>("target")
        {
            Description = "Which figures: paper-a, paper-b, demo (computed demonstrations) or all",
        };
        target.AcceptOnlyFromAmong("paper-a", "paper-b", "demo", "all");
        var figure = new Option<string?>("--figure") { Description = "Only this figure (e.g. 5, fig5, table1, beampattern)" };
        var output = new Option<string>("--out") { Description = "Output folder", DefaultValueFactory = _ => "results" };
        var list = new Option<bool>("--list") { Description = "List the figures that would run, with their sizes, and stop" };
        var sweep = new SweepCliOptions();

        var cmd = new Command("reproduce", "Reproduce the papers' figures: parallel, resumable sweeps into CSV, PNG, SVG and index.md");
        cmd.Add(target);
        cmd.Add(figure);
        cmd.Add(output);
        sweep.AddTo(cmd);
        cmd.Add(list);
        cmd.SetAction(parse =>
        {
            var catalog = ExperimentRegistry.Catalog;
            var experiments = catalog.Select(parse.GetValue(target)!, parse.GetValue(figure));
            var size = sweep.Size(parse);
            if (parse.GetValue(list))
            {
                return ListFigures(parse, experiments);
            }
            var options = sweep.Read(parse);
            string root = parse.GetValue(output)!;
            var items = experiments
                .Select(e => new JobItem(ScenarioReader.BuiltIn(e, size), ExperimentJob.FolderFor(root, e)))
                .ToList();
            return JobRunner.Run(parse, items, root, options);
        });
        return cmd;
    }

    private static int ListFigures(ParseResult parse, IReadOnlyList<IExperiment> experiments)
    {
        var o = parse.Out();
        o.WriteLine($"{"experiment",-28} {"quick",8} {"full",8}  title");
        foreach (var e in experiments)
        {
            int quick = ScenarioReader.BuiltIn(e, SweepSize.Quick).Grid.Count;
            int full = ScenarioReader.BuiltIn(e, SweepSize.Full).Grid.Count;
            o.WriteLine($"{e.Name,-28} {quick,8} {full,8}  {e.Title}");
        }
        o.WriteLine("(quick and full: number of sweep points)");
        return IsacApp.Success;
    }
}
