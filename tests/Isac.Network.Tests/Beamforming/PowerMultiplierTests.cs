using Isac.Core.Numerics;
using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Network.Beamforming;

namespace Isac.Network.Tests.Beamforming;

/// <summary>DualOpt's cold-start multiplier (Newton on the secular equation) against the eigendecomposition and bisection of <see cref="ExactPowerSolver"/>.</summary>
public class PowerMultiplierTests
{
    /// <param name="n">dimension</param>
    /// <param name="rank">rank of Q (below n: Q singular)</param>
    /// <param name="users">number of vectors z_k</param>
    /// <param name="budget">power budget (large: λ = 0 when Q is definite)</param>
    [Theory]
    [InlineData(8, 8, 3, 1.0)]
    [InlineData(8, 12, 3, 1e-3)]
    [InlineData(16, 5, 4, 1.0)]
    [InlineData(32, 40, 6, 0.5)]
    [InlineData(32, 20, 18, 2.0)]
    [InlineData(6, 10, 2, 1e6)]
    public void Solve_EqualsTheEigendecompositionsMultiplier(int n, int rank, int users, double budget)
    {
        var rng = new DeterministicRandom((ulong)(n * 1000 + rank * 10 + users));
        var q = new Complex[n * n];
        foreach (var g in TestData.Gaussian(rng, rank, n)) ComplexVectors.AddOuter(q, 1.0, g);
        var z = TestData.Gaussian(rng, users, n);
        var exact = new DualState();
        new ExactPowerSolver().Solve(new QuadraticBeamSubproblem(n, z, q, null, budget, null, z), exact);

        double lambda = PowerMultiplier.Solve(q, n, z, budget);

        Assert.True(Math.Abs(lambda - exact.Lambda) <= 1e-9 * Math.Max(exact.Lambda, 1e-12), $"{lambda} vs {exact.Lambda}");
        if (lambda > 0)
        {
            // the budget is met with equality: Σ_k ‖(Q + λI)⁻¹z_k‖² = P
            var m = (Complex[])q.Clone();
            for (int i = 0; i < n; i++) m[i * n + i] += lambda;
            Assert.True(HermitianCholesky.Factor(m, n));
            double power = 0;
            foreach (var zk in z)
            {
                var x = (Complex[])zk.Clone();
                HermitianCholesky.Solve(m, n, x);
                power += ComplexVectors.NormSquared(x);
            }
            Assert.True(Math.Abs(power - budget) <= 1e-9 * budget, $"power {power} vs budget {budget}");
        }
    }
}
