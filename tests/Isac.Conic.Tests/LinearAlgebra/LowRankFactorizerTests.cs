using Isac.Conic.LinearAlgebra;
using Isac.Core.Random;

namespace Isac.Conic.Tests.LinearAlgebra;

public class LowRankFactorizerTests
{
    private static double[] Reconstruct(double[] w, double[] v, int n)
    {
        var a = new double[n * n];
        for (int k = 0; k < w.Length; k++)
        {
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    a[i * n + j] += w[k] * v[k * n + i] * v[k * n + j];
                }
            }
        }
        return a;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TryFactor_RankRMatrixWithMixedSigns_ReconstructsWithRTerms(int rank)
    {
        var rng = new DeterministicRandom(20 + rank);
        int n = 17;
        var a = new double[n * n];
        for (int k = 0; k < rank; k++)
        {
            var u = RandomData.Vector(rng, n);
            double sign = k % 2 == 0 ? 1 : -1;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    a[i * n + j] += sign * u[i] * u[j];
                }
            }
        }
        var f = LowRankFactorizer.TryFactor((double[])a.Clone(), n, 4);
        Assert.NotNull(f);
        Assert.Equal(rank, f.Value.Weights.Length);
        var back = Reconstruct(f.Value.Weights, f.Value.Vectors, n);
        Assert.True(a.Zip(back, (x, y) => Math.Abs(x - y)).Max() < Tolerances.Factorization);
    }

    [Fact]
    public void TryFactor_ZeroDiagonalRankTwo_UsesTwoByTwoPivot()
    {
        // a bᵀ + b aᵀ with disjoint supports has a zero diagonal (what FIM derivative terms look like).
        int n = 6;
        var a = new double[n * n];
        double[] u = [1, 2, 0, 0, 0, 0], v = [0, 0, 0, 3, -1, 0];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                a[i * n + j] = u[i] * v[j] + v[i] * u[j];
            }
        }
        var f = LowRankFactorizer.TryFactor((double[])a.Clone(), n, 4);
        Assert.NotNull(f);
        Assert.Equal(2, f.Value.Weights.Length);
        var back = Reconstruct(f.Value.Weights, f.Value.Vectors, n);
        Assert.True(a.Zip(back, (x, y) => Math.Abs(x - y)).Max() < Tolerances.Factorization);
    }

    [Fact]
    public void TryFactor_FullRank_ReturnsNull()
    {
        var rng = new DeterministicRandom(25);
        Assert.Null(LowRankFactorizer.TryFactor(RandomData.PositiveDefinite(rng, 12), 12, 4));
    }
}
