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
    public static string Canonical(IExperiment experiment, SweepGrid grid, string? sectionJson, string? name = null, string? description = null)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
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
