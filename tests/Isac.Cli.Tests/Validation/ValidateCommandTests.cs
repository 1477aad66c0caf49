using Isac.Cli.Tests.Schemas;

namespace Isac.Cli.Tests.Validation;

public class ValidateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("isac-validate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Shipped(string relative) => Path.Combine(RepositoryFiles.Root, relative);

    [Fact]
    public void ShippedFiles_AreValidWithExitZeroAndOneLineEach()
    {
        string[] files = [Shipped("scenarios/crb/example-cbf.json"), Shipped("scenarios/demo/beampattern.json")];
        var r = CliRunner.Run(["validate", .. files]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Err);
        var lines = r.Out.TrimEnd().Split('\n');
        Assert.Equal($"{files[0]}: valid (crb-case)", lines[0]);
        Assert.Equal($"{files[1]}: valid (scenario)", lines[1]);
    }

    [Fact]
    public void OneBadFileAmongGoodOnes_ExitsTwoWithOneErrorLineNamingThePath()
    {
        string bad = Path.Combine(_dir, "bad.json");
        File.WriteAllText(bad, File.ReadAllText(Shipped("scenarios/crb/example-cbf.json")).Replace("\"ntx\": 4", "\"ntx\": 0"));
        var r = CliRunner.Run("validate", Shipped("scenarios/crb/example-comp.json"), bad);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("example-comp.json: valid (crb-case)", r.Out);
        var error = Assert.Single(r.Err.TrimEnd().Split('\n'));
        Assert.StartsWith($"isac: error: {bad}: $.ntx: expected an integer in [1, 4096], got 0", error);
    }

    [Fact]
    public void FileWithoutSchema_IsRecognisedByItsContent()
    {
        string file = Path.Combine(_dir, "scenario.json");
        File.WriteAllText(file, """{ "experiment": "demo.beampattern", "sweep": { "elements": [4] } }""");
        var r = CliRunner.Run("validate", file);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("valid (scenario)", r.Out);
    }

    [Fact]
    public void SchemaDecidesTheFormatOverTheContent()
    {
        // A scenario's content under the CRB case's schema is checked as a CRB case.
        string file = Path.Combine(_dir, "mislabelled.json");
        File.WriteAllText(file, """{ "$schema": "https://example.org/x/crb-case.schema.json", "experiment": "demo.beampattern" }""");
        var r = CliRunner.Run("validate", file);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("$.experiment: unknown field", r.Err);
    }

    [Theory]
    [InlineData("""{ "$schema": "nothing.schema.json" }""", "$.$schema: unknown schema \"nothing.schema.json\"")]
    [InlineData("""{ "hello": 1 }""", "$: cannot tell the file's format")]
    [InlineData("""[1, 2]""", "$: expected a JSON object")]
    [InlineData("{ \"mode\": ,}", "bad.json:1: invalid JSON")]
    public void UnrecognisableFile_IsOneErrorLine(string content, string expected)
    {
        string file = Path.Combine(_dir, "bad.json");
        File.WriteAllText(file, content);
        var r = CliRunner.Run("validate", file);
        Assert.Equal(2, r.ExitCode);
        var error = Assert.Single(r.Err.TrimEnd().Split('\n'));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void OldKeyNames_AreValidWithOneWarningLine()
    {
        string file = Path.Combine(_dir, "old.json");
        File.WriteAllText(file, File.ReadAllText(Shipped("scenarios/crb/example-cbf.json")).Replace("\"frame_length\"", "\"frameLength\""));
        var r = CliRunner.Run("validate", file);
        Assert.Equal(0, r.ExitCode);
        var warning = Assert.Single(r.Err.TrimEnd().Split('\n'));
        Assert.Equal($"isac: {file}: warning: old key names read, rename them: 'frameLength' → 'frame_length'", warning);
    }

    [Fact]
    public void MissingFile_IsAnErrorLineAndExitTwo()
    {
        var r = CliRunner.Run("validate", Path.Combine(_dir, "nope.json"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("nope.json: file not found", r.Err);
    }

    [Fact]
    public void NoFile_IsAUsageError()
    {
        var r = CliRunner.Run("validate");
        Assert.Equal(2, r.ExitCode);
    }

    [Theory]
    [InlineData("scenarios/paper-b/default.json", "paper-b-scenario")]
    [InlineData("scenarios/paper-b/fig6-pf-lag2.json", "scenario")]
    public void PaperBFilesInTheOldSpelling_AreValidWithOneWarningLine(string shipped, string format)
    {
        string file = Path.Combine(_dir, "old.json");
        File.WriteAllText(file, File.ReadAllText(Shipped(shipped))
            .Replace("\"$schema\": \"../../docs/schemas/paper-b-scenario.schema.json\",", "")
            .Replace("\"$schema\": \"../../docs/schemas/scenario.schema.json\",", "")
            .Replace("\"rate_floor_bps_hz\"", "\"rate_floor\"").Replace("\"pf_weight_lag_epochs\"", "\"pfWeightLagEpochs\""));
        var r = CliRunner.Run("validate", file);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"valid ({format})", r.Out);
        var warning = Assert.Single(r.Err.TrimEnd().Split('\n'));
        Assert.Contains("'pfWeightLagEpochs' → 'pf_weight_lag_epochs'", warning);
    }

    [Fact]
    public void PaperBScenarioWithoutSchema_IsRecognisedByItsContent_AndErrorsNameTheJsonPath()
    {
        string file = Path.Combine(_dir, "net.json");
        File.WriteAllText(file, """{ "users": { "per_cell": 0 } }""");
        var r = CliRunner.Run("validate", file);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("$.users.per_cell: expected an integer in [1, 100000], got 0", r.Err);
    }
}
