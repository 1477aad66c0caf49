using Isac.Modeling.Expressions;
using Isac.Modeling.Solutions;

namespace Isac.Modeling.Tests.Solutions;

/// <summary>Infeasible and unbounded models are statuses; reading a value then is a typed error, never a NaN.</summary>
public class StatusTests
{
    public static TheoryData<FormulationSide> Sides => new() { FormulationSide.ConeVariables, FormulationSide.FreeScalars };

    [Theory]
    [MemberData(nameof(Sides))]
    public void InfeasibleModel_HasStatusInfeasible_AndNoValues(FormulationSide side)
    {
        var model = new Model("infeasible");
        var x = model.RealVector("x", 2);
        var c = model.Add(x[0] + x[1] >= 3.0);
        model.Add(x <= 1.0);
        model.Minimize(x[0]);

        var s = model.Solve(new ModelSettings { Side = side });

        Assert.Equal(ModelStatus.Infeasible, s.Status);
        Assert.False(s.HasValues);
        var e = Assert.Throws<SolutionUnavailableException>(() => s.Value(x));
        Assert.Equal(ModelStatus.Infeasible, e.Status);
        Assert.Contains("'x' has no value: the solve ended Infeasible", e.Message);
        Assert.Throws<SolutionUnavailableException>(() => s.Objective);
        Assert.Throws<SolutionUnavailableException>(() => s.Dual(c));
    }

    [Theory]
    [MemberData(nameof(Sides))]
    public void UnboundedModel_HasStatusUnbounded_AndNoValues(FormulationSide side)
    {
        var model = new Model("unbounded");
        var x = model.RealVector("x", 2);
        model.Add(x[0] - x[1] <= 1.0);
        model.Add(x[1] <= 0.0);
        model.Minimize(x[0] + x[1]);

        var s = model.Solve(new ModelSettings { Side = side });

        Assert.Equal(ModelStatus.Unbounded, s.Status);
        Assert.Throws<SolutionUnavailableException>(() => s.Scalar(x[0]));
    }

    [Fact]
    public void InfeasibleHermitianModel_HasStatusInfeasible()
    {
        // tr W ≤ 1 but hᴴ W h ≥ 10‖h‖² needs tr W ≥ 10.
        var h = TestData.RandomComplexVector(4, seed: 71);
        var model = new Model("infeasible-sdp");
        var w = model.HermitianPsd("W", 4);
        model.Add(w.Trace() <= 1.0);
        model.Add(Expr.QuadForm(Expr.Constant(h, "h"), w) >= 10 * h.ConjugateDotProduct(h).Real);
        model.Minimize(w.Trace());
        var s = model.Solve();
        Assert.Equal(ModelStatus.Infeasible, s.Status);
        Assert.Throws<SolutionUnavailableException>(() => s.Value(w));
    }

    [Fact]
    public void EqualityWithoutVariable_ThatFails_IsRefusedAtCompile()
    {
        var model = new Model("constant");
        var x = model.RealScalar("x");
        model.Add(x - x == 1.0, "impossible");
        model.Minimize(x);
        var e = Assert.Throws<ModelException>(() => model.Compile());
        Assert.Equal("constraint 'impossible'", e.Location);
        Assert.Contains("has no variable and does not hold", e.Message);
    }
}
