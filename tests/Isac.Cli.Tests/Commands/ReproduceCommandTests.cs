namespace Isac.Cli.Tests.Commands;

public class ReproduceCommandTests
{
    private static string OneLine(CliRunner.Result r)
    {
        var lines = r.Err.TrimEnd().Split('\n');
        Assert.Single(lines);
        return lines[0];
    }

    [Fact]
    public void ReproduceDemoQuick_WritesFiguresAndIndex_ThenRefusesToOverwrite_ThenResumesAsComplete()
    {
        using var tmp = new TempFolder();
        var r = CliRunner.Run("reproduce", "demo", "--quick", "--out", tmp.Path, "--threads", "2");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"index: {tmp.Sub("index.md")}", r.Out);
        foreach (var f in new[] { "beampattern/beampattern.csv", "beampattern/beampattern-steer0.png", "beampattern/beampattern-steer40.svg",
                     "phase-errors/phase-errors.csv", "phase-errors/phase-errors.png", "phase-errors/phase-errors.svg",
                     "phase-errors/manifest.json", "phase-errors/results.jsonl", "phase-errors/scenario.json" })
        {
            Assert.True(File.Exists(tmp.Sub("demo", f)), f);
        }
        Assert.Contains("demo.phase-errors: 144 points to run", r.Err); // plain progress when not on a terminal
        string csv = File.ReadAllText(tmp.Sub("demo", "phase-errors", "phase-errors.csv"));

        var again = CliRunner.Run("reproduce", "demo", "--quick", "--out", tmp.Path);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already holds a sweep of demo.beampattern (complete, 6 of 6 points); use --resume", OneLine(again));

        var resumed = CliRunner.Run("reproduce", "demo", "--quick", "--out", tmp.Path, "--resume");
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains("demo.phase-errors: 144/144 points stored", resumed.Out);
        Assert.Contains("(0 computed now)", resumed.Out);
        Assert.Equal(csv, File.ReadAllText(tmp.Sub("demo", "phase-errors", "phase-errors.csv")));
    }

    [Fact]
    public void ReproduceQuick_WithAnotherSizeIntoTheSameFolder_IsRefusedOnResume()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, CliRunner.Run("reproduce", "demo", "--figure", "beampattern", "--quick", "--out", tmp.Path).ExitCode);
        var r = CliRunner.Run("reproduce", "demo", "--figure", "beampattern", "--out", tmp.Path, "--resume");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("these results are from a different scenario (demo.beampattern, seed 1, 6 points", OneLine(r));
    }

    [Theory]
    [InlineData("reproduce demo --figure nope", "isac: error: --figure: demo has no figure \"nope\" (available: beampattern, phase-errors)")]
    [InlineData("reproduce demo --shard 0/3", "isac: error: --shard: expected I/N with 1 <= I <= N (e.g. 2/8), got \"0/3\"")]
    [InlineData("reproduce demo --threads 0", "isac: error: --threads: expected at least 1, got 0")]
    [InlineData("reproduce demo --resume --overwrite", "isac: error: --resume: cannot be combined with --overwrite")]
    [InlineData("reproduce paper-c", "isac: ")]
    public void Reproduce_BadArguments_AreOneLineErrorsWithExitCode2(string args, string expectedStart)
    {
        using var tmp = new TempFolder();
        var r = CliRunner.Run([.. args.Split(' '), "--out", tmp.Path]);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith(expectedStart, OneLine(r));
    }

    [Fact]
    public void ReproduceList_ShowsTheRegisteredFiguresAndTheirSizes()
    {
        var r = CliRunner.Run("reproduce", "all", "--list");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"demo\.beampattern\s+6\s+20\s+Transmit beampattern", r.Out);
        Assert.Matches(@"demo\.phase-errors\s+144\s+4560\s+", r.Out);
    }

    [Fact]
    public void ShardsMerged_GiveTheSameCsvAndResultsAsTheUnshardedRun()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, CliRunner.Run("reproduce", "demo", "--quick", "--out", tmp.Sub("whole")).ExitCode);
        for (int i = 1; i <= 3; i++)
        {
            var s = CliRunner.Run("reproduce", "demo", "--quick", "--out", tmp.Sub($"shard{i}"), "--shard", $"{i}/3");
            Assert.Equal(0, s.ExitCode);
            Assert.Contains($"shard {i}/3 complete", s.Out);
        }

        var m = CliRunner.Run("merge", tmp.Sub("shard1"), tmp.Sub("shard2"), tmp.Sub("shard3"), "--out", tmp.Sub("merged"));

        Assert.Equal(0, m.ExitCode);
        Assert.Contains("demo.phase-errors: merged 144 points", m.Out);
        foreach (var f in new[] { "beampattern/beampattern.csv", "beampattern/results.jsonl", "phase-errors/phase-errors.csv", "phase-errors/results.jsonl" })
        {
            Assert.Equal(File.ReadAllBytes(tmp.Sub("whole", "demo", f)), File.ReadAllBytes(tmp.Sub("merged", "demo", f)));
        }
        Assert.Equal(File.ReadAllText(tmp.Sub("whole", "index.md")), File.ReadAllText(tmp.Sub("merged", "index.md")));
    }

    [Fact]
    public void Merge_WithAShardMissing_IsAOneLineError()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, CliRunner.Run("reproduce", "demo", "--figure", "beampattern", "--quick", "--out", tmp.Sub("s1"), "--shard", "1/2").ExitCode);
        var m = CliRunner.Run("merge", tmp.Sub("s1"), "--out", tmp.Sub("merged"));
        Assert.Equal(2, m.ExitCode);
        Assert.Contains("shard 2/2 of this sweep is missing from the inputs", OneLine(m));
    }
}
