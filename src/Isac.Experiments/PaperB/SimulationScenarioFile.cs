using Isac.Core;
using Isac.Core.Json;
using Isac.Network.Simulation;

namespace Isac.Experiments.PaperB;

/// <summary>
/// The scenario files <c>isac simulate</c> reads: a paper-B scenario object (scenarios/paper-b/,
/// read by <see cref="PaperBScenarioReader"/>), or a paper-B figure's scenario file (the experiments'
/// envelope <c>"experiment": "paper-b.…"</c> with <c>sweep</c> and a <c>paper_b</c> section, as
/// <c>isac reproduce paper-b</c> writes it to <c>scenario.json</c>).
/// </summary>
public static class SimulationScenarioFile
{
    /// <summary>
    /// Parses and validates a scenario file. For a figure's file the <c>paper_b</c> section is the
    /// network (absent: the paper's), simulated at the sizes its sweep fixes to one value (users per
    /// cell, scheduled users per cell, epochs); the figure file's seed and draws are not used
    /// (<c>--seed</c> sets the network).
    /// </summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">The file name, for messages.</param>
    /// <param name="availableBytes">Memory the run may use (null: what the GC reports as available).</param>
    /// <exception cref="IsacInputException">Anything invalid, with the JSON path.</exception>
    public static PaperBScenario Parse(string json, string source, long? availableBytes = null) => Parse(json, source, out _, availableBytes);

    /// <summary>Parses a scenario file and returns the one warning line naming the old key names it used (null: none).</summary>
    /// <inheritdoc cref="Parse(string, string, long?)"/>
    public static PaperBScenario Parse(string json, string source, out string? legacyWarning, long? availableBytes = null)
    {
        var root = JsonCursor.Parse(json, source, PaperBScenarioReader.NewLegacyKeys());
        var scenario = Read(root, availableBytes);
        legacyWarning = root.LegacyWarning;
        return scenario;
    }

    private static PaperBScenario Read(JsonCursor root, long? availableBytes)
    {
        string source = root.Source;
        if (root.Kind != System.Text.Json.JsonValueKind.Object) throw root.Error("expected a scenario object { \"network\": …, \"users\": …, … }");
        if (root.OptionalField("experiment") is not { } experiment) return PaperBScenarioReader.Read(root, PaperBScenario.PaperB() with { Name = Path.GetFileNameWithoutExtension(source) }, availableBytes);
        string name = experiment.String();
        if (!name.StartsWith("paper-b.", StringComparison.Ordinal))
            throw experiment.Error($"\"{name}\" is not a paper-B figure; isac simulate reads paper-B scenarios (scenarios/paper-b/) or paper-b.* figure files");
        string label = root.OptionalField("name")?.String() ?? Path.GetFileNameWithoutExtension(source);
        var scenario = root.OptionalField(PaperBScenarioReader.SectionName) is { } section
            ? PaperBScenarioReader.Read(section, PaperBScenario.PaperB() with { Name = label }, availableBytes)
            : PaperBScenario.PaperB() with { Name = label };
        return WithFigureSizes(scenario, root.OptionalField("sweep"));
    }

    /// <summary>
    /// The network sizes a figure's sweep fixes with a single value (<c>cell_users</c>,
    /// <c>scheduled_per_cell</c>, <c>epochs</c>): a figure file simulates the network of its figure.
    /// Swept (several values) or absent sizes keep the section's.
    /// </summary>
    private static PaperBScenario WithFigureSizes(PaperBScenario scenario, JsonCursor? sweep)
    {
        int? Single(string name, int max) => sweep?.OptionalField(name) is { } c
            ? (c.Kind == System.Text.Json.JsonValueKind.Array ? (c.Items() is { Count: 1 } one ? one[0].Int(1, max) : null) : c.Int(1, max))
            : null;
        return scenario with
        {
            UsersPerCell = Single("cell_users", 100_000) ?? scenario.UsersPerCell,
            MaxScheduledPerCell = Single("scheduled_per_cell", 100_000) ?? scenario.MaxScheduledPerCell,
            Epochs = Single("epochs", 1_000_000) ?? scenario.Epochs,
        };
    }
}
