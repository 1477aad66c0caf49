using Isac.Physics;
using Isac.Physics.Sinr;
using Isac.Physics.Uncertainty;
using Isac.Precoding.Design;

namespace Isac.Precoding.Tests.Design;

public class RobustPrecoderTests
{
    public static TheoryData<PrecodingScheme> AllSchemes => new() { PrecodingScheme.BlpCbf, PrecodingScheme.BlpComp, PrecodingScheme.SlpCbf, PrecodingScheme.SlpComp };

    [Theory]
    [MemberData(nameof(AllSchemes))]
    public void ZeroDelta_WorstCaseEqualsNominal(PrecodingScheme scheme)
    {
        // δ = 0: the robust design is the nominal one and the error ball is a point.
        var result = RobustPrecoder.Design(TestNetworks.Small.Build(11), TestNetworks.Settings(scheme, 10));

        Assert.Equal(DesignStatus.Solved, result.Status);
        for (int u = 0; u < result.UserSinrDb.Length; u++) Assert.Equal(result.UserSinrDb[u], result.UserWorstCaseSinrDb[u], Tolerances.ClosedForm);
        Assert.True(result.MinSinrDb >= 10 - Tolerances.ConstraintDb, $"min SINR {result.MinSinrDb} dB");
        Assert.All(result.RcrbDeg, r => Assert.True(double.IsFinite(r) && r > 0));
    }

    [Theory]
    [InlineData(PrecodingScheme.BlpCbf)]
    [InlineData(PrecodingScheme.BlpComp)]
    public void RankOneRelaxation_RecoveredBeamformersMeetTheSinrTarget(PrecodingScheme scheme)
    {
        var result = RobustPrecoder.Design(TestNetworks.Small.Build(11), TestNetworks.Settings(scheme, 12));

        Assert.Equal(DesignStatus.Solved, result.Status);
        Assert.Equal("eigenvector", result.Recovery!.Method);
        Assert.True(result.MinSinrDb >= 12 - Tolerances.ConstraintDb);
        // Tight relaxation: the transmitted beamformers achieve the relaxation's CRB.
        for (int m = 0; m < 2; m++) Assert.Equal(1, result.RcrbDeg[m] / result.RelaxationRcrbDeg[m], Tolerances.Optimum);
    }

    [Theory]
    [InlineData(PrecodingScheme.BlpCbf)]
    [InlineData(PrecodingScheme.BlpComp)]
    public void ExactRobustDesign_WorstCaseSinrMeetsTheThreshold(PrecodingScheme scheme)
    {
        var network = TestNetworks.Small.Build(11);
        var result = RobustPrecoder.Design(network, TestNetworks.Settings(scheme, 10, 0.02, RobustnessModel.Exact));

        Assert.Equal(DesignStatus.Solved, result.Status);
        // Recomputed here from the precoders with the physics core's exact worst case, independently of the result's fields.
        var mode = scheme.Mode();
        var streams = mode == CoordinationMode.Cbf ? TransmitStreams.FromCbfPrecoders(result.Precoders) : TransmitStreams.FromCompPrecoder(result.Precoders[0], 2);
        for (int m = 0; m < 2; m++)
            for (int k = 0; k < 2; k++)
            {
                var problem = UserSinrProblem.ForUser(network.Channels, streams, new CsiErrorModel(mode, 0.02), m, k, network.CommNoiseVariance);
                double worstDb = 10 * Math.Log10(WorstCaseSinr.Solve(problem).LowerBound);
                Assert.True(worstDb >= 10 - Tolerances.ConstraintDb, $"user {m}{k}: worst case {worstDb} dB");
            }
    }

    [Fact]
    public void PaperModel_MeetsItsOwnProposition3Bound()
    {
        var result = RobustPrecoder.Design(TestNetworks.Small.Build(11), TestNetworks.Settings(PrecodingScheme.BlpComp, 10, 0.02));

        Assert.Equal(DesignStatus.Solved, result.Status);
        Assert.True(result.Proposition3MinSinrDb >= 10 - Tolerances.ConstraintDb);
    }

    [Fact]
    public void ExactModel_TinyDelta_ApproachesTheNominalDesign()
    {
        // The S-lemma LMI at ρ → 0 must reduce to the nominal SINR constraint (used directly at ρ = 0).
        var network = TestNetworks.Small.Build(11);
        var nominal = RobustPrecoder.Design(network, TestNetworks.Settings(PrecodingScheme.BlpComp, 10, 0, RobustnessModel.Exact));
        var tiny = RobustPrecoder.Design(network, TestNetworks.Settings(PrecodingScheme.BlpComp, 10, 1e-6, RobustnessModel.Exact));

        Assert.Equal(DesignStatus.Solved, tiny.Status);
        Assert.Equal(1, tiny.RelaxationRcrbDeg.Max() / nominal.RelaxationRcrbDeg.Max(), 1e-3);
    }

    [Theory]
    [MemberData(nameof(AllSchemes))]
    public void UnreachableGamma_IsAnInfeasibleResultWithoutPrecoders(PrecodingScheme scheme)
    {
        var result = RobustPrecoder.Design(TestNetworks.Tiny.Build(2), TestNetworks.Settings(scheme, 70));

        Assert.Equal(DesignStatus.Infeasible, result.Status);
        Assert.Equal(1, result.FailedIteration);
        Assert.Empty(result.Precoders);
        Assert.True(double.IsNaN(result.MinSinrDb));
        Assert.Contains("infeasible", result.Message);
    }

    [Theory]
    [InlineData(PrecodingScheme.SlpComp)]
    [InlineData(PrecodingScheme.SlpCbf)]
    public void SymbolRefinement_ImprovesOnTheRelaxationsOwnSymbols(PrecodingScheme scheme)
    {
        var result = RobustPrecoder.Design(TestNetworks.Small.Build(11), TestNetworks.Settings(scheme, 10));

        Assert.Equal(DesignStatus.Solved, result.Status);
        var refinement = result.Refinement!;
        Assert.True(refinement.Steps >= 1);
        Assert.True(result.MaxRcrbDeg <= refinement.UnrefinedRcrbDeg.Max());
        if (scheme == PrecodingScheme.SlpComp)
        {
            // CoMP: the relaxation is a lower bound of what any symbols meeting the same constraints achieve.
            Assert.True(result.MaxRelaxationRcrbDeg <= result.MaxRcrbDeg * (1 + Tolerances.Optimum));
            // Each step can only improve: R ⪯ linearised (1/L)XXᴴ keeps the previous symbols feasible.
            var steps = refinement.RcrbDegByStep.Select(s => s.Max()).ToArray();
            for (int i = 1; i < steps.Length; i++) Assert.True(steps[i] <= steps[i - 1] * (1 + Tolerances.Optimum));
        }
    }

    [Fact]
    public void SlpCbfRefinement_BestCaps_KeepsTheBetterOfBothRuns()
    {
        var network = TestNetworks.Small.Build(11);
        var settings = TestNetworks.Settings(PrecodingScheme.SlpCbf, 10) with { Delta = 0.01 };
        RefinementSettings With(RefinementCaps caps) => settings.Refinement with { Caps = caps };
        var algorithm = RobustPrecoder.Design(network, settings with { Refinement = With(RefinementCaps.Algorithm) });
        var limits = RobustPrecoder.Design(network, settings with { Refinement = With(RefinementCaps.Limits) });
        var best = RobustPrecoder.Design(network, settings with { Refinement = With(RefinementCaps.Best) });

        Assert.All(new[] { algorithm, limits, best }, r => Assert.Equal(DesignStatus.Solved, r.Status));
        Assert.Equal("algorithm", algorithm.Refinement!.Caps);
        Assert.Equal("limits", limits.Refinement!.Caps);
        // The two runs differ on this network, so the choice below is a real one.
        Assert.True(Math.Abs(limits.MaxRcrbDeg - algorithm.MaxRcrbDeg) > 1e-3 * algorithm.MaxRcrbDeg);
        var winner = limits.MaxRcrbDeg <= algorithm.MaxRcrbDeg ? limits : algorithm;
        Assert.Equal(winner.Refinement!.Caps, best.Refinement!.Caps);
        // The transmitted frame is the winner's, evaluated from its symbols (same channels, same start).
        Assert.Equal(winner.MaxRcrbDeg, best.MaxRcrbDeg, 1e-9 * winner.MaxRcrbDeg);
        Assert.Equal(winner.Refinement.FinalRcrbDeg.Max(), best.MaxRcrbDeg, 1e-9 * best.MaxRcrbDeg);
        // Either caps keep the robust SINR guarantee: the exact worst case over the error ball meets γ.
        Assert.All(new[] { algorithm, limits, best }, r => Assert.True(r.WorstCaseMinSinrDb >= 10 - Tolerances.ConstraintDb));
    }

    [Fact]
    public void RankReduction_MovesANonUniqueRelaxedOptimumToRankOne()
    {
        // Paper A's Fig. 6 network (Ntx = Nrx = 6, L = 12), channel draw 2 of seed 1, exact-robust BLP-CoMP at
        // γ = 0 dB, δ = 0.01: the interior-point optimum lies inside a non-unique optimal face and is not rank one.
        var spec = new Isac.Precoding.Network.NetworkSpec { TransmitElements = 6, ReceiveElements = 6, FrameLength = 12 };
        var network = spec.Build(Isac.Core.Random.DeterministicRandom.Derive(1UL, [2L]));
        var settings = TestNetworks.Settings(PrecodingScheme.BlpComp, 0, 0.01, RobustnessModel.Exact);
        var plain = RobustPrecoder.Design(network, settings with { Recovery = settings.Recovery with { RankReduction = 0 } });
        var reduced = RobustPrecoder.Design(network, settings);

        Assert.Equal(DesignStatus.Solved, plain.Status);
        Assert.Equal(DesignStatus.Solved, reduced.Status);
        Assert.True(plain.Recovery!.LargestEigenvalueRatio > settings.Recovery.RankOneTolerance);
        // The least-power point of the optimal set is rank one: the relaxation is transmitted as it is.
        Assert.Equal("eigenvector", reduced.Recovery!.Method);
        Assert.Equal(reduced.MaxRelaxationRcrbDeg, reduced.MaxRcrbDeg, 1e-6 * reduced.MaxRcrbDeg);
        // ... at the relaxation's optimum (CRB within the 1e-5 tolerance, RCRB within half of it) ...
        Assert.True(reduced.MaxRelaxationRcrbDeg <= plain.MaxRelaxationRcrbDeg * (1 + 1e-5));
        // ... where recovery from the first optimum had to give away sensing.
        Assert.True(reduced.MaxRcrbDeg < plain.MaxRcrbDeg);
        Assert.True(reduced.WorstCaseMinSinrDb >= -Tolerances.ConstraintDb);
        Assert.Contains(reduced.Solves, r => r.Problem == "P2.A-rank");
    }

    [Fact]
    public void IntermediateRho_UsesTheNormalisationFactorsAndTradesCrbForSinr()
    {
        var network = TestNetworks.Tiny.Build(2);
        var sensing = RobustPrecoder.Design(network, TestNetworks.Settings(PrecodingScheme.BlpComp, 5));
        var half = RobustPrecoder.Design(network, TestNetworks.Settings(PrecodingScheme.BlpComp, 5) with { Rho = 0.5 });

        Assert.Equal(DesignStatus.Solved, half.Status);
        var factor = Assert.Single(half.NormalizationFactors);
        Assert.Equal(Math.Pow(sensing.MaxRelaxationRcrbDeg * Math.PI / 180, 2), factor.Rcrb, 1e-3 * factor.Rcrb);
        Assert.True(half.DesignGammaDb >= 5 - Tolerances.ConstraintDb);
        Assert.True(half.MaxRelaxationRcrbDeg >= sensing.MaxRelaxationRcrbDeg * (1 - Tolerances.Optimum));
        Assert.True(10 * Math.Log10(factor.Gamma) >= half.DesignGammaDb - Tolerances.ConstraintDb);
    }

    [Fact]
    public void SameSeeds_GiveIdenticalResults()
    {
        var settings = TestNetworks.Settings(PrecodingScheme.SlpCbf, 8);
        var a = RobustPrecoder.Design(TestNetworks.Tiny.Build(4), settings);
        var b = RobustPrecoder.Design(TestNetworks.Tiny.Build(4), settings);
        Assert.Equal(a.RcrbDeg, b.RcrbDeg);
        Assert.Equal(a.Precoders[0], b.Precoders[0]);
    }

    [Fact]
    public void InvalidSettings_AreRefusedBeforeAnySolve()
    {
        var network = TestNetworks.Tiny.Build(2);
        Assert.Throws<ArgumentOutOfRangeException>(() => RobustPrecoder.Design(network, TestNetworks.Settings(PrecodingScheme.BlpCbf, 5, -0.1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => RobustPrecoder.Design(network, TestNetworks.Settings(PrecodingScheme.BlpCbf, 5) with { Rho = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => RobustPrecoder.Design(network, TestNetworks.Settings(PrecodingScheme.BlpCbf, double.NaN)));
    }
}
