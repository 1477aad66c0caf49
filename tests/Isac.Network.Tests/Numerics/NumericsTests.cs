using Isac.Core.Numerics;
using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Network.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Network.Tests.Numerics;

public class NumericsTests
{
    [Fact]
    public void CholeskySolve_EqualsMathNetSolve()
    {
        var rng = new DeterministicRandom(1);
        const int n = 7;
        var m = TestData.HermitianPd(rng, n);
        var b = TestData.Gaussian(rng, n);
        var reference = Matrix<Complex>.Build.Dense(n, n, (i, j) => m[i * n + j]).Solve(Vector<Complex>.Build.Dense(b));
        var f = (Complex[])m.Clone();
        Assert.True(HermitianCholesky.Factor(f, n));
        var x = (Complex[])b.Clone();
        HermitianCholesky.Solve(f, n, x);
        for (int i = 0; i < n; i++) Assert.True((x[i] - reference[i]).Magnitude <= Tolerances.Factorization * reference.L2Norm());
    }

    [Fact]
    public void Cholesky_RefusesIndefiniteMatrix()
    {
        var m = new Complex[] { 1, 0, 0, -1 };
        Assert.False(HermitianCholesky.Factor(m, 2));
    }

    [Fact]
    public void HermitianForm_OnLowerStorage_EqualsFullProduct()
    {
        var rng = new DeterministicRandom(2);
        const int n = 5;
        var m = TestData.HermitianPd(rng, n);
        var x = TestData.Gaussian(rng, n);
        var full = Matrix<Complex>.Build.Dense(n, n, (i, j) => m[i * n + j]);
        var xv = Vector<Complex>.Build.Dense(x);
        double reference = (xv.Conjugate() * (full * xv)).Real;
        Assert.Equal(reference, ComplexVectors.HermitianForm(m, x), 1e-10 * Math.Abs(reference));
    }

    [Fact]
    public void LambdaForBudget_GivesThePowerBudget()
    {
        var rng = new DeterministicRandom(3);
        const int n = 6;
        var m = TestData.HermitianPd(rng, n);
        var eig = new HermitianEigen(m, n);
        var z = TestData.Gaussian(rng, 3, n, 10);
        var ysq = new double[n];
        foreach (var y in z.Select(zj => eig.ToEigenBasis(zj)))
            for (int i = 0; i < n; i++) ysq[i] += y[i].Magnitude * y[i].Magnitude;
        double lambda = eig.LambdaForBudget(ysq, 0.5);
        double power = z.Sum(zj =>
        {
            var x = new Complex[n];
            eig.SolveShifted(eig.ToEigenBasis(zj), lambda, x);
            return ComplexVectors.NormSquared(x);
        });
        Assert.True(lambda > 0);
        Assert.Equal(0.5, power, 1e-9);
    }
}
