using Isac.Core.Json;
using Isac.Experiments.Figures;
using Isac.Experiments.Results;
using Isac.Experiments.Sweeps;

namespace Isac.Experiments.Definitions;

/// <summary>
/// An experiment as the runner sees it. Do not implement this directly: derive from
/// <see cref="Experiment{TSettings}"/>, which types the settings.
/// </summary>
public interface IExperiment
{
    /// <summary>The group it belongs to: <c>paper-a</c>, <c>paper-b</c> or <c>demo</c>.</summary>
    string Group { get; }

    /// <summary>The figure's id within its group, e.g. <c>fig5</c> or <c>table1</c>.</summary>
    string Id { get; }

    /// <summary><c>group.id</c>: the value of <c>"experiment"</c> in a scenario file.</summary>
    string Name { get; }

    /// <summary>A title for listings and the index.</summary>
    string Title { get; }

    /// <summary>What the experiment computes, in a sentence or two.</summary>
    string Description { get; }

    /// <summary>The name of the scenario-file section this experiment reads its settings from.</summary>
    string SectionName { get; }

    /// <summary>Renames of its section's keys beyond a change of case (new name → old names), still read with a warning
    /// (<see cref="LegacyKeys"/>; the camelCase spellings need no entry).</summary>
    IReadOnlyDictionary<string, string[]> LegacyRenames => Experiment<object>.NoRenames;

    /// <summary>The parameters it sweeps, slowest-varying first, with their quick and full values.</summary>
    IReadOnlyList<SweepParameter> Parameters { get; }

    /// <summary>Monte Carlo draws per parameter combination in the quick run.</summary>
    int QuickDraws { get; }

    /// <summary>Monte Carlo draws per parameter combination in the full run.</summary>
    int FullDraws { get; }

    /// <summary>The sweep seed when the scenario does not give one.</summary>
    ulong DefaultSeed { get; }

    /// <summary>Parses the settings section (null when the scenario has none) strictly.</summary>
    object ParseSettings(JsonCursor? section);

    /// <summary>Checks the settings against the grid; throws an input error naming the JSON path.</summary>
    void Validate(object settings, SweepGrid grid, JsonCursor scenario);

    /// <summary>Evaluates one point (called in parallel from several threads).</summary>
    IReadOnlyList<ResultRow> Evaluate(SweepPoint point, object settings, CancellationToken cancellation);

    /// <summary>Builds the figures from every stored row of a complete sweep.</summary>
    IReadOnlyList<Figure> BuildFigures(object settings, SweepGrid grid, IReadOnlyList<ResultRow> rows);
}
