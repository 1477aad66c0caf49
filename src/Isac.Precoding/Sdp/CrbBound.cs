using Isac.Modeling;
using Isac.Modeling.Expressions;
using Isac.Modeling.Solutions;
using Isac.Precoding.Design;

namespace Isac.Precoding.Sdp;

/// <summary>
/// The CRB part of a design model: a scaled bound t̂_m ≥ 0 with its LMI [[F̂_m(R̃), e₁], [e₁ᵀ, t̂_m]] ⪰ 0 for every
/// sensing BS of the unit ((19a), (38a), (48a), (62a); <see cref="ScaledFisher"/>), and the bound the objective sees:
/// t̂ itself for one BS (CBF), f ≥ t̂_m for several (CoMP, the largest CRB, (38b), (62b)).
/// </summary>
/// <param name="Bounds">t̂_m, one per sensing BS of the unit (empty when ρ = 0: no CRB in the model).</param>
/// <param name="Objective">t̂ or f (null when ρ = 0).</param>
internal sealed record CrbBound(Variable[] Bounds, Expression? Objective)
{
    /// <summary>
    /// Adds the bounds when the trade-off weighs the CRB (ρ &gt; 0). <paramref name="trace"/> maps a constant
    /// coefficient C to the real expression tr(C·R̃) of the model's covariance (Σ_k tr(C·W̃_k) at block level).
    /// </summary>
    public static CrbBound Add(Model model, Tradeoff tradeoff, IReadOnlyList<ScaledFisher> fishers, Func<Expression, Expression> trace)
    {
        if (!(tradeoff.Weight > 0)) return new([], null);
        if (fishers.Count == 1)
        {
            var t = ModelVariables.NonNegative(model, "t");
            model.Add(fishers[0].Lmi(trace, t), "crb");
            return new([t], t);
        }
        var bounds = new Variable[fishers.Count];
        for (int m = 0; m < fishers.Count; m++)
        {
            bounds[m] = ModelVariables.NonNegative(model, $"t{m + 1}");
            model.Add(fishers[m].Lmi(trace, bounds[m]), $"crb{m + 1}");
        }
        var f = ModelVariables.NonNegative(model, "f");
        foreach (var t in bounds) model.Add(t <= f);
        return new(bounds, f);
    }

    /// <summary>The solution's t̂_m of every sensing BS (NaN for each when there is no bound).</summary>
    public double[] Values(ModelSolution solution, int sensingBs) => Bounds.Length > 0
        ? Bounds.Select(t => solution.RealValue(t)[0, 0]).ToArray()
        : Enumerable.Repeat(double.NaN, sensingBs).ToArray();
}
