using Isac.Experiments.Definitions;

namespace Isac.Experiments.Demo;

/// <summary>Demonstrations computed from the physics core: they exercise the whole runner path.</summary>
public static class DemoFigures
{
    /// <summary>The demonstration experiments.</summary>
    public static IReadOnlyList<IExperiment> All { get; } =
    [
        new BeampatternExperiment(),
        new PhaseErrorExperiment(),
    ];
}
