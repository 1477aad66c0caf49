using Isac.Core;
using Isac.Experiments.Results;
using Isac.Experiments.Runs;
using Isac.Experiments.Scenarios;
using Isac.Experiments.Sweeps;
using Isac.Experiments.Tests.Support;

namespace Isac.Experiments.Tests.Runs;

public class ResultMergerTests
{
    private static readonly Scenario Noise = TestCatalog.Noise();

    private static void Run(string dir, Shard shard) =>
        ExperimentJob.Run([new JobItem(Noise, Path.Combine(dir, "test", "noise"))], dir, new SweepOptions { Threads = 2, Shard = shard },
            SilentSweepObserver.Instance, CancellationToken.None);

    private static string File_(string root, string name) => Path.Combine(root, "test", "noise", name);

    [Fact]
    public void ThreeShardsMerged_EqualTheUnshardedRun()
    {
        using var tmp = new TempFolder();
        Run(tmp.Sub("whole"), Shard.Whole);
        for (int i = 1; i <= 3; i++) Run(tmp.Sub($"s{i}"), new Shard(i, 3));
        Assert.False(File.Exists(File_(tmp.Sub("s1"), "noise.csv"))); // a shard alone draws no figure

        var outcome = ResultMerger.Merge([tmp.Sub("s3"), tmp.Sub("s1"), tmp.Sub("s2")], tmp.Sub("merged"), TestCatalog.Catalog, overwrite: false);

        Assert.Equal(["test/noise"], outcome.Folders);
        Assert.Equal(File.ReadAllBytes(File_(tmp.Sub("whole"), ResultsFolder.ResultsFile)), File.ReadAllBytes(File_(tmp.Sub("merged"), ResultsFolder.ResultsFile)));
        Assert.Equal(File.ReadAllText(File_(tmp.Sub("whole"), "noise.csv")), File.ReadAllText(File_(tmp.Sub("merged"), "noise.csv")));
        Assert.Equal(File.ReadAllText(File_(tmp.Sub("whole"), ResultsFolder.ScenarioFile)), File.ReadAllText(File_(tmp.Sub("merged"), ResultsFolder.ScenarioFile)));
        var manifest = Manifest.Read(File_(tmp.Sub("merged"), Manifest.FileName));
        Assert.Equal(Shard.Whole, manifest.Shard);
        Assert.Equal("complete", manifest.Status);
        Assert.Equal(3, manifest.MergedFrom.Count);
        Assert.True(File.Exists(Path.Combine(tmp.Sub("merged"), "index.md")));
    }

    [Fact]
    public void MissingShard_IsRefusedNamingIt()
    {
        using var tmp = new TempFolder();
        Run(tmp.Sub("s1"), new Shard(1, 3));
        Run(tmp.Sub("s3"), new Shard(3, 3));
        var e = Assert.Throws<IsacInputException>(() => ResultMerger.Merge([tmp.Sub("s1"), tmp.Sub("s3")], tmp.Sub("m"), TestCatalog.Catalog, false));
        Assert.Contains("shard 2/3 of this sweep is missing", e.Message);
    }

    [Fact]
    public void ShardGivenTwice_IsRefused()
    {
        using var tmp = new TempFolder();
        Run(tmp.Sub("a"), new Shard(1, 2));
        Run(tmp.Sub("b"), new Shard(1, 2));
        var e = Assert.Throws<IsacInputException>(() => ResultMerger.Merge([tmp.Sub("a"), tmp.Sub("b")], tmp.Sub("m"), TestCatalog.Catalog, false));
        Assert.Contains("shard 1/2 is given twice", e.Message);
    }

    [Fact]
    public void IncompleteShard_IsRefused()
    {
        using var tmp = new TempFolder();
        Run(tmp.Sub("s1"), new Shard(1, 2));
        Run(tmp.Sub("s2"), new Shard(2, 2));
        string results = File_(tmp.Sub("s2"), ResultsFolder.ResultsFile);
        File.WriteAllLines(results, File.ReadAllLines(results).Skip(1));
        var e = Assert.Throws<IsacInputException>(() => ResultMerger.Merge([tmp.Sub("s1"), tmp.Sub("s2")], tmp.Sub("m"), TestCatalog.Catalog, false));
        Assert.Contains("shard 2/2 is not complete", e.Message);
        Assert.Contains("--resume --shard 2/2", e.Message);
    }

    [Fact]
    public void ShardsOfDifferentScenarios_AreRefused()
    {
        using var tmp = new TempFolder();
        Run(tmp.Sub("s1"), new Shard(1, 2));
        var other = TestCatalog.Noise(seed: 99);
        ExperimentJob.Run([new JobItem(other, File_(tmp.Sub("s2"), ""))], tmp.Sub("s2"), new SweepOptions { Shard = new Shard(2, 2) },
            SilentSweepObserver.Instance, CancellationToken.None);
        var e = Assert.Throws<IsacInputException>(() => ResultMerger.Merge([tmp.Sub("s1"), tmp.Sub("s2")], tmp.Sub("m"), TestCatalog.Catalog, false));
        Assert.Contains("holds a different scenario", e.Message);
    }
}
