using System.CommandLine;
using System.Globalization;
using Isac.Core;
using Isac.Network.Simulation;

namespace Isac.Cli.Commands;

/// <summary>
/// <c>isac simulate</c>: runs paper B's network simulator for one scheme on a scenario file,
/// prints a per-epoch summary and writes <c>epochs.csv</c> and <c>users.csv</c>.
/// </summary>
public static class SimulateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var scenario = new Option<FileInfo>("--scenario") { Description = "Scenario JSON file (see scenarios/paper-b/)", Required = true };
        var scheme = new Option<string>("--scheme") { Description = "sd-uscb | sd-uscb-slinr | salinr-perfect | cwmmse | pwmmse", Required = true };
        var scheduler = new Option<string>("--scheduler") { Description = "pfzfg | hungarian | all", DefaultValueFactory = _ => "pfzfg" };
        var epochs = new Option<int?>("--epochs") { Description = "Number of epochs (default: the scenario's)" };
        var seed = new Option<long?>("--seed") { Description = "Seed of every random draw (default: the scenario's)" };
        var maps = new Option<DirectoryInfo?>("--maps") { Description = "Directory of channel knowledge map files bs<ℓ>.ckm: loaded if present (built for the same scenario and seed), saved after the run, so maps are built once" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Directory for epochs.csv and users.csv (default: results/simulate/<scenario>-<scheme>-<scheduler>-s<seed>)" };
        var cmd = new Command("simulate", "Simulate paper B's multi-cell ISAC network (SD-USCB and its baselines) epoch by epoch")
        {
            scenario, scheme, scheduler, epochs, seed, maps, output,
        };
        cmd.SetAction((parse, cancel) =>
        {
            var file = parse.GetValue(scenario)!;
            var sch = SchemeNames.ParseScheme(parse.GetValue(scheme)!);
            var sched = SchemeNames.ParseScheduler(parse.GetValue(scheduler)!);
            int? n = parse.GetValue(epochs);
            if (n is < 1) throw new IsacInputException("--epochs", $"expected a positive number of epochs, got {n}");
            var sc = Isac.Experiments.PaperB.SimulationScenarioFile.Parse(File.ReadAllText(file.FullName), file.Name);
            long s = parse.GetValue(seed) ?? sc.Seed;
            int count = n ?? sc.Epochs;
            var dir = parse.GetValue(output) ?? new DirectoryInfo(Path.Combine("results", "simulate", $"{sc.Name}-{sch.Name()}-{sched.Name()}-s{s}"));

            var env = new NetworkEnvironment(sc, s);
            var mapDir = parse.GetValue(maps);
            long loaded = 0;
            if (mapDir is not null && mapDir.Exists)
                for (int b = 0; b < sc.Layout.Cells; b++)
                {
                    var f = Path.Combine(mapDir.FullName, $"bs{b}.ckm");
                    if (!File.Exists(f)) continue;
                    using var stream = File.OpenRead(f);
                    loaded += env.LoadMap(b, stream, f);
                }
            var result = new NetworkSimulator(env).Run(new RunOptions(sch, sched, count), cancel);
            if (mapDir is not null)
            {
                mapDir.Create();
                for (int b = 0; b < sc.Layout.Cells; b++)
                {
                    // Write to a temporary file first so an interrupted save never leaves a broken map.
                    var f = Path.Combine(mapDir.FullName, $"bs{b}.ckm");
                    using (var stream = File.Create(f + ".tmp")) Isac.Network.Ckm.CkmFile.Save(env.Maps[b], stream);
                    File.Move(f + ".tmp", f, overwrite: true);
                }
            }

            dir.Create();
            using (var w = new StreamWriter(Path.Combine(dir.FullName, "epochs.csv"))) ResultsCsv.WriteEpochs(w, result.Epochs);
            using (var w = new StreamWriter(Path.Combine(dir.FullName, "users.csv"))) ResultsCsv.WriteUsers(w, sch.Name(), result.Users);

            var o = parse.Out();
            o.WriteLine($"scenario {sc.Name}: {sc.Layout.Cells} cells, {env.UsersAt(1)[0].Length} users in cell 0, scheme {sch.Name()}, scheduler {sched.Name()}, seed {s}");
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"noise power σ_c² = {env.Noise:E3} W"));
            o.WriteLine($"{"epoch",5} {"acc. PFR",10} {"sum rate",9} {"sched",5} {"loc. RMSE m",11} {"backhaul bits",13} {"BF ms/BS",9}");
            foreach (var e in result.Epochs)
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{e.Epoch,5} {e.AccumulatedPfr,10:F2} {e.SumRate,9:F2} {e.ScheduledUsers,5} {e.LocationRmse,11:F2} {e.BackhaulBits,13} {e.BeamformingSecondsPerBs * 1000,9:F2}"));
            if (mapDir is not null)
                o.WriteLine($"maps: {loaded} grid points loaded, {env.Maps.Sum(m => m.BuiltCount)} saved in {mapDir.FullName}");
            o.WriteLine($"wrote {Path.Combine(dir.FullName, "epochs.csv")} and users.csv");
            return Task.FromResult(IsacApp.Success);
        });
        return cmd;
    }
}
