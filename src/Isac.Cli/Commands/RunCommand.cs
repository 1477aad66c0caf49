using System.CommandLine;
using Isac.Cli.Sweeps;
using Isac.Experiments.Definitions;
using Isac.Experiments.Runs;
using Isac.Experiments.Scenarios;

namespace Isac.Cli.Commands;

/// <summary>
/// <c>isac run --scenario FILE.json [--out DIR] [--quick] [--threads N] [--resume] [--overwrite]
/// [--shard I/N]</c>: runs a user-written sweep scenario (schema in docs/formats.md).
/// </summary>
public static class RunCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var scenarioFile = new Option<string>("--scenario")
        {
            Description = "The scenario file (JSON; see docs/formats.md, \"Scenario files\")",
            Required = true,
        };
        var output = new Option<string?>("--out") { Description = "Output folder (default: results/<scenario file name>)" };
        var sweep = new SweepCliOptions();
        var cmd = new Command("run", "Run a sweep scenario file: parallel, resumable, sharded; CSV, PNG, SVG and index.md");
        cmd.Add(scenarioFile);
        cmd.Add(output);
        sweep.AddTo(cmd);
        cmd.SetAction(parse =>
        {
            string file = parse.GetValue(scenarioFile)!;
            var scenario = ScenarioReader.Load(file, ExperimentRegistry.Catalog, sweep.Size(parse));
            if (scenario.LegacyWarning is string warning) parse.Err().WriteLine($"isac: {warning}");
            var options = sweep.Read(parse);
            string root = parse.GetValue(output) ?? Path.Combine("results", Path.GetFileNameWithoutExtension(file));
            return JobRunner.Run(parse, [new JobItem(scenario, root)], root, options);
        });
        return cmd;
    }
}
