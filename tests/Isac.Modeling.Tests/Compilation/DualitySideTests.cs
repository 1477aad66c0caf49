using Isac.Modeling.Constraints;
using Isac.Modeling.Expressions;
using Isac.Modeling.Solutions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Tests.Compilation;

/// <summary>Both sides of the duality give the same optimum, values and duals; the automatic choice takes the smaller m.</summary>
public class DualitySideTests
{
    [Fact]
    public void BothSides_SameModel_GiveTheSameOptimumValuesAndDuals()
    {
        var (model, constraints, w) = SinrModel();
        var cone = model.Solve(new ModelSettings { Side = FormulationSide.ConeVariables });
        var free = model.Solve(new ModelSettings { Side = FormulationSide.FreeScalars });

        Assert.Equal(ModelStatus.Optimal, cone.Status);
        Assert.Equal(ModelStatus.Optimal, free.Status);
        Assert.Equal(FormulationSide.ConeVariables, cone.Statistics.Side);
        Assert.Equal(FormulationSide.FreeScalars, free.Statistics.Side);
        Assert.Equal(cone.Objective, free.Objective, Tolerances.Optimum);
        foreach (var c in constraints)
        {
            var a = cone.Dual(c);
            var b = free.Dual(c);
            double scale = 1 + a.Enumerate().Max(z => z.Magnitude);
            Assert.True((a - b).Enumerate().All(z => z.Magnitude < Tolerances.Values * scale), $"duals of '{c}' differ");
        }
        foreach (var v in w)
        {
            Assert.True((cone.Value(v) - free.Value(v)).Enumerate().All(z => z.Magnitude < 1e-3));
        }
    }

    [Fact]
    public void Auto_FewLargePsdVariablesFewRows_ChoosesConeVariables()
    {
        var (model, _, _) = SinrModel();
        var compiled = model.Compile();
        Assert.Equal(FormulationSide.ConeVariables, compiled.Side);
        Assert.Equal(compiled.Statistics.ConeVariableSideSize, compiled.SchurComplementSize);
        Assert.True(compiled.Statistics.ConeVariableSideSize < compiled.Statistics.FreeScalarSideSize);
        // 3 SINR rows + 1 power row; 3 Hermitian 6×6 variables have 3·36 real scalars.
        Assert.Equal(4, compiled.Statistics.ConeVariableSideSize);
        Assert.Equal(108, compiled.Statistics.FreeScalarSideSize);
    }

    [Fact]
    public void Auto_ManyConesOnFewScalars_ChoosesFreeScalars()
    {
        // 30 norm constraints on a 3-vector: 30·(1 + 3) rows (less the 4 free scalars eliminated through them) against 3 + 1 scalars.
        var model = new Model("many-cones");
        var x = model.RealVector("x", 3);
        var t = model.RealScalar("t");
        for (int k = 0; k < 30; k++)
        {
            var a = Vector<double>.Build.Dense(3, i => Math.Cos(k + i));
            model.Add(Expr.Norm2(x - a) <= t);
        }
        model.Minimize(t);
        var compiled = model.Compile();
        Assert.Equal(FormulationSide.FreeScalars, compiled.Side);
        Assert.Equal(4, compiled.SchurComplementSize);
        Assert.Equal(116, compiled.Statistics.ConeVariableSideSize);
        var s = compiled.Solve();
        Assert.Equal(ModelStatus.Optimal, s.Status);
        Assert.Contains("free-scalar side, m = 4 (cone-variable side m = 116)", s.Statistics.Summary());
    }

    [Fact]
    public void ConeVariableSide_PassesRankOneSinrDataAsLowRank()
    {
        var (model, _, _) = SinrModel();
        var compiled = model.Compile(new ModelSettings { Side = FormulationSide.ConeVariables });
        // Each SINR row touches the three covariances through h_k h_kᴴ: nine rank-one terms.
        Assert.Equal(9, compiled.Statistics.LowRankTerms);
        var lowRank = compiled.Problem.Constraints.SelectMany(r => r.Terms).Select(t => t.Matrix).OfType<Isac.Conic.Problem.LowRankBlockMatrix>().ToArray();
        Assert.Equal(9, lowRank.Length);
        Assert.All(lowRank, m => Assert.Equal(2, m.Rank));
    }

    [Theory]
    [InlineData(FormulationSide.ConeVariables)]
    [InlineData(FormulationSide.FreeScalars)]
    public void EqualityOnlyLp_SolvesOnBothSides(FormulationSide side)
    {
        // min x₀ + x₁ s.t. x₀ + 2x₁ = 3, x₀ − x₁ = 0: the unique point (1, 1), value 2; nothing
        // but equalities, so neither side may eliminate everything.
        var model = new Model("equalities");
        var x = model.RealVector("x", 2);
        model.Add(x[0] + 2.0 * x[1] == 3.0);
        model.Add(x[0] - x[1] == 0.0);
        model.Minimize(x[0] + x[1]);
        var s = model.Solve(new ModelSettings { Side = side });
        Assert.Equal(ModelStatus.Optimal, s.Status);
        Assert.Equal(2.0, s.Objective, Tolerances.Optimum);
    }

    /// <summary>Downlink power minimisation with SINR targets (3 users, 6 antennas): min Σ tr W_k s.t. SINR_k ≥ 1, Σ tr W_k ≤ 100.</summary>
    private static (Model, Constraint[], Variable[]) SinrModel()
    {
        int n = 6, k = 3;
        var model = new Model("sinr");
        var w = Enumerable.Range(0, k).Select(i => model.HermitianPsd($"W{i}", n)).ToArray();
        var h = Enumerable.Range(0, k).Select(i => Expr.Constant(TestData.RandomComplexVector(n, seed: 60 + (ulong)i), $"h{i}")).ToArray();
        var constraints = new List<Constraint>();
        for (int i = 0; i < k; i++)
        {
            var interference = Expr.Sum(Enumerable.Range(0, k).Where(j => j != i).Select(j => Expr.QuadForm(h[i], w[j])));
            constraints.Add(model.Add(Expr.QuadForm(h[i], w[i]) >= interference + 0.1, $"sinr{i}"));
        }
        constraints.Add(model.Add(Expr.Sum(w.Select(x => x.Trace())) <= 100.0, "power"));
        model.Minimize(Expr.Sum(w.Select(x => x.Trace())));
        return (model, constraints.ToArray(), w);
    }
}
