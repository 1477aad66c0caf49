using Isac.Experiments.Definitions;

namespace Isac.Experiments.PaperA;

/// <summary>The figures of paper A (robust multi-cell ISAC precoding), in the order they run.</summary>
public static class PaperAFigures
{
    /// <summary>One line per figure: <c>new Fig5Experiment(),</c>.</summary>
    public static IReadOnlyList<IExperiment> All { get; } =
    [
        new Fig3Experiment(),
        new Fig4Experiment(),
        RcrbVersusGammaExperiment.Fig5(),
        RcrbVersusGammaExperiment.Fig6(),
        new Fig7Experiment(),
        new Fig8Experiment(),
        new Fig9Experiment(),
    ];
}
