using Isac.Core.Numerics;
using Isac.Network.Geometry;
using Isac.Network.Simulation;

namespace Isac.Network.Tests.Simulation;

public class NetworkSimulatorTests
{
    /// <summary>A small network: 3 cells, 8 users each, 16 antennas, at most 4 scheduled.</summary>
    internal static PaperBScenario Small() => PaperBScenario.PaperB() with
    {
        UsersPerCell = 8,
        MaxScheduledPerCell = 4,
        Channel = new Isac.Network.Channels.ChannelSettings(TransmitAntennas: 16),
        Sensing = new Isac.Network.Sensing.SensingSettings(ReceiveAntennas: 16),
        Epochs = 3,
    };

    [Fact]
    public void Run_IsDeterministicForASeed()
    {
        var a = new NetworkSimulator(new NetworkEnvironment(Small(), 4)).Run(new RunOptions(Scheme.SdUscb, Epochs: 3));
        var b = new NetworkSimulator(new NetworkEnvironment(Small(), 4)).Run(new RunOptions(Scheme.SdUscb, Epochs: 3));
        Assert.Equal(a.Epochs.Select(e => e.AccumulatedPfr), b.Epochs.Select(e => e.AccumulatedPfr));
        Assert.Equal(a.Users.Select(u => u.Rate), b.Users.Select(u => u.Rate));
    }

    [Fact]
    public void AllSchemes_ScheduleTheSameUsersInTheFirstEpoch_AndAccountBackhaulByTheirFormula()
    {
        var sim = new NetworkSimulator(new NetworkEnvironment(Small(), 5));
        var runs = SchemeNames.All.ToDictionary(s => s, s => sim.Run(new RunOptions(s, Epochs: 1)));
        var first = runs.Values.Select(r => string.Join(",", r.Users.Where(u => u.Scheduled).Select(u => (u.Cell, u.User)))).Distinct();
        Assert.Single(first);
        int s = runs[Scheme.SdUscb].Epochs[0].ScheduledUsers;
        Assert.Equal(2L * 32 * 2 * s, runs[Scheme.SdUscb].Epochs[0].BackhaulBits);          // 2 reals × 32 bits × (L−1) × |S|
        Assert.Equal(2L * 32 * 16 * 2 * s, runs[Scheme.SalinrPerfect].Epochs[0].BackhaulBits); // N_t complex × (L−1) × |S|
        Assert.Equal(2L * 32 * 16 * 4 * s, runs[Scheme.Cwmmse].Epochs[0].BackhaulBits);        // N_t complex × (L+1) × |S|
        Assert.Equal(0, runs[Scheme.Pwmmse].Epochs[0].BackhaulBits);
    }

    [Fact]
    public void Run_ForcesStarvedUsers_SoEveryUserIsServedWithinTsEpochs()
    {
        // T_s = 3: no user may go three epochs in a row without service (forced users fit: 8 users, 4 slots).
        var r = new NetworkSimulator(new NetworkEnvironment(Small() with { StarvationEpochs = 3 }, 6)).Run(new RunOptions(Scheme.SalinrPerfect, Epochs: 6));
        foreach (var g in r.Users.GroupBy(u => (u.Cell, u.User)))
        {
            var served = g.OrderBy(u => u.Epoch).Select(u => u.Scheduled).ToArray();
            for (int n = 0; n + 3 <= served.Length; n++) Assert.Contains(true, served.Skip(n).Take(3));
        }
    }

    [Theory]
    [InlineData(Scheme.Cwmmse)]
    [InlineData(Scheme.Pwmmse)]
    [InlineData(Scheme.SdUscb)]
    [InlineData(Scheme.SalinrPerfect)]
    public void Run_EveryBsTransmitsWithinItsPowerBudget(Scheme scheme)
    {
        var sc = Small();
        var beams = new BeamRecorder();
        var r = new NetworkSimulator(new NetworkEnvironment(sc, 7)).Run(new RunOptions(scheme, Epochs: 2), default, beams);
        Assert.Equal(2 * sc.Layout.Cells, beams.PowerPerBsEpoch.Count);
        Assert.All(beams.PowerPerBsEpoch, p => Assert.True(p <= sc.PowerWatts * (1 + 1e-9), $"Σ‖v‖² = {p} W > P = {sc.PowerWatts} W"));
        Assert.Contains(beams.PowerPerBsEpoch, p => p > 0.5 * sc.PowerWatts); // and the budget is used, not just respected
        Assert.All(r.Users, u => Assert.True(u.Rate >= 0 && double.IsFinite(u.Rate)));
    }

    private sealed class BeamRecorder : ISimulationObserver
    {
        public List<double> PowerPerBsEpoch { get; } = [];

        public void Transmitted(int epoch, IReadOnlyList<int[]> scheduled, System.Numerics.Complex[][][] beams)
        {
            for (int l = 0; l < beams.Length; l++)
            {
                Assert.Equal(scheduled[l].Length, beams[l].Length);
                PowerPerBsEpoch.Add(beams[l].Sum(v => Isac.Core.Numerics.ComplexVectors.NormSquared(v)));
            }
        }
    }

    [Fact]
    public void PfWeights_UseTheAverageRateThroughEpochNMinus1_AsProblem8aStates()
    {
        // Eq. (8a): epoch n's problem is weighted by 1/R̂_{n−1}, "known in the n-th epoch".
        var sc = Small();
        var r = new NetworkSimulator(new NetworkEnvironment(sc, 8)).Run(new RunOptions(Scheme.SalinrPerfect, Epochs: 3));
        var byUser = r.Users.GroupBy(u => (u.Cell, u.User)).Select(g => g.OrderBy(u => u.Epoch).ToArray());
        foreach (var u in byUser)
        {
            Assert.Equal(1 / sc.RateFloor, u[0].PfWeight, 12);                                        // epoch 1: no history
            Assert.Equal(1 / Math.Max(u[0].Rate, sc.RateFloor), u[1].PfWeight, 9);                     // epoch 2: R̂_1 = R_1
            Assert.Equal(1 / Math.Max((u[0].Rate + u[1].Rate) / 2, sc.RateFloor), u[2].PfWeight, 9);   // epoch 3: R̂_2
        }
    }

    [Fact]
    public void PfWeights_WithLagTwo_UseTheAverageRateThroughEpochNMinus2()
    {
        // The strict reading of Fig. 3: the schedule for epoch n is made before epoch n − 1 ends, with R̂_{n−2}.
        var sc = Small() with { PfWeightLag = 2 };
        var r = new NetworkSimulator(new NetworkEnvironment(sc, 8)).Run(new RunOptions(Scheme.SalinrPerfect, Epochs: 4));
        var byUser = r.Users.GroupBy(u => (u.Cell, u.User)).Select(g => g.OrderBy(u => u.Epoch).ToArray());
        foreach (var u in byUser)
        {
            Assert.Equal(1 / sc.RateFloor, u[0].PfWeight, 12);                          // epoch 1: no history
            Assert.Equal(1 / sc.RateFloor, u[1].PfWeight, 12);                          // epoch 2: R̂_0, still none
            Assert.Equal(1 / Math.Max(u[0].Rate, sc.RateFloor), u[2].PfWeight, 9);       // epoch 3: R̂_1 = R_1
            Assert.Equal(1 / Math.Max((u[0].Rate + u[1].Rate) / 2, sc.RateFloor), u[3].PfWeight, 9); // epoch 4: R̂_2
        }
    }

    [Fact]
    public void FixedUsers_AreUsedAsGiven()
    {
        var positions = new IReadOnlyList<Point2>[] { [new(40, 10)], [new(150, 30)], [new(90, 120)] };
        var env = new NetworkEnvironment(Small() with { UserPositions = positions }, 1);
        Assert.Equal(new Point2(40, 10), env.UsersAt(1)[0][0].Position);
        Assert.Single(env.UsersAt(1)[2]);
    }

    /// <summary>A small standard network: 7 sites × 1 sector, ISD 100 m, wrap-around, 38.901 UMi, 16 antennas, 6 users, 3 scheduled.</summary>
    internal static PaperBScenario SmallHex() => PaperBScenario.PaperB() with
    {
        Layout = NetworkLayout.Hexagonal(7, 1, 100, wraparound: true),
        UsersPerCell = 6,
        MaxScheduledPerCell = 3,
        Channel = new Isac.Network.Channels.ChannelSettings(TransmitAntennas: 16, Model: Isac.Network.Channels.ChannelModelKind.Tr38901Umi),
        Sensing = new Isac.Network.Sensing.SensingSettings(ReceiveAntennas: 16),
        Ckm = new Isac.Network.Ckm.CkmSettings(Spacing: 2),
        NoisePowerDbm = -85,
        Epochs = 2,
    };

    [Theory]
    [InlineData(Scheme.SdUscb)]
    [InlineData(Scheme.SalinrPerfect)]
    [InlineData(Scheme.Cwmmse)]
    public void HexagonalUmiNetwork_Runs_AndDoesNotDependOnTheThreadCount(Scheme scheme)
    {
        var sc = SmallHex();
        var one = new NetworkSimulator(new NetworkEnvironment(sc, 3)).Run(new RunOptions(scheme, Epochs: 2, MaxParallelism: 1));
        var two = new NetworkSimulator(new NetworkEnvironment(sc, 3)).Run(new RunOptions(scheme, Epochs: 2, MaxParallelism: 2));
        Assert.Equal(one.Users.Select(u => u.Rate), two.Users.Select(u => u.Rate));
        Assert.All(one.Users, u => Assert.True(double.IsFinite(u.Rate) && u.Rate >= 0));
        Assert.Contains(one.Users, u => u.Rate > 0.1);
        Assert.All(one.Epochs, e => Assert.True(e.Timing.Total > 0 && e.ChannelLinks > 0));
    }

    [Fact]
    public void HexagonalNetwork_ExchangesLocationsWithTheNeighboursOnly()
    {
        // ISD 100 m, coordination within one ISD: every BS of the wrapped 7-site grid has 6 neighbours.
        var sc = SmallHex();
        var r = new NetworkSimulator(new NetworkEnvironment(sc, 4)).Run(new RunOptions(Scheme.SdUscb, Epochs: 1));
        Assert.All(Enumerable.Range(0, 7), c => Assert.Equal(6, sc.Layout.Neighbours(c).Count));
        Assert.Equal(2L * 32 * 6 * r.Epochs[0].ScheduledUsers, r.Epochs[0].BackhaulBits); // 2 reals × 32 bits × |N(ℓ)| × |S_ℓ|
        var problems = new ProblemCounter();
        new NetworkSimulator(new NetworkEnvironment(sc, 4)).Run(new RunOptions(Scheme.SdUscb, Epochs: 1), default, problems);
        Assert.All(problems.LeakageCounts, c => Assert.Equal(6 * 3, c)); // the neighbours' 3 scheduled users each
    }

    private sealed class ProblemCounter : ISimulationObserver
    {
        public List<int> LeakageCounts { get; } = [];

        public void BeamformingSolved(int epoch, int bs, Isac.Network.Beamforming.LocalBeamformingProblem problem, Isac.Network.Beamforming.BeamformingResult result) =>
            LeakageCounts.Add(problem.LeakageChannels.Count);
    }
}
