using Isac.Conic.LinearAlgebra;
using Isac.Core.Random;

namespace Isac.Conic.Tests.LinearAlgebra;

/// <summary>The sparse Cholesky factorisation against dense computations on random sparse SPD matrices.</summary>
public class SparseCholeskyTests
{
    /// <summary>A random graph's Laplacian plus a positive diagonal (SPD), dense storage, with its pattern.</summary>
    private static (double[] A, HashSet<int>[] Pattern) SparseSpd(int n, double degree, ulong seed)
    {
        var rng = new DeterministicRandom(seed);
        var a = new double[n * n];
        var pattern = Enumerable.Range(0, n).Select(_ => new HashSet<int>()).ToArray();
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                if (rng.NextDouble() < degree / n)
                {
                    double w = 0.5 + rng.NextDouble();
                    a[i * n + j] = a[j * n + i] = -w;
                    a[i * n + i] += w;
                    a[j * n + j] += w;
                    pattern[i].Add(j);
                    pattern[j].Add(i);
                }
            }
            a[i * n + i] += 0.1 + rng.NextDouble();
        }
        return (a, pattern);
    }

    private static double[] DenseInverse(double[] a, int n)
    {
        var l = (double[])a.Clone();
        Assert.True(ManagedKernels.Instance.Cholesky(l, n));
        var inv = new double[n * n];
        ManagedKernels.Instance.CholeskyInverse(l, n, inv);
        return inv;
    }

    [Theory]
    [InlineData(60, 3.0, 1UL)]
    [InlineData(150, 4.0, 2UL)]
    [InlineData(40, 12.0, 3UL)]
    public void InverseAndSolves_MatchTheDenseFactorisation(int n, double degree, ulong seed)
    {
        var (a, pattern) = SparseSpd(n, degree, seed);
        var f = SparseCholesky.Analyze(n, pattern, maxFill: 1.0)!;
        Assert.True(f.Factorize(a));
        Assert.InRange(f.FactorNonzeros, n, (long)n * (n + 1) / 2);
        var inv = new double[n * n];
        f.Inverse(inv, new double[n * n]);
        var expected = DenseInverse(a, n);
        double scale = expected.Max(Math.Abs);
        Assert.True(inv.Zip(expected, (x, y) => Math.Abs(x - y)).Max() < 1e-10 * scale);

        // Several right-hand sides at once: A X = B.
        var rng = new DeterministicRandom(seed + 10);
        int k = 3;
        var b = RandomData.Vector(rng, n * k);
        var x = (double[])b.Clone();
        f.SolveRows(x, k, new double[n * k]);
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < k; c++)
            {
                double r = -b[i * k + c];
                for (int j = 0; j < n; j++)
                {
                    r += a[i * n + j] * x[j * k + c];
                }
                Assert.True(Math.Abs(r) < 1e-10 * (1 + Math.Abs(b[i * k + c])), $"residual {r:E2}");
            }
        }
    }

    [Fact]
    public void TriangularSolves_ReproduceTheFactor()
    {
        // L⁻¹ P A Pᵀ L⁻ᵀ = I: applying A between the two permuted solves gives back the vector.
        int n = 80;
        var (a, pattern) = SparseSpd(n, 3.0, 7);
        var f = SparseCholesky.Analyze(n, pattern, maxFill: 1.0)!;
        Assert.True(f.Factorize(a));
        var v = RandomData.Vector(new DeterministicRandom(8), n);
        var u = (double[])v.Clone();
        f.SolveUpperPermuted(u);
        var t = new double[n];
        for (int p = 0; p < n; p++)
        {
            double s = 0;
            for (int q = 0; q < n; q++)
            {
                s += a[f.Original(p) * n + f.Original(q)] * u[q];
            }
            t[p] = s;
        }
        f.SolveLowerPermuted(t);
        Assert.True(t.Zip(v, (x, y) => Math.Abs(x - y)).Max() < 1e-10);
    }

    [Fact]
    public void NotPositiveDefinite_IsReported_AndTooMuchFill_GivesNoFactor()
    {
        int n = 50;
        var (a, pattern) = SparseSpd(n, 3.0, 5);
        var f = SparseCholesky.Analyze(n, pattern, maxFill: 1.0)!;
        a[17 * n + 17] = -1;
        Assert.False(f.Factorize(a));
        a[17 * n + 17] = 50;
        Assert.True(f.Factorize(a));
        // A dense pattern cannot stay under 10 % of a dense factor.
        var dense = Enumerable.Range(0, n).Select(i => new HashSet<int>(Enumerable.Range(0, n).Where(j => j != i))).ToArray();
        Assert.Null(SparseCholesky.Analyze(n, dense, maxFill: 0.1));
    }
}
