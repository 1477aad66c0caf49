using Isac.Core;
using Isac.Experiments.PaperB;

namespace Isac.Experiments.Tests.PaperB;

public class SimulationScenarioFileTests
{
    [Fact]
    public void FigureFile_ReadsItsPaperBSection_AtTheSizesItsSweepFixes()
    {
        var s = SimulationScenarioFile.Parse("""
            { "experiment": "paper-b.fig9", "seed": 4, "sweep": { "cell_users": [12], "scheduled_per_cell": [4, 6], "epochs": 3 },
              "paper_b": { "power_dbm": 30, "sdr": { "solver_tolerance": 1e-7 } } }
            """, "fig9.json");
        Assert.Equal(30, s.PowerDbm);
        Assert.Equal(1e-7, s.SdrSettings.SolverTolerance);
        Assert.Equal(12, s.UsersPerCell);
        Assert.Equal(18, s.MaxScheduledPerCell); // swept: the section's (default) value
        Assert.Equal(3, s.Epochs);
        Assert.Equal("fig9", s.Name);
    }

    [Fact]
    public void PlainScenario_IsReadAsANetworkScenario()
    {
        var s = SimulationScenarioFile.Parse("""{ "users": { "per_cell": 7 } }""", "mine.json");
        Assert.Equal(7, s.UsersPerCell);
        Assert.Equal("mine", s.Name);
    }

    [Theory]
    [InlineData("""{ "experiment": "paper-a.fig5" }""", "$.experiment", "not a paper-B figure")]
    [InlineData("""{ "experiment": "paper-b.fig6", "paper_b": { "users": { "speed_mps": 0 } } }""", "$.paper_b.users.speed_mps", "positive")]
    [InlineData("""[1, 2]""", "$", "expected a scenario object")]
    public void InvalidFile_IsRefusedWithTheJsonPath(string json, string path, string detail)
    {
        var e = Assert.Throws<IsacInputException>(() => SimulationScenarioFile.Parse(json, "s.json", availableBytes: 8L << 30));
        Assert.Equal($"s.json: {path}", e.Location);
        Assert.Contains(detail, e.Detail);
    }
}
