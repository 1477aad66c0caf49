using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Physics.Sinr;
using Isac.Physics.Uncertainty;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Tests.Sinr;

public class WorstCaseSinrTests
{
    // Last column σ_C²: 1e-4 is paper A's P_t/σ_C² = 40 dB with unit-power precoders.
    public static TheoryData<CoordinationMode, ulong, double, double> Cases => new()
    {
        { CoordinationMode.Cbf, 60UL, 0.1, 0.2 },
        { CoordinationMode.Cbf, 61UL, 0.4, 0.2 },
        { CoordinationMode.Cbf, 59UL, 0.01, 1e-4 },
        { CoordinationMode.Comp, 62UL, 0.1, 0.2 },
        { CoordinationMode.Comp, 63UL, 0.3, 0.2 },
        { CoordinationMode.Comp, 58UL, 0.01, 1e-4 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Exact_NeverAboveSampledErrorsAndAttainedByTheReturnedError(CoordinationMode mode, ulong seed, double delta, double noise)
    {
        var random = new DeterministicRandom(seed);
        var errors = new CsiErrorModel(mode, delta);
        foreach (var problem in Problems(mode, errors, noise, random))
        {
            var result = WorstCaseSinr.Solve(problem);
            Assert.True(result.Error.L2Norm() <= problem.ErrorRadius * (1 + 1e-12));
            Assert.Equal(result.Sinr, problem.Sinr(result.Error), 1e-12 * result.Sinr);
            Assert.True(result.LowerBound <= result.Sinr);
            Assert.True(result.Sinr - result.LowerBound <= WorstCaseSinr.DefaultTolerance * result.Sinr * 1.0001);
            Assert.True(result.Sinr <= problem.NominalSinr);
            for (int i = 0; i < 500; i++)
            {
                var e = ComplexBall.Sample(problem.ErrorDimension, problem.ErrorRadius, i % 2 == 0 ? ErrorPlacement.InsideBall : ErrorPlacement.OnSurface, random);
                Assert.True(problem.Sinr(e) >= result.LowerBound * (1 - 1e-12), $"sample SINR {problem.Sinr(e)} below the bound {result.LowerBound}");
            }
        }
    }

    [Theory]
    [InlineData(64UL, 0.2)]
    [InlineData(65UL, 1.0)]
    public void Exact_OnlySignalUncertain_EqualsClosedForm(ulong seed, double radius)
    {
        // Error only on the first block, signal sent there, interference from the second block:
        // min SINR = (|hᵀw| − ρ‖Tᵀw‖)₊² / (Σ_l |hᵀw_l|² + σ²) (Cauchy-Schwarz, attained at e ∝ −w̄ phase-aligned).
        var random = new DeterministicRandom(seed);
        const int ntx = 4;
        var h = RandomCases.GaussianVector(2 * ntx, random);
        var t = Matrix<Complex>.Build.Dense(2 * ntx, ntx, (i, j) => i == j ? Complex.One : Complex.Zero);
        var w = Vector<Complex>.Build.Dense(2 * ntx);
        w.SetSubVector(0, ntx, RandomCases.GaussianVector(ntx, random));
        var interferers = Enumerable.Range(0, 3).Select(_ =>
        {
            var v = Vector<Complex>.Build.Dense(2 * ntx);
            v.SetSubVector(ntx, ntx, RandomCases.GaussianVector(ntx, random));
            return v;
        }).ToArray();
        const double noise = 0.3;
        var problem = new UserSinrProblem(h, t, radius, w.OuterProduct(w.Conjugate()),
            interferers.Select(v => v.OuterProduct(v.Conjugate())).ToArray(), noise);

        double amplitude = Math.Max(SinrCases.T(h, w).Magnitude - radius * w.SubVector(0, ntx).L2Norm(), 0);
        double expected = amplitude * amplitude / (interferers.Sum(v => SinrCases.T(h, v).MagnitudeSquared()) + noise);
        var result = WorstCaseSinr.Solve(problem);
        Assert.Equal(expected, result.Sinr, Tolerances.Iterative * Math.Max(expected, 1e-3));
        Assert.Equal(amplitude * amplitude, WorstCaseSinr.SignalMinimum(problem).Power, 1e-10);
    }

    [Theory]
    [InlineData(CoordinationMode.Cbf, 69UL, 0.3)]
    [InlineData(CoordinationMode.Cbf, 70UL, 1.0)]
    [InlineData(CoordinationMode.Comp, 71UL, 0.5)]
    public void Exact_ScalarError_MatchesGridSearchOverTheDisk(CoordinationMode mode, ulong seed, double delta)
    {
        // One antenna per BS, J = 1 for CoMP so the error is one complex number: a polar grid over the
        // disk is an independent global method. Grid points are feasible, so exact ≤ grid minimum, and
        // the grid (1/400 of the radius, 1/720 of a turn) gets within ~1e-4 relative.
        var random = new DeterministicRandom(seed);
        int cells = mode == CoordinationMode.Cbf ? 2 : 1;
        var (h, w) = SinrCases.Cbf(cells, users: 3, ntx: 1, random);
        var streams = mode == CoordinationMode.Cbf ? TransmitStreams.FromCbfPrecoders(w) : TransmitStreams.FromCompPrecoder(w[0], 1);
        var problem = UserSinrProblem.ForUser(h, streams, new CsiErrorModel(mode, delta), 0, 1, 0.05);
        Assert.Equal(1, problem.ErrorDimension);
        double grid = double.PositiveInfinity;
        for (int i = 0; i <= 400; i++)
            for (int j = 0; j < 720; j++)
            {
                var e = Vector<Complex>.Build.Dense(1, Complex.FromPolarCoordinates(problem.ErrorRadius * i / 400, 2 * Math.PI * j / 720));
                grid = Math.Min(grid, problem.Sinr(e));
            }
        var result = WorstCaseSinr.Solve(problem);
        Assert.True(result.Sinr <= grid * (1 + 1e-12));
        Assert.True(grid - result.Sinr <= 1e-4 * grid + 1e-12, $"grid {grid}, exact {result.Sinr}");
    }

    [Fact]
    public void Exact_SingleUserSingleCell_EqualsClosedForm()
    {
        var random = new DeterministicRandom(66);
        var (h, w) = SinrCases.Cbf(cells: 1, users: 1, ntx: 5, random);
        var problem = UserSinrProblem.ForUser(h, TransmitStreams.FromCbfPrecoders(w), new CsiErrorModel(CoordinationMode.Cbf, 0.15), 0, 0, 0.5);
        double amplitude = Math.Max(SinrCases.T(h.PerBs(0, 0, 0), w[0].Column(0)).Magnitude - 0.15 * w[0].Column(0).L2Norm(), 0);
        Assert.Equal(amplitude * amplitude / 0.5, WorstCaseSinr.Solve(problem).Sinr, Tolerances.Iterative);
    }

    [Fact]
    public void Exact_SignalThatCanBeNulled_IsZero()
    {
        var random = new DeterministicRandom(67);
        var (h, w) = SinrCases.Cbf(cells: 2, users: 2, ntx: 3, random);
        double delta = 10 * h.PerBs(0, 0, 0).L2Norm(); // the error can cancel the whole channel
        var problem = UserSinrProblem.ForUser(h, TransmitStreams.FromCbfPrecoders(w), new CsiErrorModel(CoordinationMode.Cbf, delta), 0, 0, 0.1);
        var result = WorstCaseSinr.Solve(problem);
        Assert.True(result.Sinr <= 1e-12 * problem.NominalSinr);
        Assert.Equal(result.Sinr, problem.Sinr(result.Error), 1e-12);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Report_OrdersTheBounds(CoordinationMode mode, ulong seed, double delta, double noise)
    {
        var random = new DeterministicRandom(seed + 100);
        foreach (var problem in Problems(mode, new CsiErrorModel(mode, delta), noise, random))
        {
            var report = RobustSinrReport.Analyze(problem);
            // Relative to the nominal SINR: a signal the error can cancel gives bounds at round-off level (~1e-17).
            Assert.True(report.Decoupled <= report.Exact.LowerBound + 1e-12 * report.Nominal, "decoupled bound must not exceed the exact worst case");
            Assert.True(report.Exact.Sinr <= report.Nominal * (1 + 1e-12));
            Assert.True(report.Proposition3 <= report.Nominal * (1 + 1e-12)); // nominal signal, larger denominator
        }
    }

    [Fact]
    public void Report_Proposition3IsOptimisticWhenTheSignalIsUncertain()
    {
        // With one user and no interference, eq. (22) keeps the nominal signal power: Proposition 3
        // promises the nominal SINR, the true worst case is lower (paper notes, erratum 4).
        var random = new DeterministicRandom(68);
        var (h, w) = SinrCases.Cbf(cells: 1, users: 1, ntx: 4, random);
        var problem = UserSinrProblem.ForUser(h, TransmitStreams.FromCbfPrecoders(w), new CsiErrorModel(CoordinationMode.Cbf, 0.2), 0, 0, 1.0);
        var report = RobustSinrReport.Analyze(problem);
        Assert.Equal(report.Nominal, report.Proposition3, 12);
        Assert.True(report.Proposition3IsOptimistic);
    }

    private static IEnumerable<UserSinrProblem> Problems(CoordinationMode mode, CsiErrorModel errors, double noise, DeterministicRandom random)
    {
        if (mode == CoordinationMode.Cbf)
        {
            var (h, w) = SinrCases.Cbf(cells: 2, users: 3, ntx: 4, random);
            var streams = TransmitStreams.FromCbfPrecoders(w);
            for (int m = 0; m < 2; m++)
                for (int k = 0; k < 3; k++)
                    yield return UserSinrProblem.ForUser(h, streams, errors, m, k, noise);
        }
        else
        {
            var (h, w) = SinrCases.Comp(cells: 2, users: 2, ntx: 3, random);
            var streams = TransmitStreams.FromCompPrecoder(w, 2);
            for (int m = 0; m < 2; m++)
                for (int k = 0; k < 2; k++)
                    yield return UserSinrProblem.ForUser(h, streams, errors, m, k, noise);
        }
    }
}
