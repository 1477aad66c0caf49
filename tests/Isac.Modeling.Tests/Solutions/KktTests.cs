using Isac.Modeling.Expressions;
using Isac.Modeling.Solutions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Tests.Solutions;

/// <summary>Dual values checked by the KKT conditions, on both sides of the duality.</summary>
public class KktTests
{
    public static TheoryData<FormulationSide> Sides => new() { FormulationSide.ConeVariables, FormulationSide.FreeScalars };

    [Theory]
    [MemberData(nameof(Sides))]
    public void EigenvalueSdp_Duals_AreTheClosedFormMultipliers(FormulationSide side)
    {
        // min −Re tr(CX) s.t. tr X = 1, X ⪰ 0: stationarity −C − νI − Λ = 0 with Λ ⪰ 0, tr(ΛX) = 0
        // gives ν = −λ_max(C) and Λ = λ_max I − C.
        var c = TestData.RandomHermitian(4, seed: 21);
        double lmax = TestData.LargestEigenvalue(c);
        var model = new Model("eig-dual");
        var x = model.Hermitian("X", 4);
        var trace = model.Add(x.Trace() == 1.0);
        var psd = model.Add(x >> 0.0);
        model.Maximize(Expr.Trace(Expr.Constant(c, "C") * x));

        var s = model.Solve(new ModelSettings { Side = side });

        Assert.Equal(ModelStatus.Optimal, s.Status);
        Assert.Equal(-lmax, s.Dual(trace)[0, 0].Real, Tolerances.Values);
        var expected = lmax * Matrix<Complex>.Build.DenseIdentity(4) - c;
        Assert.True((s.Dual(psd) - expected).Enumerate().All(z => z.Magnitude < Tolerances.Values));
        Assert.Equal(0, (s.Dual(psd) * s.Value(x)).Trace().Magnitude, Tolerances.Values);
        KktChecker.AssertKkt(s, Tolerances.Kkt);
    }

    public static TheoryData<FormulationSide, SecondOrderConeForm> SidesAndCones => new()
    {
        { FormulationSide.ConeVariables, SecondOrderConeForm.Native },
        { FormulationSide.FreeScalars, SecondOrderConeForm.Native },
        { FormulationSide.ConeVariables, SecondOrderConeForm.ArrowPsd },
        { FormulationSide.FreeScalars, SecondOrderConeForm.ArrowPsd },
    };

    [Theory]
    [MemberData(nameof(SidesAndCones))]
    public void Socp_SocDual_IsTheNormalisedCost(FormulationSide side, SecondOrderConeForm cones)
    {
        // min Re(cᴴx) s.t. ‖x‖ ≤ 1: x = −c/‖c‖, and the cone dual (λ_t, λ_x) = (‖c‖, c).
        var cv = TestData.RandomComplexVector(3, seed: 22);
        var model = new Model("socp-dual");
        var x = model.ComplexVector("x", 3);
        var cone = model.Add(Expr.Soc(x, 1.0));
        model.Minimize((Expr.Constant(cv, "c").H * x).Re());

        var s = model.Solve(new ModelSettings { Side = side, SecondOrderCones = cones });

        Assert.Equal(ModelStatus.Optimal, s.Status);
        double norm = cv.L2Norm();
        Assert.Equal(-norm, s.Objective, Tolerances.Optimum);
        var dual = s.Dual(cone);
        Assert.Equal(norm, dual[0, 0].Real, Tolerances.Values);
        for (int i = 0; i < 3; i++)
        {
            Assert.True((dual[i + 1, 0] - cv[i]).Magnitude < Tolerances.Values);
        }
        KktChecker.AssertKkt(s, Tolerances.Kkt);
    }

    public static TheoryData<FormulationSide, double> SidesAndScales => new()
    {
        { FormulationSide.ConeVariables, 1.0 },
        { FormulationSide.FreeScalars, 1.0 },
        { FormulationSide.ConeVariables, 2.0 },
        { FormulationSide.FreeScalars, 2.0 },
    };

    [Theory]
    [MemberData(nameof(SidesAndScales))]
    public void NormBound_ScalarDual_IsTheObjectiveRate(FormulationSide side, double c)
    {
        // min c‖x − a‖ s.t. x₀ = 0 written as min t s.t. c·norm2(x − a) ≤ t, with
        // L = t − λ(t − c‖x − a‖) − μ x₀: ∂L/∂t = 0 gives λ = 1; x = (0, a₁, a₂), x − a = (−2, 0, 0).
        var a = Vector<double>.Build.DenseOfArray([2.0, -1.0, 0.5]);
        var model = new Model("norm-bound");
        var x = model.RealVector("x", 3);
        var t = model.RealScalar("t");
        var bound = model.Add(c * Expr.Norm2(x - a) <= t);
        var pin = model.Add(x[0] == 0.0);
        model.Minimize(t);

        var s = model.Solve(new ModelSettings { Side = side });

        Assert.Equal(ModelStatus.Optimal, s.Status);
        Assert.Equal(2.0 * c, s.Objective, Tolerances.Optimum);
        Assert.Equal(1.0, s.Dual(bound)[0, 0].Real, Tolerances.Values);
        // ∂L/∂x₀ = λc(x₀ − a₀)/‖x − a‖ − μ = 0 gives μ = −c.
        Assert.Equal(-c, s.Dual(pin)[0, 0].Real, Tolerances.Values);
        Assert.Equal(0, s.Statistics.AuxiliaryScalars);
        KktChecker.AssertKkt(s, Tolerances.Kkt);
    }

    [Theory]
    [MemberData(nameof(Sides))]
    public void Lp_InequalityDual_IsTheShadowPrice(FormulationSide side)
    {
        // min x₀ + 2x₁ s.t. x₀ + x₁ ≥ 1, x ≥ 0: x = (1, 0), the multiplier of the first row is 1 and of x₁ ≥ 0 is 1.
        var model = new Model("lp");
        var x = model.RealVector("x", 2);
        var sum = model.Add(x[0] + x[1] >= 1.0);
        var sign = model.Add(x >= 0.0);
        model.Minimize(x[0] + 2.0 * x[1]);

        var s = model.Solve(new ModelSettings { Side = side });

        Assert.Equal(ModelStatus.Optimal, s.Status);
        Assert.Equal(1.0, s.Objective, Tolerances.Optimum);
        Assert.Equal(1.0, s.Dual(sum)[0, 0].Real, Tolerances.Values);
        Assert.Equal(0.0, s.Dual(sign)[0, 0].Real, Tolerances.Values);
        Assert.Equal(1.0, s.Dual(sign)[1, 0].Real, Tolerances.Values);
        KktChecker.AssertKkt(s, Tolerances.Kkt);
    }

    [Theory]
    [MemberData(nameof(Sides))]
    public void MixedModel_WithAtomsLmiAndPsdVariables_SatisfiesKkt(FormulationSide side)
    {
        // Two Hermitian PSD covariances with SINR-like rows, a norm, a max and a real LMI.
        var h1 = TestData.RandomComplexVector(3, seed: 31);
        var h2 = TestData.RandomComplexVector(3, seed: 32);
        var model = new Model("mixed");
        var w1 = model.HermitianPsd("W1", 3);
        var w2 = model.HermitianPsd("W2", 3);
        var t = model.RealScalar("t");
        var y = model.RealVector("y", 2);
        Expression c1 = Expr.Constant(h1, "h1"), c2 = Expr.Constant(h2, "h2");
        model.Add(Expr.QuadForm(c1, w1) >= 0.5 * Expr.QuadForm(c1, w2) + 1.0, "sinr1");
        model.Add(Expr.QuadForm(c2, w2) >= 0.5 * Expr.QuadForm(c2, w1) + 1.0, "sinr2");
        model.Add(Expr.Block(new Expression?[,] { { Expr.Trace(w1 + w2), y[0] }, { y[0], t } }) >> 0.0, "lmi");
        model.Add(Expr.Norm2(y) <= t, "norm");
        model.Add(y[1] == 0.5);
        model.Minimize(Expr.Max(t, Expr.Trace(w1 + w2)) + 0.1 * t);

        var s = model.Solve(new ModelSettings { Side = side });

        Assert.Equal(ModelStatus.Optimal, s.Status);
        KktChecker.AssertKkt(s, Tolerances.Kkt);
    }
}
