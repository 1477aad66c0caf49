using Isac.Core;
using Isac.Experiments.Definitions;
using Isac.Experiments.Scenarios;
using Isac.Experiments.Tests.Support;

namespace Isac.Experiments.Tests.Scenarios;

public class ScenarioReaderTests
{
    private static IsacInputException Refused(string json) =>
        Assert.Throws<IsacInputException>(() => TestCatalog.Parse(json));

    [Fact]
    public void Parse_FullScenario_ReadsEveryField()
    {
        var s = TestCatalog.Parse("""
            {
              "name": "my run",
              "description": "a test",
              "experiment": "test.noise",
              "seed": 42,
              "sweep": { "draws": 3, "size": [5, 1], "mode": "z" },
              "noise": { "rows_per_point": 1 }
            }
            """);
        Assert.Equal("my run", s.Name);
        Assert.Equal("a test", s.Description);
        Assert.Equal(42UL, s.Grid.Seed);
        Assert.Equal(3, s.Grid.Draws);
        Assert.Equal(["5", "1"], s.Grid.Axes[0].Values.Select(v => v.Canonical));
        Assert.Equal(["z"], s.Grid.Axes[1].Values.Select(v => v.Canonical));
        Assert.Equal(["-3.5", "0", "2.25"], s.Grid.Axes[2].Values.Select(v => v.Canonical)); // not given: the full grid
        Assert.Equal(new NoiseSettings(-1, 1), s.Settings);
    }

    [Fact]
    public void Parse_OmittedSweep_UsesTheDeclaredGridOfTheSize()
    {
        var quick = TestCatalog.Parse("""{ "experiment": "test.noise" }""", SweepSize.Quick);
        Assert.Equal(2, quick.Grid.Draws);
        Assert.Equal(4, quick.Grid.Count);
        Assert.Equal(1UL, quick.Grid.Seed); // the experiment's default seed
    }

    [Fact]
    public void Canonical_IgnoresLayoutAndLabels_ButNotContent()
    {
        var a = TestCatalog.Parse("""{"experiment":"test.noise","seed":3,"sweep":{"mode":["x"],"size":[2]},"name":"a"}""");
        var b = TestCatalog.Parse("""
            { "name": "b", "sweep": { "size": [2], "mode": ["x"] },
              "seed": 3, "experiment": "test.noise" }
            """);
        var c = TestCatalog.Parse("""{"experiment":"test.noise","seed":4,"sweep":{"mode":["x"],"size":[2]}}""");
        Assert.Equal(a.CanonicalJson, b.CanonicalJson);
        Assert.Equal(a.Hash, b.Hash);
        Assert.NotEqual(a.Hash, c.Hash);
    }

    [Fact]
    public void Canonical_ParsesBackToItself()
    {
        var a = TestCatalog.Parse("""{"experiment":"test.noise","seed":3,"noise":{"fail_at":5}}""");
        var b = TestCatalog.Parse(a.CanonicalJson);
        Assert.Equal(a.CanonicalJson, b.CanonicalJson);
    }

    [Theory]
    [InlineData("""{ "experiment": "test.noise", "colour": 1 }""", "test.json: $.colour: unknown field (expected one of: name, description, experiment, seed, sweep, noise)")]
    [InlineData("""{ "seed": 1 }""", "test.json: $: required field 'experiment' is missing")]
    [InlineData("""{ "experiment": "test.nosuch" }""", "test.json: $.experiment: unknown experiment \"test.nosuch\" (expected one of: test.noise,")]
    [InlineData("""{ "experiment": "test.noise", "seed": -1 }""", "test.json: $.seed: expected an integer >= 0, got -1")]
    [InlineData("""{ "experiment": "test.noise", "seed": 1.5 }""", "test.json: $.seed: expected an integer, got 1.5")]
    [InlineData("""{ "experiment": "test.noise", "sweep": { "sizes": [1] } }""", "test.json: $.sweep.sizes: unknown field (expected one of: draws, size, mode, level_db)")]
    [InlineData("""{ "experiment": "test.noise", "sweep": { "draws": 0 } }""", "test.json: $.sweep.draws: expected an integer in [1, 100000000], got 0")]
    [InlineData("""{ "experiment": "test.noise", "sweep": { "size": [1, 2.5] } }""", "test.json: $.sweep.size[1]: expected an integer in [1, 100], got 2.5")]
    [InlineData("""{ "experiment": "test.noise", "sweep": { "size": [1, 200] } }""", "test.json: $.sweep.size[1]: expected an integer in [1, 100], got 200")]
    [InlineData("""{ "experiment": "test.noise", "sweep": { "size": ["1"] } }""", "test.json: $.sweep.size[0]: expected an integer in [1, 100], got \"1\"")]
    [InlineData("""{ "experiment": "test.noise", "sweep": { "size": [] } }""", "test.json: $.sweep.size: expected at least one value for 'size'")]
    [InlineData("""{ "experiment": "test.noise", "sweep": { "size": [2, 2] } }""", "test.json: $.sweep.size[1]: value 2 appears twice in 'size'")]
    [InlineData("""{ "experiment": "test.noise", "sweep": { "mode": ["x", "w"] } }""", "test.json: $.sweep.mode[1]: expected one of \"x\", \"y\", \"z\", got \"w\"")]
    [InlineData("""{ "experiment": "test.noise", "sweep": { "level_db": [true] } }""", "test.json: $.sweep.level_db[0]: expected a number, got true")]
    [InlineData("""{ "experiment": "test.noise", "noise": { "rows": 1 } }""", "test.json: $.noise.rows: unknown field (expected one of: fail_at, rows_per_point)")]
    [InlineData("""{ "experiment": "test.noise", "noise": { "rows_per_point": 11 } }""", "test.json: $.noise.rows_per_point: expected an integer in [0, 10], got 11")]
    [InlineData("""{ "experiment": "test.noise", "noise": [] }""", "test.json: $.noise: expected an object, got an array of 0")]
    [InlineData("""[1, 2]""", "test.json: $: expected a scenario object")]
    public void Parse_BadScenario_NamesTheJsonPathAndTheExpectedValue(string json, string expectedStart)
    {
        var e = Refused(json);
        Assert.StartsWith(expectedStart, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Parse_InvalidJson_NamesTheLine()
    {
        var e = Refused("{\n  \"experiment\": \"test.noise\",\n  \"seed\": ,\n}");
        Assert.StartsWith("test.json:3: invalid JSON", e.Message);
    }

    [Fact]
    public void Load_MissingFile_IsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => ScenarioReader.Load("/nonexistent/s.json", TestCatalog.Catalog, SweepSize.Full));
    }

    [Fact]
    public void ShippedScenarios_AreValid()
    {
        string dir = Path.Combine(RepoRoot(), "scenarios");
        // scenarios/ also holds other kinds of input (CRB cases, network scenarios) with their
        // own tests; sweep scenarios are the files that name an experiment.
        var files = Directory.GetFiles(dir, "*.json", SearchOption.AllDirectories)
            .Where(f => System.Text.Json.JsonDocument.Parse(File.ReadAllText(f),
                    new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })
                .RootElement.TryGetProperty("experiment", out _))
            .ToArray();
        Assert.NotEmpty(files);
        foreach (var f in files)
        {
            var s = ScenarioReader.Load(f, ExperimentRegistry.Catalog, SweepSize.Full);
            Assert.True(s.Grid.Count > 0, f);
        }
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Isac.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root (Isac.slnx) not found above the test binaries");
    }
}
