using Isac.Core;
using Isac.Network.Simulation;

namespace Isac.Network.Tests.Simulation;

public class PaperBScenarioReaderTests
{
    internal static string RepoFile(string relative)
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
        var s = PaperBScenarioReader.Parse(File.ReadAllText(RepoFile(file)), Path.GetFileName(file));
        Assert.Equal(3, s.Layout.Cells);
    }

    [Fact]
    public void DefaultScenario_HasThePapersValues()
    {
        var s = PaperBScenarioReader.Parse(File.ReadAllText(RepoFile("scenarios/paper-b/default.json")), "default.json");
        Assert.Equal(40, s.UsersPerCell);
        Assert.Equal(18, s.MaxScheduledPerCell);
        Assert.Equal(36, s.PowerDbm);
        Assert.Equal(32, s.ChannelSettings.TransmitAntennas);
        Assert.Equal(0.4, s.CkmSettings.Spacing);
        Assert.Equal(Math.PI / 5, s.ChannelSettings.PhaseStdRad, 12);
        Assert.Equal(PaperBScenario.PaperB() with { Name = s.Name, Channel = s.Channel, Sensing = s.Sensing, Ckm = s.Ckm, DualOpt = s.DualOpt, Fp = s.Fp, Sdr = s.Sdr, Layout = s.Layout }, s);
    }

    [Fact]
    public void EmptyScenario_IsThePapersNetwork()
    {
        var s = PaperBScenarioReader.Parse("{}", "empty.json");
        Assert.Equal(PaperBScenario.PaperB().Layout.BaseStations, s.Layout.BaseStations);
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
        var e = Assert.Throws<IsacInputException>(() => PaperBScenarioReader.Parse(json, "s.json", availableBytes: 8L << 30));
        Assert.Equal($"s.json: {path}", e.Location);
        Assert.Contains(detail, e.Detail);
    }

    [Fact]
    public void MapMemoryCheck_UsesTheAvailableMemory_ForMapsBuiltInFull()
    {
        // 2 BSs, box 360×180 m at 0.4 m: 405 000 points × 25 B × 2 maps ≈ 20 MB.
        string full = Minimal.TrimEnd('}') + """, "ckm": { "mode": "full" } }""";
        Assert.NotNull(PaperBScenarioReader.Parse(full, "s.json", availableBytes: 100_000_000));
        var e = Assert.Throws<IsacInputException>(() => PaperBScenarioReader.Parse(full, "s.json", availableBytes: 10_000_000));
        Assert.Contains("GB", e.Detail);
        // On-demand maps hold only the pages their queries visit: not refused.
        Assert.NotNull(PaperBScenarioReader.Parse(Minimal, "s.json", availableBytes: 10_000_000));
    }
}

public class PaperBScenarioKeysTests
{
    [Fact]
    public void HexagonalUmiScenario_IsRead()
    {
        var s = PaperBScenarioReader.Parse("""
            { "network": { "layout": "hexagonal", "sites": 7, "sectors_per_site": 3, "inter_site_distance_m": 200, "wraparound": true },
              "channel": { "model": "3gpp-umi", "bs_height_m": 10 }, "noise_power_dbm": -85 }
            """, "h.json");
        Assert.Equal(21, s.Layout.Cells);
        Assert.NotNull(s.Layout.Wrap);
        Assert.Equal(Isac.Network.Channels.ChannelModelKind.Tr38901Umi, s.ChannelSettings.Model);
        Assert.Equal(10, s.ChannelSettings.BsHeightMeters);
        Assert.Equal(-85, s.NoisePowerDbm);
        Assert.Equal(20, s.Layout.Neighbours(0).Count);
    }

    [Theory]
    [InlineData("""{ "network": { "layout": "hexagonal", "sites": 5 } }""", "$.network.sites", "1, 7 or 19")]
    [InlineData("""{ "network": { "layout": "hexagonal", "sectors_per_site": 2 } }""", "$.network.sectors_per_site", "1 or 3")]
    [InlineData("""{ "network": { "layout": "hexagonal", "sites": 1, "wraparound": true } }""", "$.network.wraparound", "7 or 19")]
    [InlineData("""{ "network": { "layout": "hexagonal", "base_stations": [[0, 0]] } }""", "$.network.base_stations", "unknown field")]
    [InlineData("""{ "network": { "layout": "ring" } }""", "$.network.layout", "")]
    [InlineData("""{ "channel": { "model": "3gpp-rma" } }""", "$.channel.model", "")]
    [InlineData("""{ "channel": { "model": "3gpp-umi", "path_loss_exponent": 3 } }""", "$.channel.path_loss_exponent", "only for the paper's channel model")]
    [InlineData("""{ "channel": { "bs_height_m": 10 } }""", "$.channel.bs_height_m", "only for the 3GPP channel models")]
    [InlineData("""{ "channel": { "model": "3gpp-uma", "ut_height_m": 20 } }""", "$.channel.ut_height_m", "")]
    [InlineData("""{ "reference_snr_db": 15, "noise_power_dbm": -85 }""", "$.noise_power_dbm", "not both")]
    public void InvalidKeys_AreRefusedWithTheJsonPath(string json, string path, string detail)
    {
        var e = Assert.Throws<IsacInputException>(() => PaperBScenarioReader.Parse(json, "s.json", availableBytes: 8L << 30));
        Assert.Equal($"s.json: {path}", e.Location);
        Assert.Contains(detail, e.Detail);
    }

    [Theory]
    [InlineData("scenarios/paper-b/umi-7.json", 21)]
    [InlineData("scenarios/paper-b/umi-19.json", 57)]
    public void ShippedStandardScenarios_Parse(string file, int cells)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Isac.slnx"))) dir = dir.Parent;
        var s = PaperBScenarioReader.Parse(File.ReadAllText(Path.Combine(dir!.FullName, file)), Path.GetFileName(file));
        Assert.Equal(cells, s.Layout.Cells);
        Assert.Equal(40, s.UsersPerCell);
    }

    /// <summary>A file in the old spelling: every key camelCase, and rate_floor for rate_floor_bps_hz.</summary>
    internal static string OldSpelling(string json) => System.Text.RegularExpressions.Regex.Replace(
        json, "\"([a-z0-9]+(?:_[a-z0-9]+)+)\"\\s*:",
        m => $"\"{Isac.Core.Json.LegacyKeys.CamelCase(m.Groups[1].Value)}\":").Replace("\"rateFloorBpsHz\"", "\"rate_floor\"");

    [Theory]
    [InlineData("scenarios/paper-b/default.json")]
    [InlineData("scenarios/paper-b/umi-7.json")]
    [InlineData("scenarios/paper-b/fixed-users.json")]
    public void OldKeyNames_ReadTheSameScenario_WithOneWarningLine(string file)
    {
        string text = File.ReadAllText(PaperBScenarioReaderTests.RepoFile(file));
        string old = OldSpelling(text);
        Assert.NotEqual(text, old);

        var now = PaperBScenarioReader.Parse(text, "s.json", out string? none);
        var before = PaperBScenarioReader.Parse(old, "s.json", out string? warning);

        Assert.Null(none);
        Assert.NotNull(warning);
        Assert.DoesNotContain('\n', warning);
        Assert.StartsWith("s.json: warning: old key names read", warning);
        if (text.Contains("rate_floor_bps_hz")) Assert.Contains("'rate_floor' → 'rate_floor_bps_hz'", warning);
        Assert.Contains(text.Contains("min_user_distance_m") ? "'minUserDistanceM' → 'min_user_distance_m'" : "'speedMps' → 'speed_mps'", warning);
        Assert.Equal(now.Layout.BaseStations, before.Layout.BaseStations);
        Assert.Equal(now.Layout.Regions.Select(r => r.Describe()), before.Layout.Regions.Select(r => r.Describe()));
        Assert.Equal(now.UserPositions?.SelectMany(p => p), before.UserPositions?.SelectMany(p => p));
        Assert.Equal(now with { Layout = before.Layout, UserPositions = before.UserPositions }, before);
    }

    [Fact]
    public void OldAndNewNameOfOneKey_AreRefused()
    {
        var e = Assert.Throws<IsacInputException>(() => PaperBScenarioReader.Parse("""{ "rate_floor": 0.1, "rate_floor_bps_hz": 0.1 }""", "s.json"));
        Assert.Equal("s.json: $.rate_floor", e.Location);
    }

    [Fact]
    public void Defaults_ArePassedIn_AndKeptWhereTheFileIsSilent()
    {
        var defaults = PaperBScenario.PaperB() with { Name = "d", Epochs = 7, RateFloor = 0.5, CkmMode = CkmMode.Full, Ckm = new Isac.Network.Ckm.CkmSettings(Spacing: 4) };
        var s = PaperBScenarioReader.Read(Isac.Core.Json.JsonCursor.Parse("""{ "seed": 9, "ckm": { "snapshots": 3 } }""", "s.json"), defaults);
        Assert.Equal(defaults with { Seed = 9, Ckm = defaults.CkmSettings with { Snapshots = 3 }, Fp = s.Fp, DualOpt = s.DualOpt, Sdr = s.Sdr, Channel = s.Channel, Sensing = s.Sensing }, s);
    }
}
