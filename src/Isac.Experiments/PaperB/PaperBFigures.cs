using Isac.Experiments.Definitions;

namespace Isac.Experiments.PaperB;

/// <summary>The figures and tables of paper B (sensing-assisted scheduling and beamforming), in the order they run.</summary>
public static class PaperBFigures
{
    /// <summary>One line per figure: <c>new Fig6Experiment(),</c>.</summary>
    public static IReadOnlyList<IExperiment> All { get; } =
    [
        new Fig5Experiment(),
        new Table1Experiment(),
        new Fig6Experiment(),
        new Fig7Experiment(),
        new Fig8Experiment(),
        new Fig9Experiment(),
        new StandardNetworkExperiment(),
    ];
}
