using System.Text.Json;
using Isac.Core;
using Isac.Core.Json;
using Isac.Experiments.Definitions;
using Isac.Experiments.Sweeps;

namespace Isac.Experiments.Scenarios;

/// <summary>
/// Reads and validates scenario files (schema in docs/formats.md, "Scenario files"). Every error
/// is an <see cref="IsacInputException"/> naming the file, the JSON path and what was expected;
/// unknown fields are errors.
/// </summary>
public static class ScenarioReader
{
    /// <summary>Reads a scenario file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="catalog">The experiments that may be named in it.</param>
    /// <param name="size">The declared grid used for whatever the file's <c>sweep</c> leaves out.</param>
    public static Scenario Load(string path, ExperimentCatalog catalog, SweepSize size)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"scenario file not found: {path}", path);
        return Parse(File.ReadAllText(path), Path.GetFileName(path), catalog, size);
    }

    /// <summary>The scenario an experiment runs under <c>isac reproduce</c>: its declared grid and default settings.</summary>
    public static Scenario BuiltIn(IExperiment experiment, SweepSize size)
    {
        var catalog = new ExperimentCatalog([experiment]);
        return Parse(ScenarioJson.BuiltIn(experiment, size), $"{experiment.Name} (built-in)", catalog, size);
    }

    /// <summary>Parses scenario text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">The name used in error messages.</param>
    /// <param name="catalog">The experiments that may be named.</param>
    /// <param name="size">The declared grid used for whatever <c>sweep</c> leaves out.</param>
    public static Scenario Parse(string json, string source, ExperimentCatalog catalog, SweepSize size) =>
        Read(JsonCursor.Parse(json, source, catalog.NewLegacyKeys()), catalog, size);

    /// <summary>Reads a parsed scenario document (its root object). Old key names are read and named in
    /// <see cref="Scenario.LegacyWarning"/>.</summary>
    /// <param name="root">The document's root.</param>
    /// <param name="catalog">The experiments that may be named.</param>
    /// <param name="size">The declared grid used for whatever <c>sweep</c> leaves out.</param>
    public static Scenario Read(JsonCursor root, ExperimentCatalog catalog, SweepSize size)
    {
        string source = root.Source;
        if (root.Kind != JsonValueKind.Object) throw root.Error("expected a scenario object { \"experiment\": …, … }");
        var experimentField = root.Field("experiment");
        string name = experimentField.String();
        var experiment = catalog.Find(name)
            ?? throw experimentField.Error($"unknown experiment \"{name}\" (expected one of: {string.Join(", ", catalog.All.Select(e => e.Name))})");

        root.ExpectOnly("name", "description", "experiment", "seed", "sweep", experiment.SectionName);
        string label = root.OptionalField("name")?.String() ?? experiment.Name;
        string description = root.OptionalField("description")?.String() ?? experiment.Description;
        ulong seed = root.OptionalField("seed") is JsonCursor s ? ReadSeed(s) : experiment.DefaultSeed;
        var grid = ReadGrid(root.OptionalField("sweep"), experiment, seed, size);

        var sectionCursor = root.OptionalField(experiment.SectionName);
        object settings = experiment.ParseSettings(sectionCursor);
        experiment.Validate(settings, grid, root);

        string? sectionJson = sectionCursor?.Element.GetRawText();
        string canonical = ScenarioJson.Canonical(experiment, grid, sectionJson);
        return new Scenario(experiment, label, description, settings, grid, sectionJson, canonical, source)
        {
            LegacyWarning = root.LegacyWarning,
        };
    }

    private static ulong ReadSeed(JsonCursor c)
    {
        long v = c.Long();
        return v >= 0 ? (ulong)v : throw c.Error($"expected an integer >= 0, got {v}");
    }

    private static SweepGrid ReadGrid(JsonCursor? sweep, IExperiment experiment, ulong seed, SweepSize size)
    {
        int draws = size == SweepSize.Quick ? experiment.QuickDraws : experiment.FullDraws;
        var axes = new List<SweepAxis>();
        if (sweep is JsonCursor sw)
        {
            sw.ExpectOnly(experiment.Parameters.Select(p => p.Name).Prepend("draws").ToArray());
            if (sw.OptionalField("draws") is JsonCursor d) draws = d.Int(1, 100_000_000);
        }
        foreach (var p in experiment.Parameters)
        {
            var given = sweep?.OptionalField(p.Name);
            var values = given is JsonCursor g ? ReadValues(g, p) : (size == SweepSize.Quick ? p.Quick : p.Full);
            axes.Add(new SweepAxis(p, values));
        }
        try
        {
            return new SweepGrid(seed, axes, draws);
        }
        catch (ArgumentException e)
        {
            throw new IsacInputException(sweep is JsonCursor c ? $"{c.Source}: {c.Path}" : null, e.Message);
        }
    }

    private static IReadOnlyList<SweepValue> ReadValues(JsonCursor c, SweepParameter p)
    {
        var items = c.Kind == JsonValueKind.Array ? c.Items() : [c];
        if (items.Count == 0) throw c.Error($"expected at least one value for '{p.Name}'");
        var values = new List<SweepValue>();
        foreach (var item in items)
        {
            var v = item.Kind switch
            {
                JsonValueKind.String => SweepValue.Of(item.String()),
                JsonValueKind.Number => SweepValue.Of(item.Element.GetDouble()),
                _ => throw item.Error(p.Kind == ParameterKind.Choice
                    ? $"expected one of {string.Join(", ", p.Choices.Select(x => $"\"{x}\""))}, got {item.Element.GetRawText()}"
                    : $"expected a number, got {item.Element.GetRawText()}"),
            };
            if (p.Reject(v) is string why) throw item.Error(why);
            if (values.Contains(v)) throw item.Error($"value {v.Canonical} appears twice in '{p.Name}'");
            values.Add(v);
        }
        return values;
    }
}
