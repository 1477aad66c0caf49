using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Isac.Experiments.Definitions;
using Isac.Experiments.Sweeps;

namespace Isac.Experiments.Scenarios;

/// <summary>Writes scenarios in the canonical layout (field order fixed, two-space indent, LF).</summary>
internal static class ScenarioJson
{
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The canonical text of experiment + seed + grid + section (null when absent).</summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="grid">The grid.</param>
    /// <param name="sectionJson">The section's JSON text, or null.</param>
    /// <param name="name">The label (the copy in a results folder), or null (the hashed text).</param>
    /// <param name="description">The description, or null.</param>
    /// <param name="schema">The <c>"$schema"</c> reference to write first (the copy in a results folder), or null.</param>
    public static string Canonical(IExperiment experiment, SweepGrid grid, string? sectionJson, string? name = null, string? description = null,
        string? schema = null)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            if (schema is not null) w.WriteString(Isac.Core.Json.JsonCursor.SchemaKey, schema);
            if (name is not null) w.WriteString("name", name);
            if (description is not null) w.WriteString("description", description);
            w.WriteString("experiment", experiment.Name);
            w.WriteNumber("seed", grid.Seed);
            w.WriteStartObject("sweep");
            w.WriteNumber("draws", grid.Draws);
            foreach (var axis in grid.Axes)
            {
                // One line per axis: [4, 8, 16] reads better than one value per line.
                w.WritePropertyName(axis.Parameter.Name);
                w.WriteRawValue("[" + string.Join(", ", axis.Values.Select(Literal)) + "]");
            }
            w.WriteEndObject();
            if (sectionJson is not null)
            {
                using var section = JsonDocument.Parse(sectionJson);
                w.WritePropertyName(experiment.SectionName);
                section.RootElement.WriteTo(w);
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// The path from <paramref name="directory"/> to docs/schemas/scenario.schema.json of the checkout that holds the
    /// directory (results/ inside the repository, as the README runs it), with '/' separators; null when no folder above
    /// has one (the file is then written without <c>"$schema"</c>: a path to nowhere would only make editors complain).
    /// </summary>
    public static string? SchemaReference(string directory)
    {
        string full = Path.GetFullPath(directory);
        for (var dir = new DirectoryInfo(full); dir is not null; dir = dir.Parent)
        {
            string schema = Path.Combine(dir.FullName, "docs", "schemas", "scenario.schema.json");
            if (File.Exists(schema)) return Path.GetRelativePath(full, schema).Replace('\\', '/');
        }
        return null;
    }

    private static string Literal(SweepValue v) =>
        v.IsText ? JsonSerializer.Serialize(v.Text, new JsonSerializerOptions { Encoder = Options.Encoder }) : v.Canonical;

    /// <summary>The built-in scenario of an experiment at the given size, as canonical JSON.</summary>
    public static string BuiltIn(IExperiment experiment, SweepSize size)
    {
        var axes = experiment.Parameters
            .Select(p => new SweepAxis(p, size == SweepSize.Quick ? p.Quick : p.Full))
            .ToList();
        int draws = size == SweepSize.Quick ? experiment.QuickDraws : experiment.FullDraws;
        return Canonical(experiment, new SweepGrid(experiment.DefaultSeed, axes, draws), null);
    }
}
