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

    [Theory]
    [MemberData(nameof(Sides))]
    public void NearestPsdMatrix_IsThePositivePart(FormulationSide side)
    {
        // min ‖X − A‖_F s.t. X ⪰ 0: X = A₊ (negative eigenvalues clipped), distance √Σ_{λ<0} λ².
        var a = TestData.RandomHermitian(4, seed: 12);
        var evd = a.Evd(Symmetricity.Hermitian);
        var lambda = evd.EigenValues.Select(z => z.Real).ToArray();
        double distance = Math.Sqrt(lambda.Where(l => l < 0).Sum(l => l * l));
        var positive = evd.EigenVectors * Matrix<Complex>.Build.DenseOfDiagonalArray(lambda.Select(l => new Complex(Math.Max(l, 0), 0)).ToArray())
                       * evd.EigenVectors.ConjugateTranspose();
        var model = new Model("nearest-psd");
        var x = model.HermitianPsd("X", 4);
        model.Minimize(Expr.Norm2(x - Expr.Constant(a, "A")));

        var s = model.Solve(new ModelSettings { Side = side });

        Assert.Equal(ModelStatus.Optimal, s.Status);
        Assert.Equal(distance, s.Objective, Tolerances.Optimum);
        Assert.True((s.Value(x) - positive).Enumerate().All(z => z.Magnitude < Tolerances.Values));
    }

    [Theory]
    [MemberData(nameof(Sides))]
    public void TraceMinimisation_WithSchurLmi_IsTraceOfInverse(FormulationSide side)
    {
        // min tr X s.t. [[X, I], [I, B]] ⪰ 0 ⇔ X ⪰ B⁻¹ for B ≻ 0: the optimum is tr(B⁻¹).
        var g = TestData.RandomComplex(3, 3, seed: 13);
        var b = g * g.ConjugateTranspose() + Matrix<Complex>.Build.DenseIdentity(3);
        var model = new Model("trace-lmi");
        var x = model.Hermitian("X", 3);
        model.Add(Expr.Block(new Expression?[,] { { x, Expr.Identity(3) }, { Expr.Identity(3), Expr.Constant(b, "B") } }) >> 0.0);
        model.Minimize(x.Trace());

        var s = model.Solve(new ModelSettings { Side = side });

        Assert.Equal(ModelStatus.Optimal, s.Status);
        Assert.Equal(b.Inverse().Trace().Real, s.Objective, Tolerances.Optimum);
    }

    [Theory]
    [MemberData(nameof(Sides))]
    public void LeastSquares_AsSocp_IsTheProjectionResidual(FormulationSide side)
    {
        // min ‖A x − b‖ over complex x: the residual of the least-squares solution (QR).
        var a = TestData.RandomComplex(6, 3, seed: 14);
        var b = TestData.RandomComplexVector(6, seed: 15);
        double residual = (a * a.QR().Solve(b) - b).L2Norm();
        var model = new Model("lsq");
        var x = model.ComplexVector("x", 3);
        model.Minimize(Expr.Norm2(Expr.Constant(a, "A") * x - b));

        var s = model.Solve(new ModelSettings { Side = side });

        Assert.Equal(ModelStatus.Optimal, s.Status);
        Assert.Equal(residual, s.Objective, Tolerances.Optimum);
    }

    [Theory]
    [MemberData(nameof(Sides))]
    public void ExtremeEigenvalues_OfTwoByTwoPencil_HaveTheClosedForm(FormulationSide side)
    {
        // H(u) = [[a + u, β], [conj β, c − u]]: λ_max = (a+c)/2 + √(((a−c)/2 + u)² + |β|²), smallest
        // (a+c)/2 + |β| at u = (c − a)/2; λ_min is largest, (a+c)/2 − |β|, at the same u.
        double a = 1.5, c = -0.5;
        var beta = new Complex(0.3, -0.4);
        var h0 = Matrix<Complex>.Build.DenseOfArray(new Complex[,] { { a, beta }, { Complex.Conjugate(beta), c } });
        var d = Matrix<Complex>.Build.DenseOfArray(new Complex[,] { { 1, 0 }, { 0, -1 } });
        var model = new Model("eigs");
        var u = model.RealScalar("u");
        var pencil = Expr.Constant(h0, "H0") + u * Expr.Constant(d, "D");
        model.Minimize(Expr.LambdaMax(pencil));
        var s = model.Solve(new ModelSettings { Side = side });
        Assert.Equal(ModelStatus.Optimal, s.Status);
        Assert.Equal((a + c) / 2 + beta.Magnitude, s.Objective, Tolerances.Optimum);
        Assert.Equal((c - a) / 2, s.Scalar(u), Tolerances.Values);

        model.Maximize(Expr.LambdaMin(pencil));
        s = model.Solve(new ModelSettings { Side = side });
        Assert.Equal(ModelStatus.Optimal, s.Status);
        Assert.Equal((a + c) / 2 - beta.Magnitude, s.Objective, Tolerances.Optimum);
    }

    [Theory]
    [MemberData(nameof(Sides))]
    public void Abs_DistanceToHalfPlane_IsTheGap(FormulationSide side)
    {
        // min |z − w| s.t. Re z ≥ 1 with w = −1 + 2i: the distance 1 − Re w = 2.
        var model = new Model("abs");
        var z = model.ComplexScalar("z");
        model.Add(z.Re() >= 1.0);
        model.Minimize(Expr.Abs(z - new Complex(-1, 2)));
        var s = model.Solve(new ModelSettings { Side = side });
        Assert.Equal(ModelStatus.Optimal, s.Status);
        Assert.Equal(2.0, s.Objective, Tolerances.Optimum);
        Assert.True((s.Value(z)[0, 0] - new Complex(1, 2)).Magnitude < Tolerances.Values);
    }

    [Theory]
    [MemberData(nameof(Sides))]
    public void SumSquares_OnAHyperplane_IsTheCentredEnergy(FormulationSide side)
    {
        // min ‖x − a‖² s.t. Σx = 0: x = a − mean(a), value Σ(a_i − ā)²… here with Σx = 0 the value is n·ā².
        double[] av = [1.0, -2.0, 4.0, 0.5];
        double mean = av.Average();
        var model = new Model("sum-squares");
        var x = model.RealVector("x", 4);
        model.Add(x.Sum() == 0.0);
        model.Minimize(Expr.SumSquares(x - Vector<double>.Build.DenseOfArray(av)));
        var s = model.Solve(new ModelSettings { Side = side });
        Assert.Equal(ModelStatus.Optimal, s.Status);
        Assert.Equal(av.Length * mean * mean, s.Objective, Tolerances.Optimum);
    }

    [Theory]
    [MemberData(nameof(Sides))]
    public void QuadOverLin_WithBoundedDenominator_IsNormSquaredOverBound(FormulationSide side)
    {
        // min ‖x‖²/y s.t. x = a, y ≤ 2: the denominator goes to its bound, ‖a‖²/2.
        var av = TestData.RandomComplexVector(3, seed: 16);
        var model = new Model("qol");
        var x = model.ComplexVector("x", 3);
        var y = model.RealScalar("y");
        model.Add(x == av);
        model.Add(y <= 2.0);
        model.Minimize(Expr.QuadOverLin(x, y));
        var s = model.Solve(new ModelSettings { Side = side });
        Assert.Equal(ModelStatus.Optimal, s.Status);
        Assert.Equal(Math.Pow(av.L2Norm(), 2) / 2, s.Objective, Tolerances.Optimum);
    }

    [Theory]
    [MemberData(nameof(Sides))]
    public void MaxAndMin_OfEntriesSummingToOne_AreTheMean(FormulationSide side)
    {
        var model = new Model("extrema");
        var x = model.RealVector("x", 5);
        model.Add(x.Sum() == 1.0);
        model.Minimize(Expr.Max(x));
        var s = model.Solve(new ModelSettings { Side = side });
        Assert.Equal(ModelStatus.Optimal, s.Status);
        Assert.Equal(0.2, s.Objective, Tolerances.Optimum);

        model.Maximize(Expr.Min(x[0], x[1], x[2..5]));
        s = model.Solve(new ModelSettings { Side = side });
        Assert.Equal(ModelStatus.Optimal, s.Status);
        Assert.Equal(0.2, s.Objective, Tolerances.Optimum);
    }
}
