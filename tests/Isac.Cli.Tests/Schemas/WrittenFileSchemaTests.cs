using System.Text.Json;
using System.Text.RegularExpressions;
using Isac.Cli.Validation;
using Isac.Core.Json;
using Isac.Experiments.Results;
using Isac.Precoding.Io;

namespace Isac.Cli.Tests.Schemas;

/// <summary>
/// The files isac writes (the design result of <c>isac precode</c>, a results folder's manifest and scenario copy)
/// validate against their published schemas and their strict readers; files with the old camelCase names still read,
/// to the same values, with one warning line; the two copies of the paper-A network's keys (the network file's schema
/// and the paper_a section of the scenario schema) are the same.
/// </summary>
public class WrittenFileSchemaTests
{
    private static string Schema(string name) => Path.Combine(RepositoryFiles.SchemaDirectory, name);

    private static string Network(string name) => Path.Combine(RepositoryFiles.Root, "scenarios", "paper-a", "networks", name);

    /// <summary>Every snake_case key written as its old camelCase spelling.</summary>
    private static string WithCamelCaseKeys(string json) =>
        Regex.Replace(json, "\"([a-z0-9]+(?:_[a-z0-9]+)+)\":", m => $"\"{LegacyKeys.CamelCase(m.Groups[1].Value)}\":");

    [Fact]
    public void DesignResult_ValidatesAgainstItsSchemaAndOldNamesReadTheSame()
    {
        using var temp = new TempFolder();
        var r = CliRunner.Run("precode", "--scenario", Network("explicit-small.json"), "--scheme", "slp-cbf", "--gamma-db", "5",
            "--refine-steps", "1", "--out", temp.Path);
        Assert.Equal(0, r.ExitCode);
        string file = temp.Sub("precode-slp-cbf.json");
        string text = File.ReadAllText(file);

        var schema = SchemaTests.Evaluate(Schema(DesignResultReader.SchemaFile), text);
        Assert.True(schema.IsValid, SchemaTests.Describe(schema));
        var outcome = FileValidator.CheckFile(file);
        Assert.Null(outcome.Error);
        Assert.Null(outcome.Warning);
        Assert.Equal("design-result", outcome.Format!.Name);

        string old = WithCamelCaseKeys(text);
        Assert.Contains("\"worstCaseMinSinrDb\"", old);
        var oldRoot = JsonCursor.Parse(old, "old.json");
        var a = DesignResultReader.Read(JsonCursor.Parse(text, "new.json"));
        var b = DesignResultReader.Read(oldRoot);
        Assert.Equal((a.Status, a.Scheme, a.GammaDb, a.MinSinrDb, a.WorstCaseMinSinrDb), (b.Status, b.Scheme, b.GammaDb, b.MinSinrDb, b.WorstCaseMinSinrDb));
        Assert.Equal(a.RcrbDeg, b.RcrbDeg);
        Assert.Contains("'worstCaseMinSinrDb' → 'worst_case_min_sinr_db'", oldRoot.LegacyWarning);
        Assert.DoesNotContain('\n', oldRoot.LegacyWarning!);
    }

    [Fact]
    public void Precode_OldNetworkNames_GiveTheSameResultAndOneWarningLine()
    {
        using var temp = new TempFolder();
        string text = File.ReadAllText(Network("explicit-small.json"));
        string old = WithCamelCaseKeys(text);
        Assert.Contains("\"usersPerCell\"", old);
        File.WriteAllText(temp.Sub("old.json"), old);

        var fresh = CliRunner.Run("precode", "--scenario", Network("explicit-small.json"), "--scheme", "blp-cbf", "--gamma-db", "5", "--out", temp.Sub("new"));
        var legacy = CliRunner.Run("precode", "--scenario", temp.Sub("old.json"), "--scheme", "blp-cbf", "--gamma-db", "5", "--out", temp.Sub("old"));

        Assert.Equal(0, fresh.ExitCode);
        Assert.Equal(0, legacy.ExitCode);
        Assert.Equal("", fresh.Err);
        string line = Assert.Single(legacy.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"isac: {temp.Sub("old.json")}: warning: old key names read, rename them: 'usersPerCell' → 'users_per_cell'", line);
        static string WithoutTimes(string json) => Regex.Replace(json, "\"seconds\": [0-9.eE+-]+", "\"seconds\": 0");
        Assert.Equal(WithoutTimes(File.ReadAllText(temp.Sub("new", "precode-blp-cbf.json"))), WithoutTimes(File.ReadAllText(temp.Sub("old", "precode-blp-cbf.json"))));
    }

    [Fact]
    public void Manifest_ValidatesAgainstItsSchemaAndAnOldOneResumesWithOneWarning()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Sub("s.json"), """{ "experiment": "demo.phase-errors", "seed": 5, "sweep": { "draws": 2, "elements": [4], "phase_error_std_deg": [0, 30] } }""");
        var r = CliRunner.Run("run", "--scenario", temp.Sub("s.json"), "--out", temp.Sub("out"));
        Assert.Equal(0, r.ExitCode);
        string path = temp.Sub("out", Manifest.FileName);
        string text = File.ReadAllText(path);

        var schema = SchemaTests.Evaluate(Schema(Manifest.SchemaFile), text);
        Assert.True(schema.IsValid, SchemaTests.Describe(schema));
        var outcome = FileValidator.CheckFile(path);
        Assert.Null(outcome.Error);
        Assert.Equal("manifest", outcome.Format!.Name);
        var scenarioCopy = FileValidator.CheckFile(temp.Sub("out", "scenario.json"));
        Assert.Null(scenarioCopy.Error);

        // A folder written before the rename (camelCase manifest keys, the scenario inside untouched) still resumes.
        var fresh = Manifest.Read(path);
        string scenarioJson = JsonDocument.Parse(text).RootElement.GetProperty("scenario").GetRawText();
        string old = WithCamelCaseKeys(text.Replace(scenarioJson, "\"SCENARIO\"")).Replace("\"SCENARIO\"", scenarioJson);
        Assert.Contains("\"pointsDone\"", old);
        File.WriteAllText(path, old);
        var read = Manifest.Read(path);
        Assert.Equal((fresh.ScenarioHash, fresh.PointsDone, fresh.ShardPoints, fresh.Runs.Count), (read.ScenarioHash, read.PointsDone, read.ShardPoints, read.Runs.Count));
        Assert.Contains("'scenarioSha256' → 'scenario_sha256'", read.LegacyWarning);
        var resumed = CliRunner.Run("run", "--scenario", temp.Sub("s.json"), "--out", temp.Sub("out"), "--resume");
        Assert.Equal(0, resumed.ExitCode);
        Assert.Single(Regex.Matches(resumed.Out + resumed.Err, "warning: old key names read"));
        Assert.Contains("\"points_done\"", File.ReadAllText(path));
    }

    [Fact]
    public void ScenarioSchemaPaperANetwork_IsTheNetworkFilesSchemaWithoutSeedAndDescription()
    {
        using var network = RepositoryFiles.Parse(File.ReadAllText(Schema(PaperANetworkReader.SchemaFile)));
        using var scenario = RepositoryFiles.Parse(File.ReadAllText(Schema("scenario.schema.json")));
        var fileKeys = network.RootElement.GetProperty("properties").EnumerateObject()
            .Where(p => p.Name is not ("$schema" or "seed" or "description")).ToList();
        var sectionKeys = scenario.RootElement.GetProperty("$defs").GetProperty("paper_a").GetProperty("properties").GetProperty("network")
            .GetProperty("properties").EnumerateObject().ToList();

        Assert.Equal(PaperANetworkReader.NetworkFields, fileKeys.Select(p => p.Name));
        Assert.Equal(fileKeys.Select(p => p.Name + p.Value.GetRawText().Replace(" ", "").Replace("\n", "")),
            sectionKeys.Select(p => p.Name + p.Value.GetRawText().Replace(" ", "").Replace("\n", "")));
    }
}
