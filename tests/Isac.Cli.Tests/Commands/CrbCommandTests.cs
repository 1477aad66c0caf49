using System.Text.Json;
using System.Text.Json.Nodes;
using Isac.Core.Json;
using Isac.Physics.Crb;
using Isac.Physics.Io;

namespace Isac.Cli.Tests.Commands;

public class CrbCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("isac-crb-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("example-cbf.json")]
    [InlineData("example-comp.json")]
    public void ShippedExample_PrintsFimAndCrbOfEveryBs(string name)
    {
        string path = Path.Combine(ScenarioDirectory(), name);
        var r = CliRunner.Run("crb", "--input", path);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Err);

        using var doc = JsonDocument.Parse(r.Out);
        var bs = doc.RootElement.GetProperty("bs").EnumerateArray().ToArray();
        Assert.Equal(2, bs.Length);
        // The CLI must print what the library computes for the same case.
        var c = CrbCase.Read(JsonCursor.Parse(File.ReadAllText(path), name));
        var expected = NetworkCrb.Evaluate(c.Scene, c.Mode, c.TransmitCovariance);
        for (int m = 0; m < 2; m++)
        {
            var fim = bs[m].GetProperty("fim").EnumerateArray().Select(row => row.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
            var crb = bs[m].GetProperty("crb").EnumerateArray().Select(x => x.GetDouble()).ToArray();
            double rcrb = bs[m].GetProperty("rcrb_deg").GetDouble();
            for (int l = 0; l < 3; l++)
            {
                Assert.Equal(expected[m].Diagonal[l], crb[l]);
                for (int p = 0; p < 3; p++) Assert.Equal(expected[m].Fisher[l, p], fim[l][p]);
            }
            Assert.Equal(Math.Sqrt(crb[0]) * 180 / Math.PI, rcrb, 12);
        }
    }

    [Fact]
    public void Output_WritesTheJsonFileAndPrintsASummary()
    {
        string output = Path.Combine(_dir, "out.json");
        var r = CliRunner.Run("crb", "--input", Path.Combine(ScenarioDirectory(), "example-comp.json"), "--output", output);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("BS 1: RCRB(θ) = ", r.Out);
        Assert.Contains("BS 2: RCRB(θ) = ", r.Out);
        using var doc = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal(2, doc.RootElement.GetProperty("bs").GetArrayLength());
    }

    [Theory]
    [InlineData("mode", "\"both\"", "$.mode")]
    [InlineData("ntx", "0", "$.ntx")]
    [InlineData("frame_length", "2.5", "$.frame_length")]
    [InlineData("radar_noise_variance", "0", "$.radar_noise_variance")]
    [InlineData("departure_angles_deg", "[[-50, 60], [-60]]", "$.departure_angles_deg[1]")]
    [InlineData("departure_angles_deg", "[[-50, 60], [-60, 90]]", "$.departure_angles_deg[1][1]")]
    [InlineData("departure_angles_deg", "[[-50, 120], [-60, 50]]", "$.departure_angles_deg[0][1]")]
    [InlineData("reflection_coefficients", "[[[0, 0], [1, 0]], [[1, 0], [1, 0]]]", "$.reflection_coefficients[0][0]")]
    [InlineData("reflection_coefficients", "[[[1, 0, 3], [1, 0]], [[1, 0], [1, 0]]]", "$.reflection_coefficients[0][0]")]
    public void BadField_IsOneLineNamingThePath(string field, string json, string path)
    {
        var r = RunWith(c => c[field] = JsonNode.Parse(json));
        AssertBadInput(r, path);
    }

    [Fact]
    public void MissingField_IsBadInput()
    {
        var r = RunWith(c => c.Remove("frame_length"));
        AssertBadInput(r, "frame_length");
    }

    [Fact]
    public void UnknownField_IsBadInput()
    {
        var r = RunWith(c => c["ntxx"] = 4);
        AssertBadInput(r, "$.ntxx");
    }

    [Fact]
    public void CovarianceOfWrongSize_IsBadInput()
    {
        var r = RunWith(c => c["ntx"] = 3);
        AssertBadInput(r, "$.transmit_covariance");
    }

    [Fact]
    public void NonHermitianCovariance_IsBadInput()
    {
        var r = RunWith(c => c["transmit_covariance"]![0]![1] = new JsonArray(0.3, 0.1));
        AssertBadInput(r, "$.transmit_covariance");
        Assert.Contains("not Hermitian", r.Err);
    }

    [Fact]
    public void IndefiniteCovariance_IsBadInput()
    {
        var r = RunWith(c => c["transmit_covariance"]![2]![2] = new JsonArray(-1.0, 0.0));
        AssertBadInput(r, "$.transmit_covariance");
        Assert.Contains("not positive semidefinite", r.Err);
    }

    [Fact]
    public void NoPowerAtOneBs_IsSingularAndBadInput()
    {
        // BS 2 transmits nothing: its FIM in CBF is singular.
        var r = RunWith(c =>
        {
            var rows = c["transmit_covariance"]!.AsArray();
            for (int i = 0; i < 8; i++)
                for (int j = 0; j < 8; j++)
                    if (i >= 4 || j >= 4) rows[i]![j] = new JsonArray(0.0, 0.0);
        });
        AssertBadInput(r, "$.transmit_covariance");
        Assert.Contains("BS 2", r.Err);
        Assert.Contains("singular", r.Err);
    }

    [Fact]
    public void OldCamelCaseNames_AreReadWithOneWarningLineNamingTheNewKeys()
    {
        var fresh = CliRunner.Run("crb", "--input", Path.Combine(ScenarioDirectory(), "example-cbf.json"));
        var r = RunWith(c =>
        {
            foreach (var key in new[] { "frame_length", "radar_noise_variance", "transmit_covariance" })
            {
                var value = c[key];
                c.Remove(key);
                c[Isac.Core.Json.LegacyKeys.CamelCase(key)] = value;
            }
        });
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(fresh.Out, r.Out);
        var warning = Assert.Single(r.Err.TrimEnd().Split('\n'));
        Assert.StartsWith("isac: ", warning);
        Assert.Contains("warning", warning);
        Assert.Contains("'frameLength' → 'frame_length'", warning);
        Assert.Contains("'transmitCovariance' → 'transmit_covariance'", warning);
    }

    [Fact]
    public void OldAndNewNameOfOneKey_IsBadInput()
    {
        var r = RunWith(c => c["frameLength"] = 12);
        AssertBadInput(r, "$.frameLength");
        Assert.Contains("frame_length", r.Err);
    }

    [Fact]
    public void InvalidJson_NamesTheLine()
    {
        string path = Path.Combine(_dir, "broken.json");
        File.WriteAllText(path, "{\n  \"mode\": \"cbf\",\n  \"ntx\": 4,,\n}");
        var r = CliRunner.Run("crb", "--input", path);
        AssertBadInput(r, "broken.json:3");
    }

    [Fact]
    public void MissingFile_IsBadInput()
    {
        var r = CliRunner.Run("crb", "--input", Path.Combine(_dir, "nope.json"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("file not found", r.Err);
    }

    private CliRunner.Result RunWith(Action<JsonObject> edit)
    {
        string text = File.ReadAllText(Path.Combine(ScenarioDirectory(), "example-cbf.json"));
        var node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
        edit(node);
        string path = Path.Combine(_dir, "case.json");
        File.WriteAllText(path, node.ToJsonString());
        return CliRunner.Run("crb", "--input", path);
    }

    private static void AssertBadInput(CliRunner.Result r, string mustContain)
    {
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Err.TrimEnd().Split('\n'));
        Assert.StartsWith("isac: error: ", r.Err);
        Assert.Contains(mustContain, r.Err);
        Assert.Equal("", r.Out);
    }

    private static string ScenarioDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "scenarios", "crb");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("scenarios/crb not found above the test directory");
    }
}
