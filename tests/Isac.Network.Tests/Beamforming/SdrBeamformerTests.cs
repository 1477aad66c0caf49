using Isac.Core.Numerics;
using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Network.Beamforming;
using Isac.Network.Numerics;
using Isac.Network.Surrogates;

namespace Isac.Network.Tests.Beamforming;

public class SdrBeamformerTests
{
    /// <summary>Relative agreement of two solvers of the same convex problem (interior point at 1e-6 against a closed form).</summary>
    private const double SdpVsClosedForm = 1e-4;

    [Theory]
    [InlineData(LeakageSurrogate.Salinr)]
    [InlineData(LeakageSurrogate.Slinr)]
    public void SolveStep_WithoutSensing_MatchesTheClosedFormOptimumOfSubproblem26(LeakageSurrogate surrogate)
    {
        // Given one FP iteration's subproblem (26) without sensing constraints at reference beams v
        // (N = 8 antennas, 2 users, 1 leakage channel: the data span has dimension 3 < 8, so the
        // relaxation works in the compressed coordinates)
        const int n = 8, k = 2;
        var rng = new DeterministicRandom(21);
        var h = TestData.Gaussian(rng, k, n);
        var g = TestData.Gaussian(rng, 1, n, 0.5);
        var problem = new LocalBeamformingProblem(h, g, [1.0, 2.5], 0.2, 1.0, surrogate);
        var v = RegularizedZeroForcing.Beams(h, 1.0, 0.2);
        FractionalProgrammingBeamformer.AlignPhases(h, v);
        var d = new Complex[n * n];
        ComplexVectors.AddOuter(d, 1.0, g[0]);
        var sub = FractionalProgrammingBeamformer.BuildSubproblem(problem, v, d);

        // When the SDR solves its relaxation at the same reference, and the exact power solver the vector problem
        var relaxation = new SdrBeamformer.Relaxation(problem, new SdrSettings());
        var solution = relaxation.SolveStep(v.Select(relaxation.CovarianceOf).ToArray());
        var extracted = relaxation.Covariances(solution).Select(relaxation.PrincipalBeam).ToArray();
        var sdrBeams = extracted.Select(e => e.Beam).ToArray();
        FractionalProgrammingBeamformer.AlignPhases(h, sdrBeams);
        var (exact, _) = new ExactPowerSolver().Solve(sub, new DualState());

        // Then the relaxation is tight (rank one) and its beams reach the closed-form optimum of (26)
        Assert.Equal(Isac.Modeling.Solutions.ModelStatus.Optimal, solution.Status);
        Assert.Equal(3, relaxation.Dimension);
        Assert.All(extracted, e => Assert.True(e.RankRatio < 1e-4, $"λ₂/λ₁ = {e.RankRatio}"));
        double fSdr = sub.Objective(sdrBeams), fExact = sub.Objective(exact);
        Assert.True(Math.Abs(fSdr - fExact) <= SdpVsClosedForm * Math.Abs(fExact), $"SDR {fSdr} vs closed form {fExact}");
    }

    [Fact]
    public void Solve_OneUserWithBindingSensingConstraint_ReachesTheBruteForceOptimum()
    {
        // Given one user, N = 2, a leakage channel, and a sensing direction a built from the best
        // unconstrained beam v* so that |aᴴv*|² = 0.2 while the constraint asks for
        // |aᴴv|² ≥ n/ρ = 0.5 (it binds by construction)
        var h = new[] { new[] { new Complex(1.0, 0.2), new Complex(0.3, -0.8) } };
        var g = new[] { new[] { new Complex(0.4, 0.1), new Complex(-0.2, 0.5) } };
        const double noise = 0.05, power = 1.0, noiseTerm = 0.1, ratio = 0.2;
        var (bestFree, vFree) = GridSearch(v => true);
        var orthogonal = new[] { -Complex.Conjugate(vFree[1]), Complex.Conjugate(vFree[0]) };
        var a = new[] { new[] { Math.Sqrt(0.8) * orthogonal[0] + Math.Sqrt(0.2) * vFree[0], Math.Sqrt(0.8) * orthogonal[1] + Math.Sqrt(0.2) * vFree[1] } };
        var problem = new LocalBeamformingProblem(h, g, [1.0], noise, power, LeakageSurrogate.Salinr, new SensingConstraints(a, [noiseTerm], ratio));

        // When the SDR beamformer solves (17) and the grid searches the beams that meet the constraint
        var result = new SdrBeamformer(fp: new FractionalProgrammingSettings(50, 1e-9)).Solve(problem);
        double sdr = LocalSinr.WeightedSumRate([1.0], LocalSinr.Sinr(h, g, result.Beams, noise, LeakageSurrogate.Salinr));
        var (best, _) = GridSearch(v => noiseTerm <= ratio * ComplexVectors.AbsDotSquared(a[0], v));

        // Then the constraint binds, the SDR beam is feasible, and it reaches the grid optimum
        // (the grid's own error is O(step²) ≈ 1e-6 relative)
        Assert.True(bestFree > best * (1 + 1e-3), $"unconstrained {bestFree} vs constrained {best}: the constraint does not bind");
        Assert.Null(result.Failure);
        Assert.True(result.MaxSensingViolation <= FractionalProgrammingBeamformer.FeasibilityTolerance);
        Assert.True(Math.Abs(sdr - best) <= SdpVsClosedForm * best, $"SDR {sdr} vs brute force {best}");

        // All full-power beams v = √P(cos α, sin α·e^{jφ}) on a 2000 × 2000 grid (full power is
        // optimal: the SINR and the sensing margin both grow with ‖v‖; the common phase is irrelevant).
        (double Value, Complex[] Beam) GridSearch(Func<Complex[], bool> admissible)
        {
            const int steps = 2000;
            double bestValue = double.NegativeInfinity;
            Complex[] bestBeam = [];
            for (int i = 0; i <= steps; i++)
            {
                double alpha = 0.5 * Math.PI * i / steps;
                for (int j = 0; j < steps; j++)
                {
                    var v = new[] { new Complex(Math.Sqrt(power) * Math.Cos(alpha), 0), Complex.FromPolarCoordinates(Math.Sqrt(power) * Math.Sin(alpha), 2 * Math.PI * j / steps) };
                    if (!admissible(v)) continue;
                    double f = LocalSinr.WeightedSumRate([1.0], LocalSinr.Sinr(h, g, [v], noise, LeakageSurrogate.Salinr));
                    if (f > bestValue) (bestValue, bestBeam) = (f, v);
                }
            }
            return (bestValue, bestBeam);
        }
    }

    [Fact]
    public void Solve_MultiUserWithSensing_FeasibleRankOneAndAsGoodAsDualOpt()
    {
        // Given a 3-user problem with sensing constraints (orthogonal DFT sensing directions, a
        // threshold that binds for some users)
        const int n = 6, k = 3;
        var rng = new DeterministicRandom(5);
        var h = TestData.Gaussian(rng, k, n);
        var g = TestData.Gaussian(rng, 2, n, 0.3);
        var a = Enumerable.Range(0, k).Select(u => Enumerable.Range(0, n)
            .Select(i => Complex.FromPolarCoordinates(1 / Math.Sqrt(n), 2 * Math.PI * u * i / n)).ToArray()).ToArray();
        var problem = new LocalBeamformingProblem(h, g, [1.0, 0.7, 1.6], 0.1, 1.0, LeakageSurrogate.Salinr,
            new SensingConstraints(a, [0.01, 0.02, 0.015], 0.5));

        // When the SDR beamformer and DualOpt solve problem (17) with the same FP settings
        var sdrBeamformer = new SdrBeamformer(fp: new FractionalProgrammingSettings(30, 1e-4));
        var sdr = sdrBeamformer.Solve(problem);
        var dual = FractionalProgrammingBeamformer.DualOpt(fp: new FractionalProgrammingSettings(30, 1e-4)).Solve(problem);

        // Then the SDR's relaxations stay rank one, its beams meet the sensing constraints, the
        // virtual PFR of its beams never decreases, and it ends within 1 % of DualOpt (both are
        // local methods for the same non-convex problem; paper B's Fig. 5 claims "almost the same PFR")
        Assert.Null(sdr.Failure);
        Assert.True(sdr.RelaxationRankRatio < 1e-3, $"λ₂/λ₁ = {sdr.RelaxationRankRatio}");
        Assert.True(double.IsNaN(dual.RelaxationRankRatio));
        Assert.True(sdr.MaxSensingViolation <= FractionalProgrammingBeamformer.FeasibilityTolerance);
        for (int i = 1; i < sdr.ObjectiveTrace.Count; i++)
            Assert.True(sdr.ObjectiveTrace[i] >= sdr.ObjectiveTrace[i - 1] * (1 - 1e-6), $"trace {string.Join(", ", sdr.ObjectiveTrace)}");
        double fSdr = Pfr(sdr.Beams), fDual = Pfr(dual.Beams);
        Assert.True(Math.Abs(fSdr - fDual) <= 0.01 * fDual, $"SDR {fSdr} vs DualOpt {fDual}");

        double Pfr(Complex[][] v) => LocalSinr.WeightedSumRate(problem.Weights, LocalSinr.Sinr(h, g, v, problem.Noise, problem.Surrogate));
    }
}
