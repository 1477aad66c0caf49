using System.Security.Cryptography;
using System.Text;
using Isac.Experiments.Definitions;
using Isac.Experiments.Sweeps;

namespace Isac.Experiments.Scenarios;

/// <summary>
/// A validated scenario: the experiment, its settings and the sweep grid, plus the canonical JSON
/// that identifies it (what a resume is compared against).
/// </summary>
public sealed class Scenario
{
    internal Scenario(IExperiment experiment, string name, string description, object settings, SweepGrid grid,
        string? sectionJson, string canonicalJson, string source)
    {
        Experiment = experiment;
        Name = name;
        Description = description;
        Settings = settings;
        Grid = grid;
        SectionJson = sectionJson;
        CanonicalJson = canonicalJson;
        Source = source;
        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));
    }

    /// <summary>The experiment that evaluates the points.</summary>
    public IExperiment Experiment { get; }

    /// <summary>A label for the run (the file's <c>name</c>, or the experiment name).</summary>
    public string Name { get; }

    /// <summary>Free text from the file's <c>description</c>, or the experiment's description.</summary>
    public string Description { get; }

    /// <summary>The experiment's parsed settings.</summary>
    public object Settings { get; }

    /// <summary>The sweep: seed, axes, draws.</summary>
    public SweepGrid Grid { get; }

    /// <summary>The experiment's settings section as given (JSON text), or null when the scenario has none (defaults).</summary>
    public string? SectionJson { get; }

    /// <summary>
    /// The computational content (experiment, seed, sweep, section) as indented JSON with a fixed
    /// layout: two scenarios with equal canonical JSON compute the same results.
    /// </summary>
    public string CanonicalJson { get; }

    /// <summary>SHA-256 of <see cref="CanonicalJson"/> (hex).</summary>
    public string Hash { get; }

    /// <summary>The same scenario under another label (the label does not change what is computed).</summary>
    internal Scenario Relabel(string name, string description) =>
        new(Experiment, name, description, Settings, Grid, SectionJson, CanonicalJson, Source);

    /// <summary>The one warning line naming the old key names the file used (see <c>Isac.Core.Json.LegacyKeys</c>), or null.</summary>
    public string? LegacyWarning { get; init; }

    /// <summary>Where the scenario came from (a file name, or <c>built-in</c>).</summary>
    public string Source { get; }
}
