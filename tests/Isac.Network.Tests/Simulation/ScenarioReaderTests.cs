using Isac.Core;
using Isac.Network.Simulation;

namespace Isac.Network.Tests.Simulation;

public class ScenarioReaderTests
{
    private static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Isac.slnx"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, relative);
    }

    private const string Minimal = """{ "network": { "base_stations": [[0,0],[180,0]] }, "users": { "per_cell": 3 } }""";

    [Theory]
    [InlineData("scenarios/paper-b/default.json")]
    [InlineData("scenarios/paper-b/quick.json")]
    [InlineData("scenarios/paper-b/fixed-users.json")]
    public void ShippedScenarios_Parse(string file)
    {
        var s = ScenarioReader.Parse(File.ReadAllText(RepoFile(file)), Path.GetFileName(file));
        Assert.Equal(3, s.Layout.Cells);
    }

    [Fact]
    public void DefaultScenario_HasThePapersValues()
    {
        var s = ScenarioReader.Parse(File.ReadAllText(RepoFile("scenarios/paper-b/default.json")), "default.json");
        Assert.Equal(40, s.UsersPerCell);
        Assert.Equal(18, s.MaxScheduledPerCell);
        Assert.Equal(36, s.PowerDbm);
        Assert.Equal(32, s.ChannelSettings.TransmitAntennas);
        Assert.Equal(0.4, s.CkmSettings.Spacing);
        Assert.Equal(Math.PI / 5, s.ChannelSettings.PhaseStdRad, 12);
        Assert.Equal(Scenario.PaperB() with { Name = s.Name, Channel = s.Channel, Sensing = s.Sensing, Ckm = s.Ckm, DualOpt = s.DualOpt, Fp = s.Fp, Sdr = s.Sdr, Layout = s.Layout }, s);
    }

    [Fact]
    public void EmptyScenario_IsThePapersNetwork()
    {
        var s = ScenarioReader.Parse("{}", "empty.json");
        Assert.Equal(Scenario.PaperB().Layout.BaseStations, s.Layout.BaseStations);
        Assert.Equal(40, s.UsersPerCell);
        Assert.Equal("empty", s.Name);
    }

    [Theory]
    [InlineData("""{ "experiment": "paper-b.fig6" }""", "$.experiment", "unknown field")]
    [InlineData("""{ "network": { "base_stations": [[0,0]] }, "users": { "positions": [[[500, 0]]] } }""", "$.users.positions[0][0]", "outside every cell")]
    [InlineData("""{ "network": { "base_stations": [[0,0],[180,0]] }, "users": { "positions": [[[170, 0]], [[20, 0]]] } }""", "$.users.positions[0][0]", "lies in cell 1")]
    [InlineData("""{ "network": { "base_stations": [[0,0]] }, "users": { "per_cell": 3 }, "power_w": 0 }""", "$.power_w", "positive")]
    [InlineData("""{ "network": { "base_stations": [[0,0]] }, "users": { "per_cell": 3, "speed_mps": 0 } }""", "$.users.speed_mps", "positive")]
    [InlineData("""{ "network": { "base_stations": [[0,0]] }, "users": { "per_cell": 3, "speed_mps": -2 } }""", "$.users.speed_mps", "positive")]
    [InlineData("""{ "network": { "base_stations": [[0,0]] }, "users": { "per_cell": 3 }, "ckm": { "grid_m": 0.0001 } }""", "$.ckm.grid_m", "more than a map can index")]
    [InlineData("""{ "network": { "base_stations": [[0,0]] }, "users": { "per_cell": 3 }, "ckm": { "grid_m": 0.005, "mode": "full" } }""", "$.ckm.grid_m", "more than half")]
    [InlineData("""{ "network": { "base_stations": [[0,0]] }, "users": { "per_cell": 3 }, "epoch_s": 0.002 }""", "$.epoch_s", "shorter than the epoch")]
    [InlineData("""{ "network": { "base_stations": [[0,0]] }, "users": { "per_cell": 3 }, "sensing": { "a_thet": 1 } }""", "$.sensing.a_thet", "unknown field")]
    public void InvalidScenario_IsRefusedWithTheJsonPath(string json, string path, string detail)
    {
        var e = Assert.Throws<IsacInputException>(() => ScenarioReader.Parse(json, "s.json", availableBytes: 8L << 30));
        Assert.Equal($"s.json: {path}", e.Location);
        Assert.Contains(detail, e.Detail);
    }

    [Fact]
    public void MapMemoryCheck_UsesTheAvailableMemory_ForMapsBuiltInFull()
    {
        // 2 BSs, box 360×180 m at 0.4 m: 405 000 points × 25 B × 2 maps ≈ 20 MB.
        string full = Minimal.TrimEnd('}') + """, "ckm": { "mode": "full" } }""";
        Assert.NotNull(ScenarioReader.Parse(full, "s.json", availableBytes: 100_000_000));
        var e = Assert.Throws<IsacInputException>(() => ScenarioReader.Parse(full, "s.json", availableBytes: 10_000_000));
        Assert.Contains("GB", e.Detail);
        // On-demand maps hold only the pages their queries visit: not refused.
        Assert.NotNull(ScenarioReader.Parse(Minimal, "s.json", availableBytes: 10_000_000));
    }
}
