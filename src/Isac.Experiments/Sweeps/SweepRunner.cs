using System.Threading.Channels;
using Isac.Core;
using Isac.Experiments.Results;
using Isac.Experiments.Scenarios;

namespace Isac.Experiments.Sweeps;

/// <summary>
/// Runs a scenario's sweep (or one shard of it) into a results folder: points in parallel on
/// worker threads, each finished point appended to <c>results.jsonl</c> and flushed to disk
/// before it counts; resumable after Ctrl-C, a crash or <c>kill -9</c>.
/// </summary>
/// <remarks>
/// Workers take pending points in index order and hand finished ones to a single writer, which
/// appends whatever has arrived, flushes to disk once for the group, and only then reports the
/// points as done (group commit: one fsync per group, not per point). Because a point's seeds
/// depend only on its coordinates and the evaluator is a pure function of them, the stored rows
/// do not depend on the number of threads, on the order points finish in, on shards or on
/// resumes; when the slice completes, the file is rewritten in point order so equal sweeps give
/// byte-identical files.
/// </remarks>
public static class SweepRunner
{
    /// <summary>Runs (or resumes) the sweep.</summary>
    /// <param name="scenario">The validated scenario.</param>
    /// <param name="directory">The results folder (created when absent).</param>
    /// <param name="options">Threads, resume, overwrite, shard.</param>
    /// <param name="observer">Progress and notes.</param>
    /// <param name="cancellation">Stops the sweep; finished points are kept.</param>
    /// <exception cref="IsacInputException">The folder holds another sweep, or its files are corrupt.</exception>
    /// <exception cref="SweepFailedException">A point's evaluation threw.</exception>
    public static SweepOutcome Run(Scenario scenario, string directory, SweepOptions options, ISweepObserver observer,
        CancellationToken cancellation)
    {
        if (options.Threads < 1) throw new IsacInputException("--threads", $"expected at least 1 thread, got {options.Threads}");
        Directory.CreateDirectory(directory);
        using var folderLock = FolderLock.Acquire(directory);
        string manifestPath = Path.Combine(directory, Manifest.FileName);
        var shard = options.Shard;
        var slice = Enumerable.Range(0, scenario.Grid.Count).Where(shard.Contains).ToList();

        var manifest = PrepareFolder(scenario, directory, options, observer, manifestPath, slice.Count);
        using var store = ResultStore.Open(Path.Combine(directory, ResultsFolder.ResultsFile), scenario.Grid, shard);
        if (store.RepairedBytes > 0)
        {
            observer.Note($"{store.Path}: removed a cut-short last line ({store.RepairedBytes} bytes) left by an interrupted run; that point runs again");
        }
        int doneBefore = store.Done.Count;
        if (options.Resume && doneBefore > 0)
        {
            observer.Note($"{scenario.Experiment.Name}: resuming, {doneBefore} of {slice.Count} points already stored");
        }
        DurableFile.WriteAtomically(Path.Combine(directory, ResultsFolder.ScenarioFile),
            ScenarioJson.Canonical(scenario.Experiment, scenario.Grid, scenario.SectionJson, scenario.Name, scenario.Description,
                ScenarioJson.SchemaReference(directory)));

        var pending = slice.Where(i => !store.Done.Contains(i)).ToList();
        var run = new RunRecord(doneBefore > 0 || options.Resume ? "resume" : "run", Manifest.Timestamp(DateTime.UtcNow), null, "running", 0,
            options.Threads, Provenance.Current.Host, Provenance.Current.Version);
        manifest = manifest with { Status = "running", PointsDone = doneBefore, Runs = [.. manifest.Runs, run] };
        manifest.Write(manifestPath);

        observer.Started(scenario.Experiment.Name, slice.Count, doneBefore);
        Exception? failure;
        try
        {
            failure = Execute(scenario, store, pending, options.Threads, observer, cancellation);
        }
        finally
        {
            observer.Stopped();
        }
        int done = store.Done.Count;
        bool cancelled = failure is null && done < slice.Count;
        string status = failure is not null ? "failed" : cancelled ? "interrupted" : "complete";
        if (status == "complete") store.SortInPlace();
        manifest = manifest with
        {
            Status = status,
            PointsDone = done,
            Runs = [.. manifest.Runs.SkipLast(1), run with { Ended = Manifest.Timestamp(DateTime.UtcNow), Status = status, PointsDone = done - doneBefore }],
        };
        manifest.Write(manifestPath);
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        return new SweepOutcome(directory, done, slice.Count, done - doneBefore, cancelled);
    }

    private static Manifest PrepareFolder(Scenario scenario, string directory, SweepOptions options, ISweepObserver observer,
        string manifestPath, int slicePoints)
    {
        bool holds = ResultsFolder.HoldsSweep(directory);
        if (holds && options.Overwrite)
        {
            ResultsFolder.Clear(directory);
            holds = false;
        }
        if (!holds)
        {
            if (options.Resume) observer.Note($"{directory}: nothing to resume; starting the sweep");
            return Manifest.Create(scenario, options.Shard, slicePoints, DateTime.UtcNow);
        }
        if (!File.Exists(manifestPath))
        {
            throw new IsacInputException(directory, $"holds {ResultsFolder.ResultsFile} but no {Manifest.FileName}, so it cannot be told which scenario it belongs to; use another --out or --overwrite");
        }
        var manifest = Manifest.Read(manifestPath);
        if (manifest.LegacyWarning is string warning) observer.Note(warning);
        if (!options.Resume)
        {
            throw new IsacInputException(directory,
                $"already holds a sweep of {manifest.Experiment} ({manifest.Status}, {manifest.PointsDone} of {manifest.ShardPoints} points); " +
                "use --resume to continue it, --overwrite to discard it, or another --out");
        }
        manifest.CheckResumable(scenario, options.Shard, manifestPath);
        if (manifest.Version != Provenance.Current.Version)
        {
            observer.Note($"{manifestPath}: started by isac {manifest.Version}, resumed by isac {Provenance.Current.Version}");
        }
        return manifest;
    }

    private static Exception? Execute(Scenario scenario, ResultStore store, List<int> pending, int threads, ISweepObserver observer,
        CancellationToken cancellation)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var finished = Channel.CreateUnbounded<PointResult>(new UnboundedChannelOptions { SingleReader = true });
        Exception? failure = null;
        int next = -1;

        void Work()
        {
            while (!stop.IsCancellationRequested)
            {
                int k = Interlocked.Increment(ref next);
                if (k >= pending.Count) return;
                var point = scenario.Grid.Point(pending[k]);
                try
                {
                    var rows = scenario.Experiment.Evaluate(point, scenario.Settings, stop.Token);
                    finished.Writer.TryWrite(PointResult.From(point, rows));
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    var error = e is IsacInputException ? e : new SweepFailedException(scenario.Experiment.Name, point, e);
                    Interlocked.CompareExchange(ref failure, error, null);
                    stop.Cancel();
                    return;
                }
            }
        }

        void Write()
        {
            var batch = new List<PointResult>();
            var reader = finished.Reader;
            while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                batch.Clear();
                while (reader.TryRead(out var p)) batch.Add(p);
                try
                {
                    store.Append(batch);
                }
                catch (Exception e)
                {
                    // The disk refused the write (full, gone): stop, keep what is already stored.
                    Interlocked.CompareExchange(ref failure, e, null);
                    stop.Cancel();
                    return;
                }
                observer.Advanced(store.Done.Count);
            }
        }

        var writer = new Thread(Write) { Name = "isac-results-writer", IsBackground = true };
        writer.Start();
        var workers = Enumerable.Range(0, Math.Min(threads, Math.Max(1, pending.Count)))
            .Select(i => new Thread(Work) { Name = $"isac-worker-{i}", IsBackground = true })
            .ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        finished.Writer.Complete();
        writer.Join();
        return failure;
    }
}
