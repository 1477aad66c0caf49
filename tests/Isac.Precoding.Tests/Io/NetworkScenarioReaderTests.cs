using Isac.Core;
using Isac.Core.Json;
using Isac.Precoding.Io;
using Isac.Precoding.Network;

namespace Isac.Precoding.Tests.Io;

public class NetworkScenarioReaderTests
{
    [Theory]
    [InlineData("paper-a-rayleigh.json", 6)]
    [InlineData("paper-a-line-of-sight.json", 16)]
    [InlineData("explicit-small.json", 4)]
    public void ShippedScenarios_ReadAndBuild(string name, int ntx)
    {
        string path = Path.Combine(RepoRoot(), "scenarios", "paper-a", "networks", name);
        var scenario = NetworkScenarioReader.Read(JsonCursor.Parse(File.ReadAllText(path), name));
        var network = scenario.Build();
        Assert.Equal(ntx, network.TransmitElements);
        Assert.Equal(2, network.Cells);
        Assert.NotEmpty(scenario.Description);
    }

    [Fact]
    public void ExplicitScenario_KeepsTheGivenNumbers()
    {
        string path = Path.Combine(RepoRoot(), "scenarios", "paper-a", "networks", "explicit-small.json");
        var network = NetworkScenarioReader.Read(JsonCursor.Parse(File.ReadAllText(path), "explicit-small.json")).Build();
        // values[0][0][0][0] = [-1.1214, 0.2132]; values[1][0][1] is BS 2 to user 2 of cell 1.
        Assert.Equal(new System.Numerics.Complex(-1.1214, 0.2132), network.Channels.PerBs(0, 0, 0)[0]);
        Assert.Equal(0.004082, network.Scene.Reflection(0, 0).Real);
        Assert.Equal(SymbolSpec.PskPoint(1, 4), network.Symbol(0, 0)); // indices[0][0] = 1
    }

    [Theory]
    [InlineData("{\"seed\": 1, \"ntx\": 4, \"channelz\": {}}", "$.channelz", "unknown field")]
    [InlineData("{\"ntx\": 4}", "$", "'seed' is missing")]
    [InlineData("{\"seed\": -3}", "$.seed", ">= 0")]
    [InlineData("{\"seed\": 1, \"targetAnglesDeg\": [[90, 60], [-60, 50]]}", "$.targetAnglesDeg[0][0]", "strictly inside")]
    [InlineData("{\"seed\": 1, \"reflections\": {\"model\": \"explicit\", \"values\": [[0, 1], [1, 1]]}}", "$.reflections.values[0][0]", "is zero")]
    [InlineData("{\"seed\": 1, \"channels\": {\"model\": \"rayleigh\", \"interGain\": -1}}", "$.channels.interGain", ">= 0")]
    [InlineData("{\"seed\": 1, \"channels\": {\"model\": \"lineOfSight\", \"userAnglesDeg\": [[[0, 1, 2], [0, 1]], [[0, 1, 2], [0, 1, 2]]]}}", "$.channels.userAnglesDeg[0][1]", "3 entries")]
    [InlineData("{\"cells\": 2, \"usersPerCell\": 1, \"ntx\": 2, \"frameLength\": 2, \"channels\": {\"model\": \"explicit\", \"values\": [[[[[1, 0], [0, 1]]], [[[1, 0]]]], [[[[1, 0], [0, 1]]], [[[1, 0], [0, 1]]]]]}, \"symbols\": {\"model\": \"explicit\", \"indices\": [[0, 1], [2, 3]]}}", "$.channels.values[0][1][0]", "2 entries")]
    [InlineData("{\"seed\": 1, \"symbols\": {\"model\": \"explicit\", \"indices\": [[0]]}}", "$.symbols.indices", "6 entries")]
    [InlineData("{\"seed\": 1, \"cells\": 3}", "$", "targetAnglesDeg")]
    public void BadScenario_NamesTheJsonPath(string json, string path, string detail)
    {
        var e = Assert.ThrowsAny<IsacInputException>(() => NetworkScenarioReader.Read(JsonCursor.Parse(json, "bad.json")).Build());
        Assert.Equal($"bad.json: {path}", e.Location);
        Assert.Contains(detail, e.Detail);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Isac.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
