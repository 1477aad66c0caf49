using Isac.Core;
using Isac.Core.Json;
using Isac.Precoding.Io;
using Isac.Precoding.Network;

namespace Isac.Precoding.Tests.Io;

public class PaperANetworkReaderTests
{
    [Theory]
    [InlineData("paper-a-rayleigh.json", 6)]
    [InlineData("paper-a-line-of-sight.json", 16)]
    [InlineData("explicit-small.json", 4)]
    public void ShippedScenarios_ReadAndBuild(string name, int ntx)
    {
        string path = Path.Combine(RepoRoot(), "scenarios", "paper-a", "networks", name);
        var scenario = PaperANetworkReader.Read(JsonCursor.Parse(File.ReadAllText(path), name));
        var network = scenario.Build();
        Assert.Equal(ntx, network.TransmitElements);
        Assert.Equal(2, network.Cells);
        Assert.NotEmpty(scenario.Description);
    }

    [Fact]
    public void ExplicitScenario_KeepsTheGivenNumbers()
    {
        string path = Path.Combine(RepoRoot(), "scenarios", "paper-a", "networks", "explicit-small.json");
        var network = PaperANetworkReader.Read(JsonCursor.Parse(File.ReadAllText(path), "explicit-small.json")).Build();
        // values[0][0][0][0] = [-1.1214, 0.2132]; values[1][0][1] is BS 2 to user 2 of cell 1.
        Assert.Equal(new System.Numerics.Complex(-1.1214, 0.2132), network.Channels.PerBs(0, 0, 0)[0]);
        Assert.Equal(0.004082, network.Scene.Reflection(0, 0).Real);
        Assert.Equal(SymbolSpec.PskPoint(1, 4), network.Symbol(0, 0)); // indices[0][0] = 1
    }

    [Theory]
    [InlineData("{\"seed\": 1, \"ntx\": 4, \"channelz\": {}}", "$.channelz", "unknown field")]
    [InlineData("{\"ntx\": 4}", "$", "'seed' is missing")]
    [InlineData("{\"seed\": -3}", "$.seed", ">= 0")]
    [InlineData("{\"seed\": 1, \"target_angles_deg\": [[90, 60], [-60, 50]]}", "$.target_angles_deg[0][0]", "strictly inside")]
    [InlineData("{\"seed\": 1, \"reflections\": {\"model\": \"explicit\", \"values\": [[0, 1], [1, 1]]}}", "$.reflections.values[0][0]", "is zero")]
    [InlineData("{\"seed\": 1, \"channels\": {\"model\": \"rayleigh\", \"inter_gain\": -1}}", "$.channels.inter_gain", ">= 0")]
    [InlineData("{\"seed\": 1, \"channels\": {\"model\": \"line-of-sight\", \"user_angles_deg\": [[[0, 1, 2], [0, 1]], [[0, 1, 2], [0, 1, 2]]]}}", "$.channels.user_angles_deg[0][1]", "3 entries")]
    [InlineData("{\"cells\": 2, \"users_per_cell\": 1, \"ntx\": 2, \"frame_length\": 2, \"channels\": {\"model\": \"explicit\", \"values\": [[[[[1, 0], [0, 1]]], [[[1, 0]]]], [[[[1, 0], [0, 1]]], [[[1, 0], [0, 1]]]]]}, \"symbols\": {\"model\": \"explicit\", \"indices\": [[0, 1], [2, 3]]}}", "$.channels.values[0][1][0]", "2 entries")]
    [InlineData("{\"seed\": 1, \"symbols\": {\"model\": \"explicit\", \"indices\": [[0]]}}", "$.symbols.indices", "6 entries")]
    [InlineData("{\"seed\": 1, \"cells\": 3}", "$", "target_angles_deg")]
    public void BadScenario_NamesTheJsonPath(string json, string path, string detail)
    {
        var e = Assert.ThrowsAny<IsacInputException>(() => PaperANetworkReader.Read(JsonCursor.Parse(json, "bad.json")).Build());
        Assert.Equal($"bad.json: {path}", e.Location);
        Assert.Contains(detail, e.Detail);
    }

    /// <summary>The keys renamed in issue 14 (old camelCase → new snake_case), for old-style copies of the shipped files.</summary>
    internal static string WithOldNames(string json)
    {
        foreach (string key in new[] { "users_per_cell", "frame_length", "transmit_power", "comm_snr_db", "radar_snr_db", "target_angles_deg",
                     "psk_order", "leakage_max_factor", "interference_max_db", "initial_cap_db", "echo_snr", "inter_cell_ratio", "random_phases",
                     "intra_gain", "inter_gain", "user_angles_deg" })
            json = json.Replace($"\"{key}\"", $"\"{LegacyKeys.CamelCase(key)}\"");
        return json.Replace("\"line-of-sight\"", "\"lineOfSight\"");
    }

    [Theory]
    [InlineData("paper-a-rayleigh.json")]
    [InlineData("paper-a-line-of-sight.json")]
    [InlineData("explicit-small.json")]
    public void OldNames_GiveTheSameNetworkAndOneWarningLine(string name)
    {
        string text = File.ReadAllText(Path.Combine(RepoRoot(), "scenarios", "paper-a", "networks", name));
        string old = WithOldNames(text);
        Assert.NotEqual(text, old);
        Assert.Contains("\"usersPerCell\"", old);

        var newRoot = JsonCursor.Parse(text, name);
        var oldRoot = JsonCursor.Parse(old, "old.json");
        var a = PaperANetworkReader.Read(newRoot).Build();
        var b = PaperANetworkReader.Read(oldRoot).Build();

        Assert.Null(newRoot.LegacyWarning);
        string warning = Assert.IsType<string>(oldRoot.LegacyWarning);
        Assert.DoesNotContain('\n', warning);
        Assert.StartsWith("old.json: warning: old key names read, rename them: ", warning);
        Assert.Contains("'usersPerCell' → 'users_per_cell'", warning);
        Assert.Contains("'targetAnglesDeg' → 'target_angles_deg'", warning);
        if (name.Contains("line-of-sight")) Assert.Contains("'lineOfSight' → 'line-of-sight'", warning);
        Assert.Equal((a.Cells, a.UsersPerCell, a.TransmitElements, a.FrameLength, a.CommNoiseVariance, a.Scene.RadarNoiseVariance, a.Limits), (b.Cells, b.UsersPerCell, b.TransmitElements, b.FrameLength, b.CommNoiseVariance, b.Scene.RadarNoiseVariance, b.Limits));
        for (int n = 0; n < a.Cells; n++)
            for (int m = 0; m < a.Cells; m++)
            {
                Assert.Equal(a.Scene.Reflection(n, m), b.Scene.Reflection(n, m));
                for (int k = 0; k < a.UsersPerCell; k++) Assert.Equal(a.Channels.PerBs(n, m, k), b.Channels.PerBs(n, m, k));
            }
        for (int u = 0; u < a.Cells * a.UsersPerCell; u++)
            for (int s = 0; s < a.FrameLength; s++) Assert.Equal(a.Symbol(u, s), b.Symbol(u, s));
    }

    [Fact]
    public void NetworkObject_KeepsTheDefaultsPassedIn()
    {
        var defaults = new NetworkSpec { TransmitElements = 16, FrameLength = 20, Channels = new RayleighChannels(2, 0.5) };
        var spec = PaperANetworkReader.ReadNetwork(JsonCursor.Parse("""{ "nrx": 4, "comm_snr_db": 30 }""", "n.json"), defaults);

        Assert.Equal(16, spec.TransmitElements);
        Assert.Equal(20, spec.FrameLength);
        Assert.Equal(4, spec.ReceiveElements);
        Assert.Equal(30, spec.CommSnrDb);
        Assert.Equal(new RayleighChannels(2, 0.5), spec.Channels);
        var e = Assert.Throws<IsacInputException>(() => PaperANetworkReader.ReadNetwork(JsonCursor.Parse("""{ "seed": 1 }""", "n.json"), defaults));
        Assert.Equal("n.json: $.seed", e.Location);
    }

    [Fact]
    public void OldAndNewNameOfOneKey_IsAnError()
    {
        var e = Assert.Throws<IsacInputException>(() => PaperANetworkReader.Read(JsonCursor.Parse("""{ "seed": 1, "ntx": 4, "frame_length": 8, "frameLength": 8 }""", "b.json")));
        Assert.Equal("b.json: $.frameLength", e.Location);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Isac.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
