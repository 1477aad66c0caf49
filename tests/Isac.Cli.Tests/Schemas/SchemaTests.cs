using System.Text.Json;
using System.Text.RegularExpressions;
using Isac.Cli.Validation;
using Json.Schema;

namespace Isac.Cli.Tests.Schemas;

/// <summary>
/// The published schemas (docs/schemas/) are valid draft 2020-12 schemas, every built-in file that names a
/// schema validates against it with a maintained implementation (JsonSchema.Net), and the strict reader
/// accepts the same files without warnings.
/// </summary>
public class SchemaTests
{
    public static TheoryData<string> SchemaFiles() => new(RepositoryFiles.Schemas().Select(Path.GetFileName)!);

    public static TheoryData<string> FilesNamingASchema() => new(RepositoryFiles.BuiltInFiles()
        .Where(f => SchemaOf(File.ReadAllText(f)) is not null)
        .Select(f => Path.GetRelativePath(RepositoryFiles.Root, f)));

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Schema_IsAValidDraft202012SchemaWithDescriptions(string name)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryFiles.SchemaDirectory, name));
        using var doc = RepositoryFiles.Parse(text);

        var meta = MetaSchemas.Draft202012.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(meta.IsValid, Describe(meta));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", doc.RootElement.GetProperty("$schema").GetString());
        Assert.True(doc.RootElement.TryGetProperty("description", out _), $"{name} has no description");
        foreach (var p in doc.RootElement.GetProperty("properties").EnumerateObject())
        {
            bool described = p.Value.TryGetProperty("description", out _) || p.Value.TryGetProperty("$ref", out _);
            Assert.True(described, $"{name}: property '{p.Name}' has no description");
        }
        Load(Path.Combine(RepositoryFiles.SchemaDirectory, name)); // and the library can load it for evaluation
    }

    [Fact]
    public void EveryFormatOfTheValidateTable_HasItsPublishedSchema()
    {
        foreach (var f in FileFormats.All)
            Assert.True(File.Exists(Path.Combine(RepositoryFiles.SchemaDirectory, f.SchemaFile)), $"{f.Name}: docs/schemas/{f.SchemaFile} is missing");
    }

    [Theory]
    [MemberData(nameof(FilesNamingASchema))]
    public void BuiltInFile_ValidatesAgainstTheSchemaItNamesAndTheStrictReader(string relative)
    {
        string path = Path.Combine(RepositoryFiles.Root, relative);
        string text = File.ReadAllText(path);
        string schemaPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, SchemaOf(text)!));
        Assert.True(File.Exists(schemaPath), $"{relative}: \"$schema\" names {schemaPath}, which does not exist");
        Assert.Equal(Path.GetFullPath(RepositoryFiles.SchemaDirectory), Path.GetDirectoryName(schemaPath));

        var results = Evaluate(schemaPath, text);

        Assert.True(results.IsValid, $"{relative}: {Describe(results)}");
        var outcome = FileValidator.CheckFile(path);
        Assert.Null(outcome.Error);
        Assert.Null(outcome.Warning);
        Assert.Equal(Path.GetFileName(schemaPath), outcome.Format!.SchemaFile);
    }

    [Fact]
    public void DocumentedExamplesThatNameASchema_Validate()
    {
        string formats = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "formats.md"));
        var blocks = Regex.Matches(formats, "```json\\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value)
            .Where(b => SchemaOf(b) is not null).ToList();
        Assert.NotEmpty(blocks);
        foreach (string block in blocks)
        {
            string schema = Path.Combine(RepositoryFiles.SchemaDirectory, Path.GetFileName(SchemaOf(block)!));
            var results = Evaluate(schema, block);
            Assert.True(results.IsValid, $"docs/formats.md example naming {Path.GetFileName(schema)}: {Describe(results)}");
        }
    }

    [Theory]
    [InlineData("crb-case.schema.json", "scenarios/crb/example-cbf.json", "frame_length", "frameLength")]
    [InlineData("scenario.schema.json", "scenarios/demo/beampattern.json", "seed", "sed")]
    [InlineData("paper-b-scenario.schema.json", "scenarios/paper-b/quick.json", "epochs", "epoch")]
    [InlineData("paper-b-scenario.schema.json", "scenarios/paper-b/default.json", "rate_floor_bps_hz", "rate_floor")]
    [InlineData("scenario.schema.json", "scenarios/paper-b/fig8-echo-noise.json", "echo_noise_factor", "echo_noise")]
    public void Schema_RejectsAnUnknownKey(string schema, string example, string key, string misspelt)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, example));
        string bad = text.Replace($"\"{key}\"", $"\"{misspelt}\"");
        Assert.NotEqual(text, bad);
        Assert.False(Evaluate(Path.Combine(RepositoryFiles.SchemaDirectory, schema), bad).IsValid);
    }

    [Fact]
    public void ScenarioSchema_ChecksTheDemoSectionsRanges()
    {
        string text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "scenarios/demo/beampattern.json"));
        string bad = text.Replace("\"floor_db\": -40", "\"floor_db\": 5");
        Assert.NotEqual(text, bad);
        Assert.False(Evaluate(Path.Combine(RepositoryFiles.SchemaDirectory, "scenario.schema.json"), bad).IsValid);
    }

    [Theory]
    [InlineData("\"sweep\": { \"draws\": 10 },", "\"sweep\": { \"draws\": 10 },\n  \"paper_b_unused\": 1,")]
    [InlineData("\"sensing\": { \"echo_noise_factor\": 100 }", "\"sensing\": { \"echo_noise_factor\": 100 }, \"epochs\": 3")]
    [InlineData("\"sensing\": { \"echo_noise_factor\": 100 }", "\"sensing\": { \"echo_noise_factor\": -1 }")]
    public void ScenarioSchema_ChecksThePaperBSection(string from, string to)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "scenarios/paper-b/fig8-echo-noise.json"));
        string bad = text.Replace(from, to);
        Assert.NotEqual(text, bad);
        Assert.False(Evaluate(Path.Combine(RepositoryFiles.SchemaDirectory, "scenario.schema.json"), bad).IsValid);
    }

    [Theory]
    [InlineData("\"per_cell\": 12,", "\"per_cell\": 12, \"positions\": [],")]
    [InlineData("\"tx_antennas\": 16", "\"tx_antennas\": 16, \"bs_height_m\": 10")]
    [InlineData("\"epochs\": 4,", "\"epochs\": 4, \"power_w\": 1, \"power_dbm\": 30,")]
    public void PaperBScenarioSchema_RefusesWhatTheReaderRefuses(string from, string to)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "scenarios/paper-b/quick.json"));
        string bad = text.Replace(from, to);
        Assert.NotEqual(text, bad);
        Assert.False(Evaluate(Path.Combine(RepositoryFiles.SchemaDirectory, "paper-b-scenario.schema.json"), bad).IsValid);
        Assert.NotNull(FileValidator.Check(bad, "quick.json").Error);
    }

    internal static EvaluationResults Evaluate(string schemaPath, string documentText)
    {
        var schema = Load(schemaPath);
        using var doc = RepositoryFiles.Parse(documentText);
        return schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    // JsonSchema.Net registers each schema under its $id once per process: load each file once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonSchema> Loaded = new();

    // A schema may refer to another by its $id (the sweep scenario's paper_b section is the paper-B scenario's
    // "section"): every published schema is loaded, and so registered, before any is used.
    private static JsonSchema Load(string schemaPath)
    {
        lock (Loaded)
        {
            if (Loaded.IsEmpty)
            {
                foreach (string file in RepositoryFiles.Schemas().OrderBy(f => f.Contains("paper-b-scenario") ? 0 : 1))
                    Loaded.GetOrAdd(Path.GetFullPath(file), p => JsonSchema.FromText(File.ReadAllText(p)));
            }
        }
        return Loaded.GetOrAdd(Path.GetFullPath(schemaPath), p => JsonSchema.FromText(File.ReadAllText(p)));
    }

    private static string? SchemaOf(string text)
    {
        if (!text.Contains("\"$schema\"")) return null;
        using var doc = RepositoryFiles.Parse(text);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("$schema", out var s) ? s.GetString() : null;
    }

    internal static string Describe(EvaluationResults r) => string.Join("; ",
        (r.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
}
