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
    public void SmallestEigenvalue_RandomDirection_IsALowerBoundWithin2Percent(int n, ulong seed)
    {
        var rng = new DeterministicRandom(seed);
        var d = RandomData.Symmetric(rng, n);
        var (l, exact) = Case(rng, n, d);
        double lambda = new LanczosStep(n, 40).SmallestEigenvalue(l, d);
        Assert.False(double.IsNaN(lambda), "Lanczos did not settle in 40 steps");
        Assert.True(lambda <= exact + Tolerances.Factorization * Math.Abs(exact), $"{lambda:R} above λ_min = {exact:R}");
        // Accepted at a Ritz residual of 1 % of |θ|: θ − r is within 2 % of λ_min.
        Assert.True(lambda >= exact - 2e-2 * Math.Abs(exact), $"{lambda:R} too far below λ_min = {exact:R}");
    }

    [Fact]
    public void WarmStart_FromTheLastRitzVector_StillBoundsFromBelow()
    {
        // Two nearby directions (the predictor's and the corrector's): the second run starts from the
        // first's Ritz vector; both values are lower bounds within 2 %.
        var rng = new DeterministicRandom(9);
        int n = 90;
        var d1 = RandomData.Symmetric(rng, n);
        var noise = RandomData.Symmetric(rng, n);
        var d2 = d1.Zip(noise, (a, b) => a + 0.01 * b).ToArray();
        var (l, exact1) = Case(new DeterministicRandom(10), n, d1);
        var (_, exact2) = Case(new DeterministicRandom(10), n, d2);
        var lanczos = new LanczosStep(n, 60);
        double first = lanczos.SmallestEigenvalue(l, d1, slot: 0);
        double second = lanczos.SmallestEigenvalue(l, d2, slot: 0);
        foreach (var (value, exact) in new[] { (first, exact1), (second, exact2) })
        {
            Assert.True(value <= exact + 1e-10 * Math.Abs(exact) && value >= exact - 2e-2 * Math.Abs(exact), $"{value:R} against {exact:R}");
        }
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
