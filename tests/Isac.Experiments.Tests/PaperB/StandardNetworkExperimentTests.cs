using Isac.Core;
using Isac.Experiments.Definitions;
using Isac.Experiments.PaperB;
using Isac.Experiments.Scenarios;

namespace Isac.Experiments.Tests.PaperB;

public class StandardNetworkExperimentTests
{
    private const string Tiny = """
        "paper_b": { "network": { "layout": "hexagonal", "sectors_per_site": 3, "inter_site_distance_m": 100 },
                     "channel": { "model": "3gpp-umi", "tx_antennas": 8 }, "sensing": { "rx_antennas": 8 }, "noise_power_dbm": -85,
                     "ckm": { "grid_m": 4, "measurement_noise_db": -27, "leakage_estimate": "covariance" } }
        """;

    private static Scenario Parse(string json) => ScenarioReader.Parse(json, "t.json", ExperimentRegistry.Catalog, SweepSize.Full);

    [Fact]
    public void Points_RunEveryVariantOnTheSweptSiteCount_AndBuildTheThreeFigures()
    {
        var s = Parse($$"""
            { "experiment": "paper-b.umi19", "sweep": { "draws": 1, "sites": [1], "cell_users": [4], "scheduled_per_cell": [2], "epochs": [2] }, {{Tiny}} }
            """);
        var rows = new List<Isac.Experiments.Results.ResultRow>();
        for (int i = 0; i < s.Grid.Count; i++)
            foreach (var r in s.Experiment.Evaluate(s.Grid.Point(i), s.Settings, CancellationToken.None))
            {
                var point = s.Grid.Point(i);
                rows.Add(r.Set("variant", point.Text("variant")).Set("sites", point.Int("sites")).Set("draw", 0));
            }
        Assert.Equal(7 * 2, rows.Count); // 7 variants × 2 epochs
        Assert.All(rows, r => Assert.True(double.IsFinite(r.Number("accumulated_pfr"))));
        var figures = s.Experiment.BuildFigures(s.Settings, s.Grid, rows);
        Assert.Equal(["umi19-schemes", "umi19-schedulers", "umi19-surrogates"], figures.Select(f => f.Stem));
    }

    [Fact]
    public void ExplicitLayouts_AndOtherSiteCounts_AreRefused()
    {
        var e = Assert.Throws<IsacInputException>(() => Parse("""{ "experiment": "paper-b.umi19", "paper_b": { "network": { "base_stations": [[0, 0]] } } }"""));
        Assert.Contains("hexagonal", e.Message);
        var f = Assert.Throws<IsacInputException>(() => Parse($$"""{ "experiment": "paper-b.umi19", "sweep": { "sites": [5] }, {{Tiny}} }"""));
        Assert.Equal("t.json: $.sweep.sites", f.Location);
    }
}
