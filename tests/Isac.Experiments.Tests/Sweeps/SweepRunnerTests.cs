using Isac.Core;
using Isac.Experiments.Figures;
using Isac.Experiments.Results;
using Isac.Experiments.Scenarios;
using Isac.Experiments.Sweeps;
using Isac.Experiments.Tests.Support;

namespace Isac.Experiments.Tests.Sweeps;

public class SweepRunnerTests
{
    private static readonly Scenario Noise = TestCatalog.Noise();

    private static SweepOutcome Run(Scenario s, string dir, SweepOptions? options = null, ISweepObserver? observer = null,
        CancellationToken cancellation = default) =>
        SweepRunner.Run(s, dir, options ?? new SweepOptions { Threads = 2 }, observer ?? SilentSweepObserver.Instance, cancellation);

    private static byte[] Results(string dir) => File.ReadAllBytes(Path.Combine(dir, ResultsFolder.ResultsFile));

    private static string Csv(Scenario s, string dir)
    {
        FigureWriter.Write(s, dir);
        return File.ReadAllText(Path.Combine(dir, "noise.csv"));
    }

    [Fact]
    public void Run_CompletesEveryPointOnce()
    {
        using var tmp = new TempFolder();
        var outcome = Run(Noise, tmp.Path);
        Assert.True(outcome.Complete);
        Assert.Equal(Noise.Grid.Count, outcome.Done);
        Assert.Equal(Noise.Grid.Count, outcome.RanNow);
        var lines = File.ReadAllLines(Path.Combine(tmp.Path, ResultsFolder.ResultsFile));
        Assert.Equal(Enumerable.Range(0, Noise.Grid.Count).Select(i => $"{{\"point\":{i},"), lines.Select(l => l[..(l.IndexOf(',') + 1)]));
        var manifest = Manifest.Read(Path.Combine(tmp.Path, Manifest.FileName));
        Assert.Equal("complete", manifest.Status);
        Assert.Equal(Noise.Hash, manifest.ScenarioHash);
        Assert.Equal(Provenance.Current.Commit, manifest.Commit);
        Assert.Single(manifest.Runs);
    }

    [Fact]
    public void SameSweepTwice_GivesByteIdenticalResultsAndCsv_WhateverTheThreads()
    {
        using var tmp = new TempFolder();
        Run(Noise, tmp.Sub("a"), new SweepOptions { Threads = 1 });
        Run(Noise, tmp.Sub("b"), new SweepOptions { Threads = 2 });
        Run(Noise, tmp.Sub("c"), new SweepOptions { Threads = 5 });
        Assert.Equal(Results(tmp.Sub("a")), Results(tmp.Sub("b")));
        Assert.Equal(Results(tmp.Sub("a")), Results(tmp.Sub("c")));
        string csv = Csv(Noise, tmp.Sub("a"));
        Assert.Equal(csv, Csv(Noise, tmp.Sub("b")));
        Assert.Equal(csv, Csv(Noise, tmp.Sub("c")));
        Assert.Contains("\"pos, \"\"quoted\"\"\"", csv); // RFC 4180 quoting
        Assert.Contains(",\n", csv);                    // missing cells (the last column here) stay empty
    }

    [Fact]
    public void Interrupted_ThenResumed_EqualsAnUninterruptedRun()
    {
        using var tmp = new TempFolder();
        Run(Noise, tmp.Sub("ref"));

        // Stop the sweep (as Ctrl-C does) while point 10 is being computed, on one thread.
        using var stop = new CancellationTokenSource();
        var stoppable = new NoiseExperiment { BeforeEvaluate = p => { if (p.Index == 10) stop.Cancel(); } };
        var same = ScenarioReader.Parse(Noise.CanonicalJson, "t.json", new Definitions.ExperimentCatalog([stoppable]), Definitions.SweepSize.Full);
        var first = Run(same, tmp.Sub("cut"), new SweepOptions { Threads = 1 }, null, stop.Token);
        Assert.True(first.Interrupted);
        Assert.Equal(11, first.Done); // points 0-10: the point running at the stop is finished and kept
        Assert.Equal("interrupted", Manifest.Read(Path.Combine(tmp.Sub("cut"), Manifest.FileName)).Status);

        var second = Run(Noise, tmp.Sub("cut"), new SweepOptions { Threads = 2, Resume = true });

        Assert.True(second.Complete);
        Assert.Equal(Noise.Grid.Count, second.Done);
        Assert.Equal(Results(tmp.Sub("ref")), Results(tmp.Sub("cut")));
        Assert.Equal(Csv(Noise, tmp.Sub("ref")), Csv(Noise, tmp.Sub("cut")));
        var runs = Manifest.Read(Path.Combine(tmp.Sub("cut"), Manifest.FileName)).Runs;
        Assert.Equal(["run", "resume"], runs.Select(r => r.Kind));
        Assert.Equal(Noise.Grid.Count, runs.Sum(r => r.PointsDone)); // no point lost or computed twice
    }

    [Fact]
    public void KilledMidLine_ThenResumed_EqualsAnUninterruptedRun()
    {
        using var tmp = new TempFolder();
        Run(Noise, tmp.Sub("ref"));
        Run(Noise, tmp.Sub("cut"));
        // Simulate kill -9 during a write: cut the file in the middle of line 30, as if the run had
        // stored 29 points (in completion order) and died writing the 30th.
        string path = Path.Combine(tmp.Sub("cut"), ResultsFolder.ResultsFile);
        var bytes = File.ReadAllBytes(path);
        var lines = File.ReadAllLines(path);
        var shuffled = lines.Where((_, i) => i % 2 == 1).Concat(lines.Where((_, i) => i % 2 == 0)).ToList();
        string partial = string.Join("\n", shuffled.Take(29)) + "\n" + shuffled[29][..(shuffled[29].Length / 2)];
        File.WriteAllText(path, partial);
        var observer = new NoteCollector();

        var outcome = Run(Noise, tmp.Sub("cut"), new SweepOptions { Threads = 2, Resume = true }, observer);

        Assert.Equal(Noise.Grid.Count - 29, outcome.RanNow);
        Assert.Contains(observer.Notes, n => n.Contains("cut-short last line"));
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Equal(Csv(Noise, tmp.Sub("ref")), Csv(Noise, tmp.Sub("cut")));
    }

    [Fact]
    public void Resume_AgainstAnotherScenario_IsRefused()
    {
        using var tmp = new TempFolder();
        Run(Noise, tmp.Path);
        var other = TestCatalog.Noise(seed: 8);
        var e = Assert.Throws<IsacInputException>(() => Run(other, tmp.Path, new SweepOptions { Resume = true }));
        Assert.Contains("these results are from a different scenario (test.noise, seed 7", e.Message);
        Assert.Contains("refusing to mix them", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Resume_AsAnotherShard_IsRefused()
    {
        using var tmp = new TempFolder();
        Run(Noise, tmp.Path, new SweepOptions { Shard = new Shard(1, 2) });
        var e = Assert.Throws<IsacInputException>(() => Run(Noise, tmp.Path, new SweepOptions { Resume = true, Shard = new Shard(2, 2) }));
        Assert.Contains("these results are shard 1/2, not 2/2", e.Message);
    }

    [Fact]
    public void Run_IntoAFolderWithResults_IsRefusedWithoutResumeOrOverwrite()
    {
        using var tmp = new TempFolder();
        Run(Noise, tmp.Path);
        var e = Assert.Throws<IsacInputException>(() => Run(Noise, tmp.Path));
        Assert.Contains("already holds a sweep of test.noise (complete", e.Message);
        Assert.Contains("--resume", e.Message);

        var again = Run(Noise, tmp.Path, new SweepOptions { Overwrite = true });
        Assert.Equal(Noise.Grid.Count, again.RanNow);
        var resumed = Run(Noise, tmp.Path, new SweepOptions { Resume = true });
        Assert.Equal(0, resumed.RanNow);
        Assert.True(resumed.Complete);
    }

    [Fact]
    public void Resume_WithNothingStored_StartsTheSweep()
    {
        using var tmp = new TempFolder();
        var observer = new NoteCollector();
        var outcome = Run(Noise, tmp.Path, new SweepOptions { Resume = true }, observer);
        Assert.True(outcome.Complete);
        Assert.Contains(observer.Notes, n => n.Contains("nothing to resume"));
    }

    [Fact]
    public void FailingPoint_StopsTheSweepNamingThePoint_AndKeepsWhatWasStored()
    {
        using var tmp = new TempFolder();
        var failing = TestCatalog.Noise(""", "noise": { "fail_at": 40 }""");
        var e = Assert.Throws<SweepFailedException>(() => Run(failing, tmp.Path, new SweepOptions { Threads = 1 }));
        Assert.Equal($"test.noise: point 40 ({failing.Grid.Point(40).Key}) failed: InvalidOperationException: deliberate failure", e.Message);
        var manifest = Manifest.Read(Path.Combine(tmp.Path, Manifest.FileName));
        Assert.Equal("failed", manifest.Status);
        Assert.Equal(40, manifest.PointsDone); // one thread, in order: points 0-39 were stored
    }

    [Fact]
    public void ThreadsBelowOne_IsRefused()
    {
        using var tmp = new TempFolder();
        Assert.Throws<IsacInputException>(() => Run(Noise, tmp.Path, new SweepOptions { Threads = 0 }));
    }

    [Fact]
    public void FigureStep_OnAnIncompleteSweep_IsRefused()
    {
        using var tmp = new TempFolder();
        Run(Noise, tmp.Path, new SweepOptions { Shard = new Shard(1, 2) });
        var e = Assert.Throws<IsacInputException>(() => FigureWriter.Write(Noise, tmp.Path));
        Assert.Contains($"the sweep is not complete ({(Noise.Grid.Count + 1) / 2} of {Noise.Grid.Count} points)", e.Message);
    }

    [Fact]
    public void Run_InAFolderAnotherRunHolds_IsRefused()
    {
        using var tmp = new TempFolder();
        using (FolderLock.Acquire(tmp.Path))
        {
            var e = Assert.Throws<IsacInputException>(() => Run(Noise, tmp.Path));
            Assert.Contains("another isac process is running a sweep in this folder", e.Message);
        }
        Assert.True(Run(Noise, tmp.Path).Complete); // released: the folder can be used again
    }
}
