using Isac.Conic.LinearAlgebra;
using Isac.Core.Random;

namespace Isac.Conic.Tests.LinearAlgebra;

/// <summary>Every dense kernel, in both implementations, against naive computations and MathNet.</summary>
public class DenseKernelsTests
{
    public static TheoryData<string> Backends()
    {
        var data = new TheoryData<string> { "managed" };
        if (OpenBlasKernels.Instance is not null)
        {
            data.Add("openblas");
        }
        return data;
    }

    private static IDenseKernels Kernels(string name) =>
        name == "managed" ? ManagedKernels.Instance : OpenBlasKernels.Instance!;

    private static double MaxAbsDiff(double[] a, double[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max();

    [Theory]
    [MemberData(nameof(Backends))]
    public void Gemm_RectangularWithAlphaBeta_MatchesNaiveProduct(string backend)
    {
        var rng = new DeterministicRandom(11);
        int m = 13, n = 21, k = 9;
        var a = RandomData.Vector(rng, m * k);
        var b = RandomData.Vector(rng, k * n);
        var c = RandomData.Vector(rng, m * n);
        var expected = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++)
                {
                    s += a[i * k + p] * b[p * n + j];
                }
                expected[i * n + j] = 2.5 * s + 0.5 * c[i * n + j];
            }
        }
        Kernels(backend).Gemm(m, n, k, 2.5, a, b, 0.5, c);
        Assert.True(MaxAbsDiff(expected, c) < Tolerances.Factorization * 10);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Cholesky_PositiveDefinite_ReconstructsInput(string backend)
    {
        var rng = new DeterministicRandom(12);
        int n = 37;
        var a = RandomData.PositiveDefinite(rng, n);
        var l = (double[])a.Clone();
        Assert.True(Kernels(backend).Cholesky(l, n));
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                Assert.Equal(0.0, l[i * n + j]);
            }
        }
        var lt = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                lt[i * n + j] = l[j * n + i];
            }
        }
        Assert.True(MaxAbsDiff(RandomData.Multiply(l, lt, n), a) < Tolerances.Factorization);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Cholesky_Indefinite_ReturnsFalse(string backend)
    {
        var a = new double[] { 1, 2, 2, 1 };
        Assert.False(Kernels(backend).Cholesky(a, 2));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void CholeskyInverse_TimesInput_IsIdentity(string backend)
    {
        var rng = new DeterministicRandom(13);
        int n = 29;
        var a = RandomData.PositiveDefinite(rng, n);
        var l = (double[])a.Clone();
        var k = Kernels(backend);
        Assert.True(k.Cholesky(l, n));
        var inv = new double[n * n];
        k.CholeskyInverse(l, n, inv);
        var prod = RandomData.Multiply(a, inv, n);
        for (int i = 0; i < n; i++)
        {
            prod[i * n + i] -= 1;
        }
        Assert.True(prod.Max(Math.Abs) < Tolerances.Factorization);
        var b = RandomData.Vector(rng, n);
        var x = (double[])b.Clone();
        k.CholeskySolve(l, n, x);
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++)
            {
                s += a[i * n + j] * x[j];
            }
            Assert.True(Math.Abs(s - b[i]) < Tolerances.Factorization);
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void TriangularSandwich_MatchesExplicitInverse(string backend)
    {
        var rng = new DeterministicRandom(14);
        int n = 23;
        var k = Kernels(backend);
        var l = RandomData.PositiveDefinite(rng, n);
        Assert.True(k.Cholesky(l, n));
        var s = RandomData.Symmetric(rng, n);
        var b = (double[])s.Clone();
        k.TriangularSandwich(l, n, b);
        // L B Lᵀ must give back S.
        var lt = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                lt[i * n + j] = l[j * n + i];
            }
        }
        var back = RandomData.Multiply(RandomData.Multiply(l, b, n), lt, n);
        Assert.True(MaxAbsDiff(back, s) < Tolerances.Factorization);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void SymmetricEigenvalues_MatchMathNet(string backend)
    {
        var rng = new DeterministicRandom(15);
        foreach (int n in new[] { 1, 2, 5, 40 })
        {
            var a = RandomData.Symmetric(rng, n);
            var expected = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n, n, (i, j) => a[i * n + j])
                .Evd().EigenValues.Select(e => e.Real).OrderBy(v => v).ToArray();
            var eig = new double[n];
            Kernels(backend).SymmetricEigenvalues((double[])a.Clone(), n, eig);
            Assert.True(MaxAbsDiff(expected, eig.OrderBy(v => v).ToArray()) < Tolerances.Factorization);
        }
    }

    [Fact]
    public void Select_Managed_GivesManagedKernels()
    {
        Assert.Equal("managed", DenseKernels.Select(DenseBackend.Managed).Name);
        Assert.Equal(OpenBlasKernels.Instance is null ? "managed" : "openblas", DenseKernels.Select(DenseBackend.Auto).Name);
    }
}
