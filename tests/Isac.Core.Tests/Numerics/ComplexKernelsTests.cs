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

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 3)]
    [InlineData(16, 8)]
    [InlineData(32, 13)]
    [InlineData(7, 36)]
    public void HermitianCholesky_ManyRightHandSides_SolveLikeMathNet(int n, int rhs)
    {
        // rhs = 13: one block of eight complex entries, two vectors of two and the odd one; 36: several blocks
        var rng = new System.Random(100 * n + rhs);
        var g = Matrix<Complex>.Build.Dense(n, n, (_, _) => new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5));
        var m = g * g.ConjugateTranspose() + Matrix<Complex>.Build.DenseIdentity(n);
        var bm = Matrix<Complex>.Build.Dense(n, rhs, (_, _) => new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5));
        var l = new Complex[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) l[i * n + j] = m[i, j];
        Assert.True(HermitianCholesky.Factor(l, n));
        var b = new Complex[n * rhs];
        for (int i = 0; i < n; i++) for (int r = 0; r < rhs; r++) b[i * rhs + r] = bm[i, r];

        var x = (Complex[])b.Clone();
        HermitianCholesky.SolveMany(l, n, x, rhs);
        var expected = m.Solve(bm);
        for (int r = 0; r < rhs; r++)
            for (int i = 0; i < n; i++) Assert.True((x[i * rhs + r] - expected[i, r]).Magnitude < 1e-10 * expected.Column(r).L2Norm());

        // The forward half alone: Y = L⁻¹B, so that YᴴY = BᴴM⁻¹B.
        var y = (Complex[])b.Clone();
        HermitianCholesky.ForwardMany(l, n, y, rhs);
        var ym = Matrix<Complex>.Build.Dense(n, rhs, (i, r) => y[i * rhs + r]);
        var gram = ym.ConjugateTranspose() * ym;
        var exact = bm.ConjugateTranspose() * m.Inverse() * bm;
        Assert.True((gram - exact).FrobeniusNorm() < 1e-10 * exact.FrobeniusNorm());
        Assert.Throws<ArgumentException>(() => HermitianCholesky.ForwardMany(l, n, y.AsSpan(1), rhs));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(32, 6)]
    [InlineData(19, 5)]
    public void AddOuters_EqualsOneRankOneUpdateAtATime(int n, int k)
    {
        var rng = new System.Random(7 * n + k);
        var x = Enumerable.Range(0, k).Select(_ => RandomVector(rng, n)).ToArray();
        var c = Enumerable.Range(0, k).Select(u => u == 1 ? 0.0 : rng.NextDouble() + 0.1).ToArray(); // one skipped term
        var start = RandomVector(rng, n * n);
        var expected = (Complex[])start.Clone();
        for (int u = 0; u < k; u++) ComplexVectors.AddOuter(expected, c[u], x[u]);
        var m = (Complex[])start.Clone();
        ComplexVectors.AddOuters(m, c, x);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                // lower triangle updated like AddOuter, strict upper triangle untouched
                var want = j <= i ? expected[i * n + j] : start[i * n + j];
                Assert.True((m[i * n + j] - want).Magnitude < 1e-13, $"({i},{j})");
            }
    }
}
