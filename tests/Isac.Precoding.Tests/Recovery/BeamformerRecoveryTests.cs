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
        Assert.Equal(20, outcome.Report.CandidatesTried); // the truncated eigenvectors, eigenvectors with fitted powers, matched, zero-forcing, 16 draws
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
