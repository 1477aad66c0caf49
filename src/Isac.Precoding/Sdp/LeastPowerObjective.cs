using Isac.Modeling;
using Isac.Modeling.Expressions;
using Isac.Precoding.Design;

namespace Isac.Precoding.Sdp;

/// <summary>The rank-reduction re-solve of a (P·.A) model (docs/derivations.md §6.7).</summary>
internal static class LeastPowerObjective
{
    /// <summary>
    /// Holds the design's objective near its accepted value, bound ≤ bound*·(1 + tol) and, when γ is a variable,
    /// g ≥ g*·(1 − tol), and minimises the total power Σ_k tr W_k instead.
    /// </summary>
    public static void Apply(Model model, IReadOnlyList<Variable> streams, Expression? bound, double acceptedBound,
        Expression g, double acceptedG, Tradeoff tradeoff, double tolerance)
    {
        if (bound is not null) model.Add(bound <= acceptedBound * (1 + tolerance));
        if (tradeoff.GammaIsVariable) model.Add(g >= acceptedG * (1 - tolerance));
        model.Minimize(Expr.Sum(streams.Select(x => Expr.Trace(x))));
    }
}
