using System.Text.Json;

namespace Isac.Cli.Tests.Commands;

public class PrecodeCommandTests
{
    private static string Scenario(string name) => Path.Combine(RepoRoot(), "scenarios", "paper-a", "networks", name);

    [Fact]
    public void ExplicitScenario_WritesTheJsonResultAndPrintsASummary()
    {
        using var temp = new TempFolder();
        var r = CliRunner.Run("precode", "--scenario", Scenario("explicit-small.json"), "--scheme", "blp-comp", "--gamma-db", "5", "--out", temp.Path);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Err);
        Assert.Contains("status: solved", r.Out);
        Assert.Contains("BS 2", r.Out);
        string file = temp.Sub("precode-blp-comp.json");
        Assert.Contains($"wrote {file}", r.Out);
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var root = doc.RootElement;
        Assert.Equal("solved", root.GetProperty("status").GetString());
        Assert.Equal(2, root.GetProperty("rcrb_deg").GetArrayLength());
        Assert.Equal(2, root.GetProperty("relaxation_rcrb_deg").GetArrayLength());
        Assert.True(root.GetProperty("min_sinr_db").GetDouble() >= 5 - 1e-4);
        Assert.True(root.GetProperty("worst_case_min_sinr_db").GetDouble() >= 5 - 1e-4);
        Assert.Equal("beamformers", root.GetProperty("precoders").GetProperty("kind").GetString());
    }

    [Fact]
    public void ExactRobustSymbolLevelAndDelta_AreRecordedInTheResult()
    {
        using var temp = new TempFolder();
        var r = CliRunner.Run("precode", "--scenario", Scenario("explicit-small.json"), "--scheme", "blp-cbf", "--gamma-db", "5",
            "--delta", "0.01", "--robust", "exact", "--out", temp.Path);

        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(temp.Sub("precode-blp-cbf.json")));
        Assert.Equal("exact", doc.RootElement.GetProperty("robust").GetString());
        Assert.Equal(0.01, doc.RootElement.GetProperty("delta").GetDouble());
        Assert.True(doc.RootElement.GetProperty("worst_case_min_sinr_db").GetDouble() >= 5 - 1e-4);
    }

    [Theory]
    [InlineData("limits")]
    [InlineData("algorithm")]
    public void RefineCaps_AreRecordedInTheResult(string caps)
    {
        using var temp = new TempFolder();
        var r = CliRunner.Run("precode", "--scenario", Scenario("explicit-small.json"), "--scheme", "slp-cbf", "--gamma-db", "5",
            "--refine-caps", caps, "--refine-steps", "2", "--out", temp.Path);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"caps: {caps}", r.Out);
        using var doc = JsonDocument.Parse(File.ReadAllText(temp.Sub("precode-slp-cbf.json")));
        Assert.Equal(caps, doc.RootElement.GetProperty("refinement").GetProperty("caps").GetString());
    }

    [Fact]
    public void UnknownRefineCaps_IsAParseError()
    {
        var r = CliRunner.Run("precode", "--scenario", Scenario("explicit-small.json"), "--scheme", "slp-cbf", "--gamma-db", "5", "--refine-caps", "loose");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("loose", r.Err);
    }

    [Fact]
    public void UnreachableGamma_IsAnInfeasibleResultNotAnError()
    {
        using var temp = new TempFolder();
        var r = CliRunner.Run("precode", "--scenario", Scenario("explicit-small.json"), "--scheme", "slp-cbf", "--gamma-db", "70", "--out", temp.Path);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("status: infeasible", r.Out);
        using var doc = JsonDocument.Parse(File.ReadAllText(temp.Sub("precode-slp-cbf.json")));
        Assert.Equal("infeasible", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("min_sinr_db").ValueKind);
    }

    [Theory]
    [InlineData("--delta", "-0.5", "--delta")]
    [InlineData("--rho", "2", "--rho")]
    [InlineData("--max-iterations", "0", "--max-iterations")]
    [InlineData("--time-limit", "0", "--time-limit")]
    [InlineData("--threads", "0", "--threads")]
    public void BadNumbers_AreOneLineErrorsNamingTheOption(string option, string value, string named)
    {
        using var temp = new TempFolder();
        var r = CliRunner.Run("precode", "--scenario", Scenario("explicit-small.json"), "--scheme", "blp-cbf", "--gamma-db", "5",
            option, value, "--out", temp.Path);

        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("isac: error: " + named, r.Err);
        Assert.Single(r.Err.TrimEnd().Split('\n'));
    }

    [Fact]
    public void UnknownScheme_IsAParseError()
    {
        var r = CliRunner.Run("precode", "--scenario", Scenario("explicit-small.json"), "--scheme", "blp-foo", "--gamma-db", "5");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("blp-foo", r.Err);
    }

    [Fact]
    public void BadScenarioField_NamesTheFileAndJsonPath()
    {
        using var temp = new TempFolder();
        string file = temp.Sub("bad.json");
        File.WriteAllText(file, "{ \"seed\": 1, \"channels\": { \"model\": \"rayleigh\", \"intra_gain\": \"high\" } }");
        var r = CliRunner.Run("precode", "--scenario", file, "--scheme", "blp-cbf", "--gamma-db", "5", "--out", temp.Path);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("$.channels.intra_gain", r.Err);
        Assert.Contains("expected a number", r.Err);
    }

    [Fact]
    public void MissingScenarioFile_IsABadInput()
    {
        using var temp = new TempFolder();
        var r = CliRunner.Run("precode", "--scenario", temp.Sub("missing.json"), "--scheme", "blp-cbf", "--gamma-db", "5");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("file not found", r.Err);
    }

    [Fact]
    public void Reduction_IsOnByDefault_StatedInTheSummaryAndTheResult_AndCanBeTurnedOff()
    {
        // J = 2, K = 1, Ntx = 8: dim S_n = 5 < 8, so the problems are written in 5 coordinates per BS.
        using var temp = new TempFolder();
        string file = temp.Sub("n8.json");
        File.WriteAllText(file, "{ \"seed\": 3, \"cells\": 2, \"users_per_cell\": 1, \"ntx\": 8, \"nrx\": 4, \"frame_length\": 4 }");
        var on = CliRunner.Run("precode", "--scenario", file, "--scheme", "blp-comp", "--gamma-db", "5", "--out", temp.Sub("on"));
        var off = CliRunner.Run("precode", "--scenario", file, "--scheme", "blp-comp", "--gamma-db", "5", "--reduction", "off", "--out", temp.Sub("off"));

        Assert.Equal(0, on.ExitCode);
        Assert.Equal(0, off.ExitCode);
        Assert.Contains("coordinates: reduced: BS 1 5 of 8, BS 2 5 of 8", on.Out);
        Assert.Contains("coordinates: off", off.Out);
        using var onDoc = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Sub("on"), "precode-blp-comp.json")));
        using var offDoc = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Sub("off"), "precode-blp-comp.json")));
        var reduction = onDoc.RootElement.GetProperty("reduction");
        Assert.True(reduction.GetProperty("applied").GetBoolean());
        Assert.Equal([5, 5], reduction.GetProperty("dimensions").EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal(8, reduction.GetProperty("antennas").GetInt32());
        Assert.False(offDoc.RootElement.GetProperty("reduction").GetProperty("requested").GetBoolean());
        // The precoders are reported on the antennas either way: (J·Ntx)×(J·K).
        Assert.Equal(16, onDoc.RootElement.GetProperty("precoders").GetProperty("matrices")[0].GetArrayLength());
        double rcrbOn = onDoc.RootElement.GetProperty("rcrb_deg")[0].GetDouble(), rcrbOff = offDoc.RootElement.GetProperty("rcrb_deg")[0].GetDouble();
        Assert.Equal(1, rcrbOn / rcrbOff, 1e-4);
    }

    [Fact]
    public void VerboseNamesTheCoordinatesFirst()
    {
        using var temp = new TempFolder();
        var r = CliRunner.Run("precode", "--scenario", Scenario("explicit-small.json"), "--scheme", "blp-comp", "--gamma-db", "5", "--verbose", "--out", temp.Path);
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("coordinates: BS 1, BS 2: dim S ≥ Ntx = 4, kept on the antennas", r.Err);
    }

    [Fact]
    public void ExportSdpa_WritesEveryConvexProblem()
    {
        using var temp = new TempFolder();
        var r = CliRunner.Run("precode", "--scenario", Scenario("explicit-small.json"), "--scheme", "blp-cbf", "--gamma-db", "5",
            "--max-iterations", "1", "--export-sdpa", temp.Sub("sdpa"), "--out", temp.Path);

        Assert.Equal(0, r.ExitCode);
        var files = Directory.GetFiles(temp.Sub("sdpa")).Select(Path.GetFileName).ToArray();
        Assert.Contains("blp-cbf-P1.A-it1-bs1.dat-s", files);
        Assert.Contains("blp-cbf-P1.B-it1-bs2.dat-s", files);
        Assert.EndsWith("= mDIM", File.ReadLines(Path.Combine(temp.Sub("sdpa"), "blp-cbf-P1.A-it1-bs1.dat-s")).First(l => !l.StartsWith('"') && !l.StartsWith('*')).Trim());
    }

    [Fact]
    public void ExportSdpaIntoAFile_IsABadInputBeforeAnySolve()
    {
        using var temp = new TempFolder();
        string file = temp.Sub("taken");
        File.WriteAllText(file, "");
        var r = CliRunner.Run("precode", "--scenario", Scenario("explicit-small.json"), "--scheme", "blp-cbf", "--gamma-db", "5", "--export-sdpa", file, "--out", temp.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("isac: error: --export-sdpa", r.Err);
    }

    [Fact]
    public void UnknownReduction_IsAParseError()
    {
        var r = CliRunner.Run("precode", "--scenario", Scenario("explicit-small.json"), "--scheme", "blp-cbf", "--gamma-db", "5", "--reduction", "maybe");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("maybe", r.Err);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Isac.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
