using Isac.Conic.Cones;
using Isac.Conic.Kkt;
using Isac.Conic.LinearAlgebra;
using Isac.Core.Random;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Conic.Tests.Cones;

/// <summary>The PSD block (HKM): Schur entries for every data kind, step length, centrality, against brute force.</summary>
public class PsdBlockTests
{
    private const int N = 20;

    private static Matrix<double> M(double[] a, int n) => Matrix<double>.Build.Dense(n, n, (i, j) => a[i * n + j]);

    /// <summary>Rows of every kind: tiny sparse (F3), sparse with many rows (F1 through dense products),
    /// sparse with few full rows (F1 through sparse rows), dense, rank one, rank two indefinite.</summary>
    private static (PsdRowData[] Data, double[][] Dense) Rows(DeterministicRandom rng)
    {
        var data = new List<PsdRowData>();
        var dense = new List<double[]>();
        void AddSparse(List<(int, int, double)> e)
        {
            var d = PsdRowData.FromSparse(data.Count, e.Select(t => t.Item1).ToArray(), e.Select(t => t.Item2).ToArray(), e.Select(t => t.Item3).ToArray());
            data.Add(d);
            var a = new double[N * N];
            d.AddTo(a, N, 1.0);
            dense.Add(a);
        }
        AddSparse([(0, 0, 1.0), (2, 5, -0.5)]);
        AddSparse([(3, 3, 2.0)]);
        AddSparse(Enumerable.Range(0, N).Select(i => (i, Math.Min(N - 1, i + 1), rng.NextGaussian())).Where(t => t.Item1 <= t.Item2).Distinct().ToList());
        AddSparse(Enumerable.Range(0, N).Where(j => j >= 4).Select(j => (4, j, rng.NextGaussian())).ToList());
        var full = RandomData.Symmetric(rng, N);
        data.Add(new PsdRowData { Row = data.Count, Kind = PsdDataKind.Dense, Dense = full, NonzeroRows = Enumerable.Range(0, N).ToArray() });
        dense.Add(full);
        foreach (var weights in new[] { new[] { 1.5 }, new[] { 1.0, -2.0 } })
        {
            var vectors = RandomData.Vector(rng, weights.Length * N);
            var d = new PsdRowData { Row = data.Count, Kind = PsdDataKind.LowRank, Weights = weights, Vectors = vectors };
            var a = new double[N * N];
            d.AddTo(a, N, 1.0);
            data.Add(d);
            dense.Add(a);
        }
        AddSparse([(1, 7, 0.3), (7, 7, -1.0), (9, 12, 2.0)]);
        return (data.ToArray(), dense.ToArray());
    }

    /// <summary>A block over <see cref="Rows"/> with random interior X and Z, scaled and prepared.</summary>
    private static (PsdBlock Block, PsdRowData[] Data, double[][] Dense) PreparedBlock(DeterministicRandom rng)
    {
        var (data, dense) = Rows(rng);
        var block = new PsdBlock(N, data);
        RandomData.PositiveDefinite(rng, N).CopyTo(block.X, 0);
        RandomData.PositiveDefinite(rng, N).CopyTo(block.Z, 0);
        Assert.True(block.PrepareScaling(ManagedKernels.Instance));
        block.PrepareScaledData(ManagedKernels.Instance, new ParallelOptions());
        return (block, data, dense);
    }

    [Fact]
    public void SchurColumns_AllDataKinds_EqualTraceFormula()
    {
        var rng = new DeterministicRandom(31);
        var (block, data, dense) = PreparedBlock(rng);
        var k = ManagedKernels.Instance;
        int m = data.Length;
        var schur = new double[m * m];
        var scratch = new SchurScratch(N * N);
        for (int j = 0; j < m; j++)
        {
            block.Schur.AddColumn(j, schur, m, scratch, k);
        }
        var x = M(block.X, N);
        var w = M(block.Z, N).Inverse();
        for (int i = 0; i < m; i++)
        {
            for (int j = i; j < m; j++)
            {
                double expected = (M(dense[i], N) * x * M(dense[j], N) * w).Trace();
                // Each pair is written once, into row i or row j (the Schur complement adds the triangles).
                double got = i == j ? schur[i * m + i] : schur[i * m + j] + schur[j * m + i];
                Assert.True(Math.Abs(got - expected) <= Tolerances.Factorization * (1 + Math.Abs(expected)),
                    $"M[{i},{j}] = {got} but tr(A_i X A_j Z⁻¹) = {expected}");
            }
        }
    }

    [Fact]
    public void ApplyHToAdjoint_EqualsSymmetrisedXVZinv()
    {
        var rng = new DeterministicRandom(32);
        var (block, data, dense) = PreparedBlock(rng);
        var k = ManagedKernels.Instance;
        var y = RandomData.Vector(rng, data.Length);
        var extra = RandomData.Symmetric(rng, N);
        var result = new double[N * N];
        block.ApplyHToAdjoint(y, extra, result, k);
        var v = M(extra, N);
        for (int i = 0; i < data.Length; i++)
        {
            v += y[i] * M(dense[i], N);
        }
        var h = M(block.X, N) * v * M(block.Z, N).Inverse();
        var expected = 0.5 * (h + h.Transpose());
        Assert.True((M(result, N) - expected).Enumerate().Max(Math.Abs) < Tolerances.Factorization * expected.Enumerate().Max(Math.Abs));
    }

    [Fact]
    public void MaxStep_MatchesBisectionOnCholesky()
    {
        var rng = new DeterministicRandom(33);
        var block = new PsdBlock(8, []);
        RandomData.PositiveDefinite(rng, 8).CopyTo(block.X, 0);
        RandomData.PositiveDefinite(rng, 8).CopyTo(block.Z, 0);
        var k = ManagedKernels.Instance;
        Assert.True(block.PrepareScaling(k));
        var d = RandomData.Symmetric(rng, 8);
        double alpha = block.MaxStep(d, primal: true, k);
        // Brute force: the largest α with X + α D still positive definite, by bisection.
        double lo = 0, hi = 1e3;
        for (int it = 0; it < 200; it++)
        {
            double mid = 0.5 * (lo + hi);
            var t = block.X.Zip(d, (x, dd) => x + mid * dd).ToArray();
            if (k.Cholesky(t, 8))
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        Assert.True(Math.Abs(alpha - lo) <= 1e-9 * lo, $"step {alpha} vs bisection {lo}");
    }

    [Fact]
    public void ComplementarityRhs_OnCentralPath_IsZero()
    {
        var rng = new DeterministicRandom(34);
        var block = new PsdBlock(10, []);
        var x = RandomData.PositiveDefinite(rng, 10);
        x.CopyTo(block.X, 0);
        double mu = 0.37;
        var z = (mu * M(x, 10).Inverse()).ToRowMajorArray();
        z.CopyTo(block.Z, 0);
        var k = ManagedKernels.Instance;
        Assert.True(block.PrepareScaling(k));
        block.ComplementarityRhs(mu, corrector: false, default, k);
        Assert.True(block.R.Max(Math.Abs) < Tolerances.Factorization * block.X.Max(Math.Abs));
    }
}
