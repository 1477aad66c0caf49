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
        var export = new Option<DirectoryInfo?>("--export-problems") { Description = "Write every BS's beamforming problem of every epoch with the beamformer's solution as JSON (docs/formats.md, \"Paper B beamforming problem\") into this directory" };
        var threads = new Option<int?>("--threads") { Description = "Threads for the per-BS work (default: all cores); results do not depend on it" };
        var cmd = new Command("simulate", "Simulate paper B's multi-cell ISAC network (SD-USCB and its baselines) epoch by epoch")
        {
            scenario, scheme, scheduler, epochs, seed, maps, output, export, threads,
        };
        cmd.SetAction((parse, cancel) =>
        {
            var file = parse.GetValue(scenario)!;
            var sch = SchemeNames.ParseScheme(parse.GetValue(scheme)!);
            var sched = SchemeNames.ParseScheduler(parse.GetValue(scheduler)!);
            int? n = parse.GetValue(epochs);
            if (n is < 1) throw new IsacInputException("--epochs", $"expected a positive number of epochs, got {n}");
            int? threadCount = parse.GetValue(threads);
            if (threadCount is < 1) throw new IsacInputException("--threads", $"expected a positive number of threads, got {threadCount}");
            if (!file.Exists) throw new IsacInputException(file.FullName, "scenario file not found");
            var sc = Isac.Experiments.PaperB.SimulationScenarioFile.Parse(File.ReadAllText(file.FullName), file.Name, out var legacyWarning);
            if (legacyWarning is string warning) parse.Err().WriteLine($"isac: {warning}");
            long s = parse.GetValue(seed) ?? sc.Seed;
            int count = n ?? sc.Epochs;
            var dir = parse.GetValue(output) ?? new DirectoryInfo(Path.Combine("results", "simulate", $"{sc.Name}-{sch.Name()}-{sched.Name()}-s{s}"));
            var exportDir = parse.GetValue(export);
            // Fail before the run, not after it: a directory that cannot be created is bad input.
            if (exportDir is not null) ProblemExport.CreateDirectory(exportDir.FullName);

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var env = new NetworkEnvironment(sc, s);
            double setupSeconds = clock.Elapsed.TotalSeconds;
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
            var options = new RunOptions(sch, sched, count, MaxParallelism: threadCount);
            var exporter = exportDir is null ? null : new ProblemExport(exportDir.FullName, env, options);
            var result = Sweeps.ProgressDisplay.Run(parse, progress =>
            {
                var observers = new List<ISimulationObserver> { new EpochProgress(progress, $"simulate {sc.Name} ({sc.Layout.Cells} cells, {sch.Name()})") };
                if (exporter is not null) observers.Add(exporter);
                return new NetworkSimulator(env).Run(options, cancel, new CompositeObserver([.. observers]));
            });
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
            o.WriteLine($"scenario {sc.Name}: {sc.Layout.Describe()}, {env.UsersAt(1)[0].Length} users in cell 0, channel {env.Channels.Name}, scheme {sch.Name()}, scheduler {sched.Name()}, seed {s}");
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"noise power σ_c² = {env.Noise:E3} W"));
            o.WriteLine($"{"epoch",5} {"acc. PFR",10} {"sum rate",9} {"sched",5} {"loc. RMSE m",11} {"backhaul bits",13} {"BF ms/BS",9}");
            foreach (var e in result.Epochs)
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{e.Epoch,5} {e.AccumulatedPfr,10:F2} {e.SumRate,9:F2} {e.ScheduledUsers,5} {e.LocationRmse,11:F2} {e.BackhaulBits,13} {e.BeamformingSecondsPerBs * 1000,9:F2}"));
            if (mapDir is not null)
                o.WriteLine($"maps: {loaded} grid points loaded, {env.Maps.Sum(m => m.BuiltCount)} saved in {mapDir.FullName}");
            var t = result.Epochs.Select(e => e.Timing).ToList();
            var last = result.Epochs[^1];
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"time: {clock.Elapsed.TotalSeconds:F1} s (set-up {setupSeconds:F1} s; epochs: scheduling {t.Sum(x => x.Scheduling):F1} s, exchange and map queries {t.Sum(x => x.Exchange):F1} s, " +
                $"beamforming {t.Sum(x => x.Beamforming):F1} s, transmission and sensing {t.Sum(x => x.TransmitAndSense):F1} s)"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"memory: maps {last.MapMemoryBytes / 1e6:F1} MB for {last.MapPoints} measured grid points, peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB"));
            if (exporter is not null) o.WriteLine($"exported {exporter.Written} beamforming problems to {exportDir!.FullName}");
            o.WriteLine($"wrote {Path.Combine(dir.FullName, "epochs.csv")} and users.csv");
            return Task.FromResult(IsacApp.Success);
        });
        return cmd;
    }

    /// <summary>Reports epochs to the progress display (a live bar on a terminal, plain lines otherwise).</summary>
    private sealed class EpochProgress(Isac.Experiments.Sweeps.ISweepObserver progress, string label) : ISimulationObserver
    {
        private int _epochs;

        public void EpochStarted(int epoch, int epochs)
        {
            _epochs = epochs;
            if (epoch == 1) progress.Started(label + " epochs", epochs, 0);
        }

        public void EpochFinished(EpochRecord record)
        {
            progress.Advanced(record.Epoch);
            if (record.Epoch == _epochs) progress.Stopped();
        }
    }
}
