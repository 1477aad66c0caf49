namespace Isac.Experiments.Definitions;

/// <summary>Which of an experiment's declared grids a run takes where the scenario does not say.</summary>
public enum SweepSize
{
    /// <summary>The reduced grid of <c>--quick</c>: minutes on two cores.</summary>
    Quick,

    /// <summary>The paper's sizes.</summary>
    Full,
}
