using Isac.Modeling.Expressions;
using Isac.Modeling.Solutions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Tests.Compilation;

/// <summary>A Hermitian problem and its hand-written real equivalent give the same optimum.</summary>
public class ComplexEmbeddingTests
{
    public static TheoryData<FormulationSide> Sides => new() { FormulationSide.ConeVariables, FormulationSide.FreeScalars };

    [Theory]
    [MemberData(nameof(Sides))]
    public void HermitianSdp_AndItsRealEmbedding_HaveTheSameOptimum(FormulationSide side)
    {
        // Complex: min Re tr(C X) s.t. tr X = 1, Re tr(A X) ≥ 0.2, X ⪰ 0.
        // Real, written by hand: Y = [[P, −Q], [Q, P]] ⪰ 0 (P symmetric, Q antisymmetric, imposed by
        // equalities on a symmetric 2n×2n Y), with Re tr(C X) = ½ tr(emb(C) Y) and tr X = ½ tr Y.
        int n = 3;
        var c = TestData.RandomHermitian(n, seed: 41);
        var a = TestData.RandomHermitian(n, seed: 42);

        var complex = new Model("complex");
        var x = complex.HermitianPsd("X", n);
        complex.Add(x.Trace() == 1.0);
        complex.Add(Expr.Trace(Expr.Constant(a, "A") * x) >= 0.2);
        complex.Minimize(Expr.Trace(Expr.Constant(c, "C") * x));
        var sc = complex.Solve(new ModelSettings { Side = side });

        var real = new Model("real");
        var y = real.SymmetricPsd("Y", 2 * n);
        var p11 = y[0..n, 0..n];
        var p22 = y[n..(2 * n), n..(2 * n)];
        var q21 = y[n..(2 * n), 0..n];
        real.Add(p11 == p22);
        real.Add(q21 == -q21.T);
        real.Add(0.5 * y.Trace() == 1.0);
        real.Add(0.5 * Expr.Trace(Expr.Constant(Embed(a)) * y) >= 0.2);
        real.Minimize(0.5 * Expr.Trace(Expr.Constant(Embed(c)) * y));
        var sr = real.Solve(new ModelSettings { Side = side });

        Assert.Equal(ModelStatus.Optimal, sc.Status);
        Assert.Equal(ModelStatus.Optimal, sr.Status);
        Assert.Equal(sr.Objective, sc.Objective, Tolerances.Optimum);
        // The same point: X = P + iQ.
        var yv = sr.RealValue(y);
        var fromReal = Matrix<Complex>.Build.Dense(n, n, (i, j) => new Complex(yv[i, j], yv[n + i, j]));
        Assert.True((sc.Value(x) - fromReal).Enumerate().All(z => z.Magnitude < 1e-3));
    }

    [Fact]
    public void ComplexEquality_GivesRealAndImaginaryRows()
    {
        // x ∈ ℂ² with x = b and min ‖x‖: the value ‖b‖ needs both parts of the equality.
        var b = Vector<Complex>.Build.DenseOfArray([new Complex(3, -1), new Complex(0, 2)]);
        var model = new Model("complex-eq");
        var x = model.ComplexVector("x", 2);
        model.Add(x == b);
        model.Minimize(Expr.Norm2(x));
        var s = model.Solve();
        Assert.Equal(ModelStatus.Optimal, s.Status);
        Assert.Equal(b.L2Norm(), s.Objective, Tolerances.Optimum);
        Assert.True((s.Value(x).Column(0) - b).L2Norm() < Tolerances.Values);
    }

    private static Matrix<double> Embed(Matrix<Complex> h)
    {
        int n = h.RowCount;
        return Matrix<double>.Build.Dense(2 * n, 2 * n, (i, j) =>
        {
            var z = h[i % n, j % n];
            return (i < n, j < n) switch
            {
                (true, true) or (false, false) => z.Real,
                (false, true) => z.Imaginary,
                _ => -z.Imaginary,
            };
        });
    }
}
