using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Physics;
using Isac.Physics.Sinr;
using Isac.Physics.Uncertainty;
using Isac.Precoding.Design;
using Isac.Precoding.Recovery;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Tests.Recovery;

public class BeamformerRecoveryTests
{
    [Fact]
    public void FittedPowers_WithoutErrors_MeetEverySinrTargetExactly()
    {
        var network = TestNetworks.Small.Build(3);
        var directions = RandomComp(network, new DeterministicRandom(5));
        var gamma = Enumerable.Repeat(Math.Pow(10, 0.5), network.Users).ToArray();

        var p = BeamformerRecovery.FitPowers(network, CoordinationMode.Comp, directions, gamma, 0, exact: false);

        Assert.NotNull(p);
        var beams = directions.Select((d, u) => d * Math.Sqrt(p![u])).ToArray();
        var sinr = BlockSinr.All(network.Channels, TransmitStreams.FromCompPrecoder(Stack(beams), network.Cells), CoordinationMode.Comp, network.CommNoiseVariance);
        // Least powers: every constraint active (the linear system (diag(a) − γB)p = γσ²1).
        Assert.All(sinr, s => Assert.Equal(gamma[0], s, 1e-9 * gamma[0]));
    }

    [Fact]
    public void FittedPowers_ExactModel_GuaranteeTheWorstCaseSinr()
    {
        var network = TestNetworks.Small.Build(3);
        var directions = RandomComp(network, new DeterministicRandom(8));
        var gamma = Enumerable.Repeat(2.0, network.Users).ToArray();
        double radius = Math.Sqrt(2) * 0.02;

        var p = BeamformerRecovery.FitPowers(network, CoordinationMode.Comp, directions, gamma, radius, exact: true);

        Assert.NotNull(p);
        var streams = TransmitStreams.FromCompPrecoder(Stack(directions.Select((d, u) => d * Math.Sqrt(p![u])).ToArray()), network.Cells);
        for (int m = 0; m < network.Cells; m++)
            for (int k = 0; k < network.UsersPerCell; k++)
            {
                var problem = UserSinrProblem.ForUser(network.Channels, streams, new CsiErrorModel(CoordinationMode.Comp, 0.02), m, k, network.CommNoiseVariance);
                Assert.True(WorstCaseSinr.Solve(problem).LowerBound >= 2 * (1 - 1e-9));
            }
    }

    [Fact]
    public void UnreachableTargets_GiveNoPowers()
    {
        var network = TestNetworks.Small.Build(3);
        var directions = RandomComp(network, new DeterministicRandom(5));
        var gamma = Enumerable.Repeat(1e6, network.Users).ToArray();
        Assert.Null(BeamformerRecovery.FitPowers(network, CoordinationMode.Comp, directions, gamma, 0, exact: false));
    }

    [Fact]
    public void HighRankCovariances_AreRecoveredByCandidatesThatMeetTheTargets()
    {
        // Covariances of rank two on purpose: the eigenvector is not enough and the candidates must be fitted.
        var network = TestNetworks.Small.Build(3);
        var random = new DeterministicRandom(21);
        var streams = Enumerable.Range(0, network.Users).Select(_ =>
        {
            var x = Matrix<Complex>.Build.Dense(network.StackedDimension, 2, (_, _) => random.NextComplexGaussian(0.05));
            return x * x.ConjugateTranspose();
        }).ToArray();
        var gamma = Enumerable.Repeat(1.0, network.Users).ToArray();

        var outcome = BeamformerRecovery.Recover(network, CoordinationMode.Comp, streams, gamma, 0, false, new RecoverySettings(Randomizations: 16), new DeterministicRandom(1));

        Assert.NotNull(outcome.Beamformers);
        Assert.True(outcome.Report.LargestEigenvalueRatio > 1e-3);
        // The truncated eigenvectors (which miss a target here), the same directions with lifted powers, with fitted powers,
        // matched, zero-forcing, 16 draws.
        Assert.Equal(21, outcome.Report.CandidatesTried);
        var sinr = BlockSinr.All(network.Channels, TransmitStreams.FromCompPrecoder(Stack(outcome.Beamformers!), network.Cells), CoordinationMode.Comp, network.CommNoiseVariance);
        Assert.All(sinr, s => Assert.True(s >= 1 - 1e-9));
    }

    [Fact]
    public void RankOneUpToSolverAccuracy_LosesNoSensingInRecovery()
    {
        // W_k = p_k·w_kw_kᴴ + 3·10⁻⁶·p_k·(another direction): λ₂/λ₁ above the 10⁻⁶ rank-one tolerance, powers that put more
        // into one stream than the SINR targets need (as sensing does) and fill the larger BS budget. The principal
        // components at these powers are a candidate, so the transmitted RCRB is no worse than the relaxation's.
        var network = TestNetworks.Small.Build(3);
        var random = new DeterministicRandom(8);
        var directions = RandomComp(network, random);
        var gamma = Enumerable.Repeat(1.0, network.Users).ToArray();
        var fitted = BeamformerRecovery.FitPowers(network, CoordinationMode.Comp, directions, gamma, 0, false)!;
        var p = fitted.Select((x, u) => x * (u == 0 ? 3 : 1.2)).ToArray();
        int ntx = network.TransmitElements;
        double load = Enumerable.Range(0, network.Cells).Max(m => Enumerable.Range(0, network.Users)
            .Sum(u => p[u] * directions[u].SubVector(m * ntx, ntx).ConjugateDotProduct(directions[u].SubVector(m * ntx, ntx)).Real));
        var streams = directions.Select((d, u) =>
        {
            double pu = p[u] * network.TransmitPower / load * (1 - 1e-5);
            var other = Vector<Complex>.Build.Dense(d.Count, i => random.NextComplexGaussian());
            other -= d * d.ConjugateDotProduct(other);
            other /= other.L2Norm();
            return d.OuterProduct(d.Conjugate()) * pu + other.OuterProduct(other.Conjugate()) * (3e-6 * pu);
        }).ToArray();
        var relaxed = Isac.Precoding.Evaluation.SensingMetrics.RcrbDeg(network.Scene, CoordinationMode.Comp, streams.Aggregate((a, b) => a + b));

        var outcome = BeamformerRecovery.Recover(network, CoordinationMode.Comp, streams, gamma, 0, false, new RecoverySettings(Randomizations: 4), new DeterministicRandom(1));

        Assert.True(outcome.Report.LargestEigenvalueRatio > 1e-6);
        // Rank one up to 10⁻⁴ and the principal components meet the targets: they are taken without trying the others.
        Assert.Equal(("eigenvector-truncated", 1), (outcome.Report.Method, outcome.Report.CandidatesTried));
        var transmitted = outcome.Beamformers!.Select(w => w.OuterProduct(w.Conjugate())).Aggregate((a, b) => a + b);
        var achieved = Isac.Precoding.Evaluation.SensingMetrics.RcrbDeg(network.Scene, CoordinationMode.Comp, transmitted);
        Assert.True(achieved.Max() <= relaxed.Max() * (1 + 1e-4), $"{outcome.Report.Method}: {achieved.Max()} against the relaxation's {relaxed.Max()}");
    }

    [Fact]
    public void PrincipalComponentsMissingATarget_GetLiftedPowersThatKeepTheSensing()
    {
        // As above, but user 1's principal power is 10⁻⁴ short of its target (more than the 10⁻⁶ slack) and the budgets
        // have room: the lifted candidate adds the missing power and keeps every other stream's power, so the
        // transmitted RCRB stays at the relaxation's (BLP-CBF at Ntx = 128 lost half its sensing here to randomisation).
        var network = TestNetworks.Small.Build(3);
        var random = new DeterministicRandom(8);
        var directions = RandomComp(network, random);
        var gamma = Enumerable.Repeat(1.0, network.Users).ToArray();
        var fitted = BeamformerRecovery.FitPowers(network, CoordinationMode.Comp, directions, gamma, 0, false)!;
        var p = fitted.Select((x, u) => x * (u == 0 ? 1 - 1e-4 : 1.5)).ToArray();
        double load = Load(network, directions, p);
        double scale = 0.9 * network.TransmitPower / load;
        if (scale < 1) Assert.Fail($"the test's powers do not fit the budget ({load})");
        p = p.Select((x, u) => u == 0 ? x : x * scale).ToArray();
        var streams = directions.Select((d, u) =>
        {
            var other = Vector<Complex>.Build.Dense(d.Count, i => random.NextComplexGaussian());
            other -= d * d.ConjugateDotProduct(other);
            other /= other.L2Norm();
            return d.OuterProduct(d.Conjugate()) * p[u] + other.OuterProduct(other.Conjugate()) * (1e-3 * p[u]);
        }).ToArray();
        var relaxed = Isac.Precoding.Evaluation.SensingMetrics.RcrbDeg(network.Scene, CoordinationMode.Comp, streams.Aggregate((a, b) => a + b));

        var outcome = BeamformerRecovery.Recover(network, CoordinationMode.Comp, streams, gamma, 0, false, new RecoverySettings(Randomizations: 4), new DeterministicRandom(1));

        // Truncated (misses), lifted, rescaled, matched, zero-forcing and 4 draws: the lifted candidate is among them (another
        // one may still sense better than this made-up relaxation).
        Assert.Equal(4 + 5, outcome.Report.CandidatesTried);
        var sinr = BlockSinr.All(network.Channels, TransmitStreams.FromCompPrecoder(Stack(outcome.Beamformers!), network.Cells), CoordinationMode.Comp, network.CommNoiseVariance);
        Assert.All(sinr, s => Assert.True(s >= 1 - 1e-9, $"SINR {s}"));
        var transmitted = outcome.Beamformers!.Select(w => w.OuterProduct(w.Conjugate())).Aggregate((a, b) => a + b);
        var achieved = Isac.Precoding.Evaluation.SensingMetrics.RcrbDeg(network.Scene, CoordinationMode.Comp, transmitted);
        Assert.True(achieved.Max() <= relaxed.Max() * (1 + 2e-3), $"{achieved.Max()} against the relaxation's {relaxed.Max()}");
    }

    [Fact]
    public void LiftedPowers_BelowTheLeastPowers_AreTheLeastPowers()
    {
        // Every p with Ap ≥ c is ≥ A⁻¹c (A⁻¹ ≥ 0 for this M-matrix), so for a floor below the fitted least powers (user 1
        // short by 10⁻⁴, user 2 by half) the least element above it is the fitted powers themselves, and s = 1 fits.
        var network = TestNetworks.Small.Build(3);
        var directions = RandomComp(network, new DeterministicRandom(5));
        var gamma = Enumerable.Repeat(Math.Pow(10, 0.5), network.Users).ToArray();
        var fitted = BeamformerRecovery.FitPowers(network, CoordinationMode.Comp, directions, gamma, 0, false)!;
        Assert.True(Load(network, directions, fitted) < network.TransmitPower);
        var floor = fitted.Select((x, u) => x * (u == 0 ? 1 - 1e-4 : u == 1 ? 0.5 : 1)).ToArray();

        var p = BeamformerRecovery.LiftedPowers(network, CoordinationMode.Comp, directions, floor, gamma, 0, false)!;

        Assert.All(Enumerable.Range(0, p.Length), u => Assert.Equal(fitted[u], p[u], 1e-9 * fitted[u]));
    }

    [Fact]
    public void LiftedPowers_StopAtTheBudgetAndMeetEveryTarget()
    {
        // A floor twice what the budget allows: the largest s whose least powers fit puts the fullest BS at its budget.
        var network = TestNetworks.Small.Build(3);
        var directions = RandomComp(network, new DeterministicRandom(5));
        var gamma = Enumerable.Repeat(Math.Pow(10, 0.5), network.Users).ToArray();
        var fitted = BeamformerRecovery.FitPowers(network, CoordinationMode.Comp, directions, gamma, 0, false)!;
        double load = Load(network, directions, fitted);
        Assert.True(load < network.TransmitPower);
        var floor = fitted.Select((x, u) => x * (u + 1) * 4 * network.TransmitPower / load).ToArray();

        var p = BeamformerRecovery.LiftedPowers(network, CoordinationMode.Comp, directions, floor, gamma, 0, false);

        Assert.NotNull(p);
        Assert.InRange(Load(network, directions, p!), network.TransmitPower * (1 - 1e-6), network.TransmitPower * (1 + 1e-9));
        var beams = directions.Select((d, u) => d * Math.Sqrt(p![u])).ToArray();
        var sinr = BlockSinr.All(network.Channels, TransmitStreams.FromCompPrecoder(Stack(beams), network.Cells), CoordinationMode.Comp, network.CommNoiseVariance);
        Assert.All(sinr, s => Assert.True(s >= gamma[0] * (1 - 1e-9), $"SINR {s}"));
        // The profile is kept: p ≥ s·floor with one s for every user.
        double s = Enumerable.Range(0, p!.Length).Min(u => p[u] / floor[u]);
        Assert.True(s > 0 && s < 1);
    }

    [Fact]
    public void Spectra_InAnOrthonormalBasis_MatchThoseOnTheAntennas()
    {
        var network = TestNetworks.Small.Build(3);
        var random = new DeterministicRandom(4);
        int n = network.StackedDimension, d = n / 2;
        var basis = Matrix<Complex>.Build.Dense(n, d, (_, _) => random.NextComplexGaussian()).QR().Q.SubMatrix(0, n, 0, d);
        var streams = Enumerable.Range(0, network.Users).Select(_ =>
        {
            var x = Matrix<Complex>.Build.Dense(d, 2, (_, _) => random.NextComplexGaussian());
            return basis * (x * x.ConjugateTranspose()) * basis.ConjugateTranspose();
        }).ToArray();

        var full = StreamSpectra.Of(streams, null);
        var reduced = StreamSpectra.Of(streams, basis);

        Assert.Equal(full.LargestRatio, reduced.LargestRatio, 1e-10);
        Assert.Equal(n, reduced.FullDimension);
        var a = full.Principal();
        var b = reduced.Principal();
        for (int u = 0; u < streams.Length; u++)
        {
            Assert.Equal(d, reduced.Vectors[u].ColumnCount);
            Assert.True((a[u].OuterProduct(a[u].Conjugate()) - b[u].OuterProduct(b[u].Conjugate())).FrobeniusNorm() <= 1e-10 * streams[u].FrobeniusNorm());
        }
    }

    private static double Load(Isac.Precoding.Network.IsacNetwork network, Vector<Complex>[] directions, double[] p)
    {
        int ntx = network.TransmitElements;
        return Enumerable.Range(0, network.Cells).Max(m => Enumerable.Range(0, directions.Length)
            .Sum(u => p[u] * directions[u].SubVector(m * ntx, ntx).ConjugateDotProduct(directions[u].SubVector(m * ntx, ntx)).Real));
    }

    /// <summary>Zero-forcing directions (h_uᵀw_v = δ_uv) disturbed by noise, so that the interference is small but not zero.</summary>
    private static Vector<Complex>[] RandomComp(Isac.Precoding.Network.IsacNetwork network, DeterministicRandom random)
    {
        var h = Matrix<Complex>.Build.Dense(network.StackedDimension, network.Users, (i, u) => network.Channels.Stacked(u)[i]);
        var zf = h.Conjugate() * (h.Transpose() * h.Conjugate()).Inverse();
        return Enumerable.Range(0, network.Users).Select(u =>
        {
            var d = zf.Column(u);
            d += Vector<Complex>.Build.Dense(d.Count, _ => random.NextComplexGaussian(0.01 * d.L2Norm() * d.L2Norm()));
            return d / d.L2Norm();
        }).ToArray();
    }

    private static Matrix<Complex> Stack(Vector<Complex>[] beams) => Matrix<Complex>.Build.Dense(beams[0].Count, beams.Length, (i, u) => beams[u][i]);
}
