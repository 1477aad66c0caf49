using Isac.Modeling;
using Isac.Modeling.Expressions;
using Isac.Precoding.Design;

namespace Isac.Precoding.Sdp;

/// <summary>The constraints more than one design writes the same way, in the coordinates of <see cref="DesignSpace"/>.</summary>
internal static class DesignConstraints
{
    /// <summary>
    /// The power budgets on the model's covariances R̃ = Σ_i C_i (normalised, each BS's budget 1): tr R̃ ≤ 1 for one BS
    /// ((36b), (48c)), or tr(D_m R̃ D_m) ≤ 1 for every BS m of the stacked coordinates ((43a), (62d)).
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="covariances">The terms C_i of R̃ (the W̃_k, or R̃ itself).</param>
    /// <param name="space">The coordinates, for the stacked blocks.</param>
    /// <param name="stacked">True for CoMP (one budget per BS on the stacked covariance).</param>
    public static void AddPower(Model model, IReadOnlyList<Expression> covariances, DesignSpace space, bool stacked)
    {
        if (!stacked)
        {
            model.Add(Expr.Sum(covariances.Select(c => c.Trace())) <= 1.0, "power");
            return;
        }
        for (int m = 0; m < space.BsCount; m++)
        {
            var idx = space.BlockIndices(m);
            model.Add(Expr.Sum(covariances.Select(c => Expr.Trace(Expr.Select(c, idx, idx)))) <= 1.0, $"power{m + 1}");
        }
    }

    /// <summary>(36a), (48b): BS m's power toward every other target n, v̂_mnᵀ R̃ v̂_mn* ≤ cap.</summary>
    public static void AddLeakage(Model model, DesignSpace space, int bs, Expression covariance, Expression cap)
    {
        for (int n = 0; n < space.BsCount; n++)
        {
            if (n == bs) continue;
            model.Add(RobustQuadratic.Nominal(space.TransmitResponse(bs, n), covariance) <= cap, $"leakage{n + 1}");
        }
    }
}
