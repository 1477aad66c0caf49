using Isac.Core;
using Isac.Experiments.Definitions;
using Isac.Experiments.PaperB;
using Isac.Experiments.Results;
using Isac.Experiments.Scenarios;

namespace Isac.Experiments.Tests.PaperB;

public class PaperBExperimentTests
{
    /// <summary>A tiny network for fast points: 8 antennas, 4 users per cell, 2 scheduled, 2 epochs.</summary>
    private const string TinySection = """ "paper_b": { "channel": { "tx_antennas": 8 }, "sensing": { "rx_antennas": 8 } } """;

    private static Scenario Parse(string json) => ScenarioReader.Parse(json, "t.json", ExperimentRegistry.Catalog, SweepSize.Full);

    private static IReadOnlyList<ResultRow> Evaluate(Scenario s, int point) =>
        s.Experiment.Evaluate(s.Grid.Point(point), s.Settings, CancellationToken.None);

    [Fact]
    public void Registry_HasEveryFigureOfPaperB_WithTheIssuesIds()
    {
        var ids = ExperimentRegistry.Catalog.Select("paper-b", null).Select(e => e.Id);
        Assert.Equal(["fig5", "table1", "fig6", "fig7", "fig8", "fig9", "umi19"], ids);
        Assert.Equal("table1", ExperimentRegistry.Catalog.Select("paper-b", "table1").Single().Id);
        Assert.Equal("fig7", ExperimentRegistry.Catalog.Select("paper-b", "7").Single().Id);
    }

    [Theory]
    [InlineData("""{ "epochs": 4 }""", "t.json: $.paper_b.epochs", "sweep parameter 'epochs'")]
    [InlineData("""{ "seed": 4 }""", "t.json: $.paper_b.seed", "top-level 'seed'")]
    [InlineData("""{ "users": { "per_cell": 4 } }""", "t.json: $.paper_b.users.per_cell", "'cell_users'")]
    [InlineData("""{ "users": { "positions": [[[10, 10]], [[190, 10]], [[90, 150]]] } }""", "t.json: $.paper_b.users.positions", "isac simulate")]
    [InlineData("""{ "scheduling": { "max_users_per_cell": 4 } }""", "t.json: $.paper_b.scheduling.max_users_per_cell", "'scheduled_per_cell'")]
    [InlineData("""{ "power_dbm": 36, "powr_w": 1 }""", "t.json: $.paper_b.powr_w", "unknown field")]
    [InlineData("""{ "users": { "speed_mps": -1 } }""", "t.json: $.paper_b.users.speed_mps", "")]
    public void Section_RefusesSweepGovernedAndInvalidFields_NamingTheJsonPath(string section, string location, string detail)
    {
        var e = Assert.Throws<IsacInputException>(() => Parse($$"""{ "experiment": "paper-b.fig6", "paper_b": {{section}} }"""));
        Assert.Equal(location, e.Location);
        Assert.Contains(detail, e.Message);
    }

    [Fact]
    public void Section_InTheOldSpelling_ReadsTheSameSettings_WithOneWarningLine()
    {
        const string now = """{ "experiment": "paper-b.fig6", "paper_b": { "rate_floor_bps_hz": 0.2, "scheduling": { "pf_weight_lag_epochs": 2 }, "ckm": { "measurement_noise_db": -3 } } }""";
        string old = now.Replace("rate_floor_bps_hz", "rate_floor").Replace("pf_weight_lag_epochs", "pfWeightLagEpochs").Replace("measurement_noise_db", "measurementNoiseDb");
        var a = Parse(now);
        var b = Parse(old);
        Assert.Null(a.LegacyWarning);
        Assert.Equal("t.json: warning: old key names read, rename them: 'rate_floor' → 'rate_floor_bps_hz', 'pfWeightLagEpochs' → 'pf_weight_lag_epochs', 'measurementNoiseDb' → 'measurement_noise_db'",
            b.LegacyWarning);
        var sa = ((PaperBSettings)a.Settings).Scenario;
        var sb = ((PaperBSettings)b.Settings).Scenario;
        Assert.Equal(sa with { Layout = sb.Layout }, sb);
        Assert.Equal(0.2, sb.RateFloor);
        Assert.Equal(2, sb.PfWeightLag);
    }

    [Fact]
    public void Section_IsAPaperBScenario_AndSweepSizesReachTheNetwork()
    {
        var s = Parse($$"""{ "experiment": "paper-b.fig6", "sweep": { "scheme": ["sd-uscb"], "cell_users": [4], "scheduled_per_cell": [2], "epochs": [2] }, {{TinySection}} }""");
        var settings = (PaperBSettings)s.Settings;
        Assert.Equal(8, settings.Scenario.ChannelSettings.TransmitAntennas);
        var rows = Evaluate(s, 0);
        Assert.Equal([1.0, 2.0], rows.Select(r => r.Number("epoch")));
        Assert.All(rows, r => Assert.True(r.Number("scheduled_users") <= 3 * 2));
    }

    [Fact]
    public void Table1_ScheduledUsersNotAMultipleOfTheCells_IsRefusedAtTheSweepPath()
    {
        var e = Assert.Throws<IsacInputException>(() => Parse("""{ "experiment": "paper-b.table1", "sweep": { "scheduled_users": [18, 20] } }"""));
        Assert.Equal("t.json: $.sweep.scheduled_users", e.Location);
        Assert.Contains("20", e.Message);
    }

    [Fact]
    public void Fig6_PointsOfOneDrawSeeTheSameNetwork_AndRepeatExactly()
    {
        // Common random numbers: every scheme of a draw gets the same drop and channels, so PFZFG
        // (same weights in epoch 1) schedules the same number of users; and a point run twice gives the same rows.
        var s = Parse($$"""{ "experiment": "paper-b.fig6", "sweep": { "scheme": ["sd-uscb", "cwmmse", "pwmmse"], "cell_users": [4], "scheduled_per_cell": [2], "epochs": [2] }, {{TinySection}} }""");
        var first = Enumerable.Range(0, 3).Select(p => Evaluate(s, p)[0].Number("scheduled_users")).Distinct();
        Assert.Single(first);
        var a = Evaluate(s, 0).Select(r => r.Number("accumulated_pfr"));
        var b = Evaluate(s, 0).Select(r => r.Number("accumulated_pfr"));
        Assert.Equal(a, b);
    }

    [Fact]
    public void Fig5_RowsAreTheIterationsOfTheSummedTrace()
    {
        var s = Parse($$"""{ "experiment": "paper-b.fig5", "sweep": { "algorithm": ["dualopt"], "cell_users": [4], "scheduled_per_cell": [2], "fp_iterations": [3] }, {{TinySection}} }""");
        var rows = Evaluate(s, 0);
        Assert.Equal([0.0, 1, 2, 3], rows.Select(r => r.Number("iteration")));
        Assert.All(rows, r => Assert.Equal("ok", r.Text("status")));
        Assert.True(rows[^1].Number("pfr") >= rows[0].Number("pfr"));
    }

    [Fact]
    public void DrawStatistics_MeanAndInterval_MatchTheTextbookFormulas()
    {
        var rows = new[] { 1.0, 2.0, 4.0 }.Select(v => new ResultRow().Set("scheme", "x").Set("epoch", 1).Set("accumulated_pfr", v))
            .Append(new ResultRow().Set("scheme", "y").Set("epoch", 1).Set("accumulated_pfr", 5.0)).ToList();
        var m = DrawStatistics.Means(rows, "accumulated_pfr", "scheme", "epoch");
        Assert.Equal(2, m.Count);
        Assert.Equal(7.0 / 3, m[0].Mean, 1e-12);
        // s = √(((1−7/3)² + (2−7/3)² + (4−7/3)²)/2) = √(7/3); half-width 1.96·s/√3
        Assert.Equal(1.959963984540054 * Math.Sqrt(7.0 / 3) / Math.Sqrt(3), m[0].HalfWidth95, 1e-12);
        Assert.Equal(3, m[0].Draws);
        Assert.True(double.IsNaN(m[1].HalfWidth95));
    }
}
