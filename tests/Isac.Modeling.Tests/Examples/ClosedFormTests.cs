using Isac.Modeling.Expressions;
using Isac.Modeling.Solutions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Tests.Examples;

/// <summary>Problems whose optimum is known in closed form, solved on both sides of the duality.</summary>
public class ClosedFormTests
{
    public static TheoryData<FormulationSide> Sides => new() { FormulationSide.ConeVariables, FormulationSide.FreeScalars };

    [Theory]
    [MemberData(nameof(Sides))]
    public void LargestEigenvalue_AsSdp_EqualsEigenvalueDecomposition(FormulationSide side)
    {
        // max Re tr(C X) s.t. tr X = 1, X ⪰ 0 has the value λ_max(C) (reference: Math.NET's EVD).
        var c = TestData.RandomHermitian(5, seed: 11);
        var model = new Model("eig");
        var x = model.HermitianPsd("X", 5);
        model.Add(x.Trace() == 1.0);
        model.Maximize(Expr.Trace(Expr.Constant(c, "C") * x));

        var solution = model.Solve(new ModelSettings { Side = side });

        Assert.Equal(ModelStatus.Optimal, solution.Status);
        Assert.Equal(side, solution.Statistics.Side);
        Assert.Equal(TestData.LargestEigenvalue(c), solution.Objective, Tolerances.Optimum);
    }
}
