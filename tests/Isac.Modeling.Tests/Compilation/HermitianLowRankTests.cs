using Isac.Modeling.Compilation;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Tests.Compilation;

/// <summary>The Hermitian low-rank factorisation is checked by reconstruction: Σ d_k z_k z_kᴴ equals the input.</summary>
public class HermitianLowRankTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    public void TryFactor_LowRankIndefinite_Reconstructs(int positive, int negative)
    {
        int n = 8;
        var h = Matrix<Complex>.Build.Dense(n, n);
        for (int k = 0; k < positive + negative; k++)
        {
            var z = TestData.RandomComplexVector(n, (ulong)(90 + k));
            h += (k < positive ? 1.0 : -0.7) * z.OuterProduct(z.Conjugate());
        }
        var data = ToRowMajor(h);

        var factors = HermitianLowRank.TryFactor(data, n, maxRank: 8);

        Assert.NotNull(factors);
        var (w, v) = factors.Value;
        Assert.True(w.Length <= positive + negative + 1, $"rank {w.Length} for {positive + negative} terms");
        var back = Matrix<Complex>.Build.Dense(n, n);
        for (int k = 0; k < w.Length; k++)
        {
            var z = Vector<Complex>.Build.DenseOfArray(v[k]);
            back += w[k] * z.OuterProduct(z.Conjugate());
        }
        Assert.True((back - h).Enumerate().All(z => z.Magnitude < 1e-10 * (1 + h.Enumerate().Max(c => c.Magnitude))));
    }

    [Fact]
    public void TryFactor_FullRank_GivesUpPastTheCap()
    {
        var h = TestData.RandomHermitian(8, seed: 95);
        Assert.Null(HermitianLowRank.TryFactor(ToRowMajor(h), 8, maxRank: 3));
    }

    [Fact]
    public void TryFactor_ZeroDiagonalPair_UsesATwoByTwoPivot()
    {
        // [[0, i], [−i, 0]] has no usable diagonal pivot; its factorisation has two terms of opposite sign.
        var h = Matrix<Complex>.Build.DenseOfArray(new Complex[,] { { 0, new Complex(0, 1) }, { new Complex(0, -1), 0 } });
        var factors = HermitianLowRank.TryFactor(ToRowMajor(h), 2, maxRank: 2);
        Assert.NotNull(factors);
        Assert.Equal(2, factors.Value.Weights.Length);
        Assert.True(factors.Value.Weights[0] * factors.Value.Weights[1] < 0);
    }

    private static Complex[] ToRowMajor(Matrix<Complex> m) =>
        Enumerable.Range(0, m.RowCount * m.ColumnCount).Select(k => m[k / m.ColumnCount, k % m.ColumnCount]).ToArray();
}
