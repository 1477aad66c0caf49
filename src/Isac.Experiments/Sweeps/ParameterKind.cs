namespace Isac.Experiments.Sweeps;

/// <summary>What values a sweep parameter takes.</summary>
public enum ParameterKind
{
    /// <summary>Whole numbers (numbers of elements, users, epochs).</summary>
    Integer,

    /// <summary>Finite real numbers (thresholds in dB, angles in degrees).</summary>
    Real,

    /// <summary>Names from a fixed list (schemes, schedulers).</summary>
    Choice,
}
