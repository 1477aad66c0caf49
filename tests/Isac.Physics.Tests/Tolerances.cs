namespace Isac.Physics.Tests;

/// <summary>Named tolerances for the physics tests.</summary>
internal static class Tolerances
{
    /// <summary>Two closed forms of the same quantity, evaluated in double precision.</summary>
    public const double ClosedForm = 1e-10;

    /// <summary>A closed form against a central finite difference (step ~1e-5: O(h²) truncation plus round-off).</summary>
    public const double FiniteDifference = 1e-6;

    /// <summary>An iterative solver (bisection, secular equation) against a closed form.</summary>
    public const double Iterative = 1e-8;
}
