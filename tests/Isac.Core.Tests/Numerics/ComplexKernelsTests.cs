using Complex = System.Numerics.Complex;
using Isac.Core.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Core.Tests.Numerics;

/// <summary>The SIMD complex kernels against MathNet's vector arithmetic, at even and odd lengths (the scalar tail).</summary>
public class ComplexKernelsTests
{
    private static Complex[] RandomVector(System.Random rng, int n) =>
        Enumerable.Range(0, n).Select(_ => new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5)).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(32)]
    public void Kernels_EqualMathNet(int n)
    {
        var rng = new System.Random(n);
        var a = RandomVector(rng, n);
        var b = RandomVector(rng, n);
        var c = new Complex(0.3, -1.7);
        var va = Vector<Complex>.Build.DenseOfArray(a);
        var vb = Vector<Complex>.Build.DenseOfArray(b);

        Assert.True((ComplexKernels.DotConj(a, b) - va.ConjugateDotProduct(vb)).Magnitude < 1e-13);
        Assert.True((ComplexKernels.Dot(a, b) - va.DotProduct(vb)).Magnitude < 1e-13);
        var y = (Complex[])b.Clone();
        ComplexKernels.AddScaled(y, c, a);
        Assert.True((Vector<Complex>.Build.DenseOfArray(y) - (vb + c * va)).L2Norm() < 1e-13);
        y = (Complex[])b.Clone();
        ComplexKernels.AddScaledConj(y, c, a);
        Assert.True((Vector<Complex>.Build.DenseOfArray(y) - (vb + c * va.Conjugate())).L2Norm() < 1e-13);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(16)]
    public void HermitianCholesky_SolvesLikeMathNet(int n)
    {
        var rng = new System.Random(10 + n);
        var g = Matrix<Complex>.Build.Dense(n, n, (_, _) => new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5));
        var m = g * g.ConjugateTranspose() + Matrix<Complex>.Build.DenseIdentity(n);
        var rhs = RandomVector(rng, n);
        var l = new Complex[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) l[i * n + j] = m[i, j];
        Assert.True(HermitianCholesky.Factor(l, n));
        var x = (Complex[])rhs.Clone();
        HermitianCholesky.Solve(l, n, x);
        var expected = m.Solve(Vector<Complex>.Build.DenseOfArray(rhs));
        Assert.True((Vector<Complex>.Build.DenseOfArray(x) - expected).L2Norm() < 1e-10 * expected.L2Norm());
    }
}
