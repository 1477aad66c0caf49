namespace Isac.Cli.Tests.Commands;

/// <summary>Paper B's figures through the experiment runner (`isac run`, `isac reproduce`), on tiny networks.</summary>
public class PaperBReproduceTests
{
    private const string Tiny = """ "paper_b": { "channel": { "tx_antennas": 8 }, "sensing": { "rx_antennas": 8 } } """;

    [Fact]
    public void Run_Fig8_WritesTheIssuesColumnsAndPlots_AndItsScenarioReruns()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.Sub("f8.json"), $$"""
            { "experiment": "paper-b.fig8", "seed": 3,
              "sweep": { "draws": 2, "cell_users": [4], "scheduled_per_cell": [2], "epochs": [2] }, {{Tiny}} }
            """);
        var r = CliRunner.Run("run", "--scenario", tmp.Sub("f8.json"), "--out", tmp.Sub("out"), "--threads", "2");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("paper-b.fig8: 6/6 points stored", r.Out);
        var csv = File.ReadAllText(tmp.Sub("out", "fig8.csv"));
        var lines = csv.TrimEnd().Split('\n');
        Assert.Equal("scheduler,epoch,accumulated_pfr,accumulated_pfr_ci95,draws", lines[0]);
        Assert.Equal(1 + 3 * 2, lines.Length);
        Assert.StartsWith("pfzfg,1,", lines[1]);
        Assert.EndsWith(",2", lines[1]);
        Assert.True(File.Exists(tmp.Sub("out", "fig8.png")));
        Assert.True(File.Exists(tmp.Sub("out", "fig8.svg")));

        // The scenario it wrote, run again with one thread, gives the same bytes (deterministic draws).
        var again = CliRunner.Run("run", "--scenario", tmp.Sub("out", "scenario.json"), "--out", tmp.Sub("again"), "--threads", "1");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(csv, File.ReadAllText(tmp.Sub("again", "fig8.csv")));
    }

    [Fact]
    public void Run_Table1_ComparesDualOptAndSdrInTheIssuesColumns()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.Sub("t1.json"), $$"""
            { "experiment": "paper-b.table1", "sweep": { "scheduled_users": [3, 6], "cell_users": [4] }, {{Tiny}} }
            """);
        var r = CliRunner.Run("run", "--scenario", tmp.Sub("t1.json"), "--out", tmp.Sub("out"));
        Assert.Equal(0, r.ExitCode);
        var lines = File.ReadAllLines(tmp.Sub("out", "table1.csv"));
        Assert.StartsWith("algorithm,scheduled_users,seconds_per_bs_epoch,", lines[0]);
        Assert.Equal(["dualopt,3", "dualopt,6", "sdr,3", "sdr,6"], lines.Skip(1).Select(l => string.Join(",", l.Split(',').Take(2))));
        Assert.All(lines.Skip(1), l => Assert.True(double.Parse(l.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture) > 0));
    }

    [Fact]
    public void Reproduce_PaperB_ListsEveryFigureWithQuickAndFullSizes()
    {
        var r = CliRunner.Run("reproduce", "paper-b", "--list");
        Assert.Equal(0, r.ExitCode);
        foreach (var id in new[] { "fig5", "table1", "fig6", "fig7", "fig8", "fig9", "umi19" }) Assert.Contains($"paper-b.{id}", r.Out);
    }

    [Fact]
    public void Run_SweepGovernedFieldInTheSection_IsOneLineNamingTheJsonPath()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.Sub("bad.json"), """{ "experiment": "paper-b.fig9", "paper_b": { "scheduling": { "max_users_per_cell": 22 } } }""");
        var r = CliRunner.Run("run", "--scenario", tmp.Sub("bad.json"), "--out", tmp.Sub("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("isac: error: bad.json: $.paper_b.scheduling.max_users_per_cell: not allowed in a figure's paper_b section", r.Err);
        Assert.Single(r.Err.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Simulate_AFiguresScenarioFile_RunsItsPaperBSectionAtTheFiguresSize()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.Sub("fig.json"), $$"""{ "experiment": "paper-b.fig6", "sweep": { "cell_users": [4] }, "paper_b": { "users": { "speed_mps": 10 }, "channel": { "tx_antennas": 8 } } }""");
        var r = CliRunner.Run("simulate", "--scenario", tmp.Sub("fig.json"), "--scheme", "sd-uscb", "--epochs", "1", "--out", tmp.Sub("out"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("4 users in cell 0", r.Out); // the section's network at the figure's single-valued size
        Assert.True(File.Exists(tmp.Sub("out", "epochs.csv")));
    }
}
