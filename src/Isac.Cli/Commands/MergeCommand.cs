using System.CommandLine;
using Isac.Experiments.Definitions;
using Isac.Experiments.Runs;

namespace Isac.Cli.Commands;

/// <summary>
/// <c>isac merge DIR... --out OUT [--overwrite]</c>: joins the folders of sharded runs
/// (<c>--shard I/N</c>) into the results an unsharded run would have written, then draws the
/// figures and the index.
/// </summary>
public static class MergeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var inputs = new Argument<string[]>("folders")
        {
            Description = "Output folders of the shard runs (each from 'isac reproduce … --shard I/N' or 'isac run … --shard I/N')",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out") { Description = "Folder for the merged results", Required = true };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace merged results already in the output folder" };
        var cmd = new Command("merge", "Join sharded sweep results into one result identical to an unsharded run");
        cmd.Add(inputs);
        cmd.Add(output);
        cmd.Add(overwrite);
        cmd.SetAction(parse =>
        {
            var o = parse.Out();
            var outcome = ResultMerger.Merge(parse.GetValue(inputs)!, parse.GetValue(output)!, ExperimentRegistry.Catalog, parse.GetValue(overwrite));
            foreach (string warning in outcome.Warnings) parse.Err().WriteLine($"isac: {warning}");
            foreach (var list in outcome.Figures)
            {
                o.WriteLine($"{list.Experiment}: merged {list.Points} points; {string.Join(", ", list.Figures.SelectMany(f => f.Files))}");
            }
            o.WriteLine($"index: {outcome.IndexPath}");
            return IsacApp.Success;
        });
        return cmd;
    }
}
