using System.Text;
using System.Text.Json;
using Isac.Core.Json;

namespace Isac.Experiments.Figures;

/// <summary>One written figure as listed in <c>figures.json</c>.</summary>
/// <param name="Stem">The file stem.</param>
/// <param name="Title">The title.</param>
/// <param name="Caption">The caption.</param>
/// <param name="Csv">The CSV file name.</param>
/// <param name="Images">The plots as (PNG, SVG) file-name pairs.</param>
/// <param name="Rows">Rows in the CSV.</param>
public sealed record WrittenFigure(string Stem, string Title, string Caption, string Csv, IReadOnlyList<(string Png, string Svg)> Images, int Rows)
{
    /// <summary>Every file of the figure.</summary>
    public IEnumerable<string> Files => Images.SelectMany(i => new[] { i.Png, i.Svg }).Prepend(Csv);
}

/// <summary>An axis of the sweep as described in <c>figures.json</c>.</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Values">The values, as text.</param>
public sealed record AxisSummary(string Name, string Unit, IReadOnlyList<string> Values);

/// <summary>
/// <c>figures.json</c>: what the figure step of one results folder wrote, and the parameters
/// behind it; the index (<c>index.md</c>) is built from these files.
/// </summary>
public sealed record FigureList
{
    /// <summary>The experiment name.</summary>
    public required string Experiment { get; init; }

    /// <summary>The experiment's title.</summary>
    public required string Title { get; init; }

    /// <summary>The scenario's description.</summary>
    public required string Description { get; init; }

    /// <summary>The sweep seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Monte Carlo draws per combination.</summary>
    public required int Draws { get; init; }

    /// <summary>Points in the sweep.</summary>
    public required int Points { get; init; }

    /// <summary>The swept parameters.</summary>
    public required IReadOnlyList<AxisSummary> Axes { get; init; }

    /// <summary>The settings section as given (JSON text), or null for the defaults.</summary>
    public required string? Settings { get; init; }

    /// <summary>The settings section's name.</summary>
    public required string SectionName { get; init; }

    /// <summary>The program version.</summary>
    public required string Version { get; init; }

    /// <summary>The figures.</summary>
    public required IReadOnlyList<WrittenFigure> Figures { get; init; }

    /// <summary>Writes the list.</summary>
    public void Write(string path)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Scenarios.ScenarioJson.Options))
        {
            w.WriteStartObject();
            w.WriteString("experiment", Experiment);
            w.WriteString("title", Title);
            w.WriteString("description", Description);
            w.WriteNumber("seed", Seed);
            w.WriteNumber("draws", Draws);
            w.WriteNumber("points", Points);
            w.WriteStartArray("axes");
            foreach (var a in Axes)
            {
                w.WriteStartObject();
                w.WriteString("name", a.Name);
                w.WriteString("unit", a.Unit);
                w.WriteStartArray("values");
                foreach (var v in a.Values) w.WriteStringValue(v);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("section", SectionName);
            if (Settings is null) w.WriteNull("settings");
            else w.WriteString("settings", Settings);
            w.WriteString("version", Version);
            w.WriteStartArray("figures");
            foreach (var f in Figures)
            {
                w.WriteStartObject();
                w.WriteString("stem", f.Stem);
                w.WriteString("title", f.Title);
                w.WriteString("caption", f.Caption);
                w.WriteString("csv", f.Csv);
                w.WriteNumber("rows", f.Rows);
                w.WriteStartArray("images");
                foreach (var (png, svg) in f.Images)
                {
                    w.WriteStartObject();
                    w.WriteString("png", png);
                    w.WriteString("svg", svg);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        File.WriteAllText(path, Encoding.UTF8.GetString(stream.ToArray()) + "\n");
    }

    /// <summary>Reads a list written by <see cref="Write"/>.</summary>
    public static FigureList Read(string path)
    {
        var root = JsonCursor.Parse(File.ReadAllText(path), path);
        root.ExpectOnly("experiment", "title", "description", "seed", "draws", "points", "axes", "section", "settings", "version", "figures");
        return new FigureList
        {
            Experiment = root.Field("experiment").String(),
            Title = root.Field("title").String(),
            Description = root.Field("description").String(),
            Seed = root.Field("seed").Element.TryGetUInt64(out ulong s) ? s : throw root.Field("seed").Error("expected an integer >= 0"),
            Draws = root.Field("draws").Int(1),
            Points = root.Field("points").Int(0),
            Axes = root.Field("axes").Items().Select(a => new AxisSummary(a.Field("name").String(), a.Field("unit").String(),
                a.Field("values").Items().Select(v => v.String()).ToList())).ToList(),
            SectionName = root.Field("section").String(),
            Settings = root.OptionalField("settings")?.String(),
            Version = root.Field("version").String(),
            Figures = root.Field("figures").Items().Select(f => new WrittenFigure(
                f.Field("stem").String(), f.Field("title").String(), f.Field("caption").String(), f.Field("csv").String(),
                f.Field("images").Items().Select(i => (i.Field("png").String(), i.Field("svg").String())).ToList(),
                f.Field("rows").Int(0))).ToList(),
        };
    }
}
