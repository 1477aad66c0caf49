using Isac.Modeling;
using Isac.Modeling.Expressions;

namespace Isac.Precoding.Design;

/// <summary>
/// The objective of (P1)-(P4): maximise ρ·(−CRB)/NF_R + (1−ρ)·γ/NF_C, with the normalisation
/// factors from the ρ = 1 and ρ = 0 designs.
/// </summary>
/// <param name="Weight">ρ ∈ [0, 1].</param>
/// <param name="BoundNormalizer">NF_R per unit (BS in CBF, network in CoMP): the CRB(θ) in rad² of the ρ = 1 design (1 when ρ ∈ {0, 1}).</param>
/// <param name="GammaNormalizer">NF_C per unit: the linear γ of the ρ = 0 design (1 when ρ ∈ {0, 1}).</param>
internal sealed record Tradeoff(double Weight, double[] BoundNormalizer, double[] GammaNormalizer)
{
    /// <summary>ρ = 1: minimise the CRB with γ fixed at the threshold.</summary>
    public bool SensingOnly => Weight == 1;

    /// <summary>γ is a variable (ρ &lt; 1), else fixed at the threshold.</summary>
    public bool GammaIsVariable => Weight < 1;

    /// <summary>
    /// Sets the objective of unit <paramref name="unit"/>'s (P·.A): minimise the bound when ρ = 1, maximise g when
    /// ρ = 0 (no bound in the model), else maximise −ρ·CRB/NF_R + (1−ρ)·γ-term/NF_C with CRB = d₀²·bound and the
    /// γ-term = <paramref name="gammaUnit"/>·g (γ_th for block level, √γ_th for symbol level).
    /// </summary>
    public void SetObjective(Model model, Expression? bound, Expression g, double angleScale, double gammaUnit, int unit)
    {
        if (SensingOnly) model.Minimize(bound!);
        else if (bound is null) model.Maximize(g);
        else model.Maximize(-(Weight * angleScale * angleScale / BoundNormalizer[unit]) * bound + ((1 - Weight) * gammaUnit / GammaNormalizer[unit]) * g);
    }

    /// <summary>
    /// g = γ/γ_th in a model: the variable 1 + (g − 1) with g − 1 ≥ 0 when γ is variable, else the constant
    /// <paramref name="fixedValue"/> (1, or the accepted g* of a refinement step).
    /// </summary>
    public Expression GammaTerm(Model model, double fixedValue = 1) =>
        GammaIsVariable ? Expr.Constant(1.0) + Sdp.ModelVariables.NonNegative(model, "g_minus_1") : Expr.Constant(fixedValue);

    /// <summary>The pure objective ρ = <paramref name="weight"/> without normalisation (ρ = 0 or 1).</summary>
    public static Tradeoff Pure(double weight, int units) => new(weight, Enumerable.Repeat(1.0, units).ToArray(), Enumerable.Repeat(1.0, units).ToArray());
}
