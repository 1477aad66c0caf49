using Isac.Core;

namespace Isac.Experiments.Definitions;

/// <summary>A set of experiments looked up by name or group (the registry's, or a test's own).</summary>
public sealed class ExperimentCatalog
{
    private readonly List<IExperiment> _experiments;

    /// <summary>Creates a catalog; names must be unique.</summary>
    public ExperimentCatalog(IEnumerable<IExperiment> experiments)
    {
        _experiments = experiments.ToList();
        var duplicate = _experiments.GroupBy(e => e.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"experiment '{duplicate.Key}' is registered twice");
    }

    /// <summary>Every experiment, in registration order.</summary>
    public IReadOnlyList<IExperiment> All => _experiments;

    /// <summary>The old key names a scenario file naming any of these experiments may use: the camelCase
    /// spelling of every key and each experiment's <see cref="IExperiment.LegacyRenames"/>.</summary>
    public Isac.Core.Json.LegacyKeys NewLegacyKeys()
    {
        var keys = new Isac.Core.Json.LegacyKeys();
        foreach (var (key, old) in _experiments.SelectMany(e => e.LegacyRenames)) keys = keys.With(key, old);
        return keys;
    }

    /// <summary>The groups, in registration order.</summary>
    public IReadOnlyList<string> Groups => _experiments.Select(e => e.Group).Distinct().ToList();

    /// <summary>The experiment with this name, or null.</summary>
    public IExperiment? Find(string name) => _experiments.FirstOrDefault(e => e.Name == name);

    /// <summary>
    /// The experiments of a group (<c>all</c> for every one), optionally only the figure
    /// <paramref name="figure"/> (<c>5</c>, <c>fig5</c> or <c>table1</c>).
    /// </summary>
    /// <exception cref="IsacInputException">Nothing matches; the message lists what exists.</exception>
    public IReadOnlyList<IExperiment> Select(string group, string? figure)
    {
        var inGroup = group == "all" ? _experiments : _experiments.Where(e => e.Group == group).ToList();
        if (inGroup.Count == 0)
        {
            throw new IsacInputException(group,
                $"no figures of {group} are registered yet (registered: {string.Join(", ", _experiments.Select(e => e.Name))})");
        }
        if (figure is null) return inGroup;
        var chosen = inGroup.Where(e => e.Id == figure || e.Id == $"fig{figure}").ToList();
        return chosen.Count > 0
            ? chosen
            : throw new IsacInputException("--figure",
                $"{group} has no figure \"{figure}\" (available: {string.Join(", ", inGroup.Select(e => e.Id))})");
    }
}
