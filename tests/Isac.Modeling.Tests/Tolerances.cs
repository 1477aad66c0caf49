namespace Isac.Modeling.Tests;

/// <summary>Named tolerances for the modelling tests (the solver stops at a relative gap of 1e-8).</summary>
internal static class Tolerances
{
    /// <summary>Exact algebra (lowering against direct evaluation): rounding only.</summary>
    public const double Algebra = 1e-12;

    /// <summary>An optimum against a closed form or an independent computation.</summary>
    public const double Optimum = 1e-6;

    /// <summary>Primal values and duals (less accurate than the objective at an interior-point solution).</summary>
    public const double Values = 1e-4;

    /// <summary>Complementary slackness ⟨Λ, G⟩ and stationarity residuals, relative.</summary>
    public const double Kkt = 1e-5;
}
