using Isac.Conic.LinearAlgebra;
using Isac.Core.Random;

namespace Isac.Conic.Tests.LinearAlgebra;

/// <summary>The Lanczos step-length test against the full eigenvalue problem of L⁻¹ D L⁻ᵀ.</summary>
public class LanczosStepTests
{
    private static (double[] L, double Exact) Case(DeterministicRandom rng, int n, double[] d)
    {
        var x = RandomData.PositiveDefinite(rng, n);
        var l = (double[])x.Clone();
        Assert.True(ManagedKernels.Instance.Cholesky(l, n));
        var s = (double[])d.Clone();
        ManagedKernels.Instance.TriangularSandwich(l, n, s);
        var eig = new double[n];
        ManagedKernels.Instance.SymmetricEigenvalues(s, n, eig);
        return (l, eig.Min());
    }

    [Theory]
    [InlineData(20, 1u)]
    [InlineData(64, 2u)]
    [InlineData(130, 3u)]
    public void SmallestEigenvalue_RandomDirection_IsALowerBoundWithin1e3(int n, ulong seed)
    {
        var rng = new DeterministicRandom(seed);
        var d = RandomData.Symmetric(rng, n);
        var (l, exact) = Case(rng, n, d);
        double lambda = new LanczosStep(n, 40).SmallestEigenvalue(l, d);
        Assert.False(double.IsNaN(lambda), "Lanczos did not settle in 40 steps");
        Assert.True(lambda <= exact + Tolerances.Factorization * Math.Abs(exact), $"{lambda:R} above λ_min = {exact:R}");
        Assert.True(lambda >= exact - 2e-3 * Math.Abs(exact), $"{lambda:R} too far below λ_min = {exact:R}");
    }

    [Fact]
    public void SmallestEigenvalue_RankTwoDirection_IsExact()
    {
        // D = u uᵀ − v vᵀ: S has one negative eigenvalue, one positive, the rest zero; the Krylov space
        // is exhausted after three steps and the value is exact.
        var rng = new DeterministicRandom(4);
        int n = 48;
        var u = RandomData.Vector(rng, n);
        var v = RandomData.Vector(rng, n);
        var d = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                d[i * n + j] = u[i] * u[j] - v[i] * v[j];
            }
        }
        var (l, exact) = Case(rng, n, d);
        double lambda = new LanczosStep(n, 40).SmallestEigenvalue(l, d);
        Assert.Equal(exact, lambda, 1e-8 * Math.Abs(exact));
    }
}
