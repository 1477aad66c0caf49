using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Physics.Numerics;
using Isac.Physics.Uncertainty;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Tests.Numerics;

public class TrustRegionSubproblemTests
{
    [Theory]
    [InlineData(1UL, 3, 1.0)]
    [InlineData(2UL, 6, 0.3)]
    [InlineData(3UL, 8, 5.0)]
    [InlineData(4UL, 1, 0.7)]
    public void Minimize_IndefiniteQuadratic_SatisfiesGlobalOptimalityConditions(ulong seed, int n, double radius)
    {
        var random = new DeterministicRandom(seed);
        var q = new HermitianQuadratic(RandomCases.Hermitian(n, random), RandomCases.GaussianVector(n, random), random.NextGaussian());
        var (x, value) = TrustRegionSubproblem.Minimize(q, radius);
        AssertGlobalOptimum(q, x, value, radius);
        AssertNoSampleBelow(q, value, radius, random);
    }

    [Fact]
    public void Minimize_ConvexWithInteriorMinimum_ReturnsUnconstrainedMinimiser()
    {
        var random = new DeterministicRandom(5);
        var a = RandomCases.GaussianMatrix(4, 4, random);
        var p = a * a.ConjugateTranspose() + Matrix<Complex>.Build.DenseIdentity(4);
        var g = RandomCases.GaussianVector(4, random) * 0.01;
        var (x, _) = TrustRegionSubproblem.Minimize(new HermitianQuadratic(p, g, 0), 10);
        var expected = -p.Solve(g);
        Assert.True((x - expected).L2Norm() <= Tolerances.ClosedForm * expected.L2Norm());
    }

    [Fact]
    public void Minimize_HardCase_ReachesTheBoundaryAlongTheLowestEigenvector()
    {
        // P = diag(−2, 1, 3), g orthogonal to e_1 and small: the solution is x(2) + τ e_1 on the sphere.
        var p = Matrix<Complex>.Build.DenseOfDiagonalArray([-2, 1, 3]);
        var g = Vector<Complex>.Build.DenseOfArray([0, new Complex(0.3, 0.1), -0.5]);
        var q = new HermitianQuadratic(p, g, 0);
        var (x, value) = TrustRegionSubproblem.Minimize(q, 1.0);
        Assert.Equal(1.0, x.L2Norm(), 12);
        // x_2 = −g_2/(1+2), x_3 = −g_3/(3+2), and the rest of the norm on e_1.
        Assert.Equal(0, (x[1] + g[1] / 3).Magnitude, 12);
        Assert.Equal(0, (x[2] + g[2] / 5).Magnitude, 12);
        AssertGlobalOptimum(q, x, value, 1.0);
    }

    [Fact]
    public void Minimize_ZeroRadius_ReturnsOrigin()
    {
        var q = new HermitianQuadratic(Matrix<Complex>.Build.DenseIdentity(2) * -1, Vector<Complex>.Build.Dense(2, 1), 4);
        var (x, value) = TrustRegionSubproblem.Minimize(q, 0);
        Assert.Equal(0, x.L2Norm());
        Assert.Equal(4, value);
    }

    /// <summary>
    /// Moré-Sorensen conditions: (P + μI)x = −g, μ ≥ 0, P + μI ⪰ 0, μ(ρ − ‖x‖) = 0, with μ recovered from x.
    /// </summary>
    private static void AssertGlobalOptimum(HermitianQuadratic q, Vector<Complex> x, double value, double radius)
    {
        double norm = x.L2Norm();
        Assert.True(norm <= radius * (1 + 1e-12));
        Assert.Equal(q.Value(x), value, 12);
        var px = q.P * x + q.G;
        double mu = norm < radius * (1 - 1e-9) ? 0 : -px.ConjugateDotProduct(x).Real / (norm * norm);
        double scale = q.P.FrobeniusNorm() * Math.Max(norm, 1) + q.G.L2Norm();
        Assert.True(mu >= -1e-9 * scale, $"μ = {mu}");
        Assert.True((px + x * mu).L2Norm() <= 1e-8 * scale, "stationarity");
        double lambdaMin = HermitianMatrix.Eigenvalues(q.P)[0];
        Assert.True(lambdaMin + mu >= -1e-8 * scale, $"λ_min + μ = {lambdaMin + mu}");
    }

    private static void AssertNoSampleBelow(HermitianQuadratic q, double value, double radius, DeterministicRandom random)
    {
        for (int i = 0; i < 2000; i++)
        {
            var y = ComplexBall.Sample(q.Dimension, radius, i % 2 == 0 ? ErrorPlacement.InsideBall : ErrorPlacement.OnSurface, random);
            Assert.True(q.Value(y) >= value - 1e-10 * (1 + Math.Abs(value)));
        }
    }
}
