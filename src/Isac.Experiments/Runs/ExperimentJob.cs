using Isac.Experiments.Figures;
using Isac.Experiments.Scenarios;
using Isac.Experiments.Sweeps;

namespace Isac.Experiments.Runs;

/// <summary>One scenario of a job and the folder its results go to.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Directory">Its results folder.</param>
public sealed record JobItem(Scenario Scenario, string Directory);

/// <summary>What a job did.</summary>
/// <param name="Sweeps">Each sweep's outcome, in order (those after an interruption are absent).</param>
/// <param name="Figures">The figure lists written (complete, unsharded sweeps only).</param>
/// <param name="IndexPath">The index written, or null when no figures were written.</param>
public sealed record JobOutcome(IReadOnlyList<SweepOutcome> Sweeps, IReadOnlyList<FigureList> Figures, string? IndexPath)
{
    /// <summary>True when a sweep was interrupted (the job stopped there).</summary>
    public bool Interrupted => Sweeps.Any(s => s.Interrupted);
}

/// <summary>
/// What <c>isac reproduce</c> and <c>isac run</c> do: run each scenario's sweep into its folder,
/// draw the figures of every complete, unsharded sweep, and write the output folder's index.
/// </summary>
public static class ExperimentJob
{
    /// <summary>The folder of an experiment under <c>isac reproduce</c>: <c>ROOT/group/id</c>.</summary>
    public static string FolderFor(string root, Definitions.IExperiment experiment) => Path.Combine(root, experiment.Group, experiment.Id);

    /// <summary>Runs the items in order; stops at the first interruption (the rest can be resumed).</summary>
    public static JobOutcome Run(IReadOnlyList<JobItem> items, string root, SweepOptions options, ISweepObserver observer,
        CancellationToken cancellation)
    {
        var sweeps = new List<SweepOutcome>();
        var figures = new List<FigureList>();
        foreach (var item in items)
        {
            var outcome = SweepRunner.Run(item.Scenario, item.Directory, options, observer, cancellation);
            sweeps.Add(outcome);
            if (outcome.Interrupted) break;
            if (outcome.Complete && options.Shard.IsWhole)
            {
                figures.Add(FigureWriter.Write(item.Scenario, item.Directory));
            }
        }
        string? index = figures.Count > 0 ? IndexWriter.Write(root) : null;
        return new JobOutcome(sweeps, figures, index);
    }
}
