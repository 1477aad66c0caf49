using System.CommandLine;
using Isac.Experiments.Runs;
using Isac.Experiments.Sweeps;

namespace Isac.Cli.Sweeps;

/// <summary>Runs a job of sweeps from a command: signals, progress, the summary, the exit code.</summary>
internal static class JobRunner
{
    public static int Run(ParseResult parse, IReadOnlyList<JobItem> items, string root, SweepOptions options)
    {
        var o = parse.Out();
        using var interrupt = new InterruptSignal();
        var outcome = ProgressDisplay.Run(parse, observer => ExperimentJob.Run(items, root, options, observer, interrupt.Token));
        for (int i = 0; i < outcome.Sweeps.Count; i++)
        {
            var sweep = outcome.Sweeps[i];
            string name = items[i].Scenario.Experiment.Name;
            string shard = options.Shard.IsWhole ? "" : $" (shard {options.Shard})";
            o.WriteLine($"{name}{shard}: {sweep.Done}/{sweep.Total} points stored in {sweep.Directory} ({sweep.RanNow} computed now)");
        }
        foreach (var list in outcome.Figures)
        {
            foreach (var f in list.Figures)
            {
                o.WriteLine($"  {list.Experiment}: {f.Csv}{string.Concat(f.Images.Select(im => $", {im.Png}, {im.Svg}"))}");
            }
        }
        if (outcome.IndexPath is not null) o.WriteLine($"index: {outcome.IndexPath}");
        if (outcome.Interrupted)
        {
            var stopped = outcome.Sweeps[^1];
            parse.Err().WriteLine($"isac: interrupted: {stopped.Done} of {stopped.Total} points of {items[outcome.Sweeps.Count - 1].Scenario.Experiment.Name} " +
                                  $"are stored in {stopped.Directory}; run the same command with --resume to continue");
            return IsacApp.Cancelled;
        }
        if (!options.Shard.IsWhole)
        {
            o.WriteLine($"shard {options.Shard} complete; when every shard is, join them with: isac merge SHARD_FOLDERS... --out DIR");
        }
        return IsacApp.Success;
    }
}
