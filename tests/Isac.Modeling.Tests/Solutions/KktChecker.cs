using Isac.Modeling.Compilation;
using Isac.Modeling.Constraints;
using Isac.Modeling.Expressions;
using Isac.Modeling.Solutions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Tests.Solutions;

/// <summary>
/// Checks the KKT conditions of a solved model on its canonical cone program min cᵀx s.t.
/// g_k(x) ∈ K_k with the multipliers μ_k the solution maps back: primal feasibility g_k ∈ K_k,
/// dual feasibility μ_k ∈ K_k*, complementarity μ_kᵀ g_k = 0 and stationarity
/// c = Σ_k Σ_r μ_kr ∇g_kr, where on a PSD variable the remainder must itself be a multiplier of
/// the variable's own cone (a PSD matrix orthogonal to the variable's value).
/// </summary>
internal static class KktChecker
{
    public static void AssertKkt(ModelSolution solution, double tolerance)
    {
        var program = solution.Compiled!.Program;
        var x = solution.Scalars!;
        var residual = new double[program.ScalarCount];
        var objective = program.Objective;
        for (int t = 0; t < objective.TermCount(0); t++)
        {
            residual[objective.Params(0)[t]] += objective.Values(0)[t];
        }
        double scale = 1 + residual.Select(Math.Abs).DefaultIfEmpty(0).Max();
        for (int k = 0; k < program.Cones.Count; k++)
        {
            var cone = program.Cones[k];
            if (cone.Rows.Count == 0)
            {
                continue;
            }
            var mu = solution.Multipliers(k);
            var g = Enumerable.Range(0, cone.Rows.Count).Select(r => cone.Rows.Evaluate(r, x)).ToArray();
            scale = Math.Max(scale, 1 + mu.Select(Math.Abs).Max());
            for (int r = 0; r < cone.Rows.Count; r++)
            {
                var ps = cone.Rows.Params(r);
                var vs = cone.Rows.Values(r);
                for (int t = 0; t < ps.Length; t++)
                {
                    residual[ps[t]] -= mu[r] * vs[t];
                }
            }
            double gScale = 1 + g.Select(Math.Abs).Max();
            double muScale = 1 + mu.Select(Math.Abs).Max();
            Assert.True(MinInCone(cone.Type, cone.Order, g, false) >= -tolerance * gScale, $"cone {k} ({cone.Type}): g ∉ K ({MinInCone(cone.Type, cone.Order, g, false)})");
            if (cone.Type != ConeType.Zero)
            {
                Assert.True(MinInCone(cone.Type, cone.Order, mu, true) >= -tolerance * muScale, $"cone {k} ({cone.Type}): μ ∉ K* ({MinInCone(cone.Type, cone.Order, mu, true)})");
            }
            double gap = mu.Zip(g, (a, b) => a * b).Sum();
            Assert.True(Math.Abs(gap) <= tolerance * muScale * gScale, $"cone {k} ({cone.Type}): complementarity μᵀg = {gap}");
        }
        var psd = new bool[program.ScalarCount];
        foreach (var v in program.PsdVariables)
        {
            Array.Fill(psd, true, v.Offset, v.ScalarCount);
            var mu = residual.AsSpan(v.Offset, v.ScalarCount).ToArray();
            var type = v.Kind == VariableKind.Hermitian ? ConeType.HermitianPsd : ConeType.Psd;
            var value = x.AsSpan(v.Offset, v.ScalarCount).ToArray();
            Assert.True(MinInCone(type, v.Rows, mu, true) >= -tolerance * scale, $"variable {v.Name}: the stationarity remainder is not PSD ({MinInCone(type, v.Rows, mu, true)})");
            double gap = mu.Zip(value, (a, b) => a * b).Sum();
            Assert.True(Math.Abs(gap) <= tolerance * scale * (1 + value.Select(Math.Abs).Max()), $"variable {v.Name}: complementarity {gap}");
        }
        for (int p = 0; p < residual.Length; p++)
        {
            if (program.Used[p] && !psd[p])
            {
                Assert.True(Math.Abs(residual[p]) <= tolerance * scale, $"stationarity fails for scalar {p}: residual {residual[p]}");
            }
        }
    }

    /// <summary>The smallest "distance inside" a cone: min entry, t − ‖v‖, or λ_min (of the matrix the rows
    /// describe, or for multipliers of Λ with Λ_ij = μ_ij / 2 off the diagonal).</summary>
    private static double MinInCone(ConeType type, int order, double[] v, bool multiplier)
    {
        switch (type)
        {
            case ConeType.Zero:
                return -v.Select(Math.Abs).DefaultIfEmpty(0).Max();
            case ConeType.Nonnegative:
                return v.Min();
            case ConeType.SecondOrder:
                return v[0] - Math.Sqrt(v.Skip(1).Sum(a => a * a));
            default:
                var m = PsdConstraint.MatrixDual(type, order, v);
                return Lambda(multiplier ? m : Matrix<Complex>.Build.Dense(order, order, (i, j) => i == j ? m[i, j] : 2 * m[i, j]));
        }
    }

    private static double Lambda(Matrix<Complex> m) => m.Evd(Symmetricity.Hermitian).EigenValues.Select(z => z.Real).Min();
}
