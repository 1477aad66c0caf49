using Isac.Experiments.Definitions;

namespace Isac.Experiments.PaperB;

/// <summary>The figures and tables of paper B (sensing-assisted scheduling and beamforming), in the order they run.</summary>
public static class PaperBFigures
{
    /// <summary>One line per figure: <c>new Fig6Experiment(),</c>.</summary>
    public static IReadOnlyList<IExperiment> All { get; } =
    [
    ];
}
