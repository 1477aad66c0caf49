using Isac.Conic.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Conic.Tests.LinearAlgebra;

/// <summary>The public dense Cholesky (the network's dual Newton systems) against MathNet.</summary>
public class DenseCholeskyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(13)]
    [InlineData(40)]
    public void FactorAndSolve_EqualsMathNetSolve(int n)
    {
        var rng = new Random(n);
        var g = Matrix<double>.Build.Dense(n, n, (_, _) => rng.NextDouble() - 0.5);
        var m = g * g.Transpose() + Matrix<double>.Build.DenseIdentity(n);
        var rhs = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
        var a = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i * n + j] = m[i, j];
        var x = (double[])rhs.Clone();

        Assert.True(DenseCholesky.FactorAndSolve(a, x, n));

        var expected = m.Solve(Vector<double>.Build.DenseOfArray(rhs));
        Assert.True((Vector<double>.Build.DenseOfArray(x) - expected).L2Norm() < 1e-11 * expected.L2Norm());
    }

    [Fact]
    public void IndefiniteMatrix_IsRefused()
    {
        double[] a = [1, 2, 2, 1];
        double[] b = [1, 1];
        Assert.False(DenseCholesky.FactorAndSolve(a, b, 2));
        Assert.Equal([1.0, 1.0], b);
    }
}
