namespace Isac.Precoding.Tests;

/// <summary>Named tolerances for the precoding tests.</summary>
internal static class Tolerances
{
    /// <summary>Two closed forms of the same quantity in double precision.</summary>
    public const double ClosedForm = 1e-9;

    /// <summary>An SDP optimum against an independent formulation of the same problem (interior-point accuracy ~1e-8, relative).</summary>
    public const double Optimum = 1e-4;

    /// <summary>A constraint the solver met, in dB (interior-point feasibility ~1e-8 relative is ~1e-7 dB; allow rounding).</summary>
    public const double ConstraintDb = 1e-4;
}
