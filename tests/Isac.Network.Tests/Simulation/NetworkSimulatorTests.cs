using Isac.Network.Geometry;
using Isac.Network.Simulation;

namespace Isac.Network.Tests.Simulation;

public class NetworkSimulatorTests
{
    /// <summary>A small network: 3 cells, 8 users each, 16 antennas, at most 4 scheduled.</summary>
    internal static Scenario Small() => Scenario.PaperB() with
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

    [Fact]
    public void Run_BeamsRespectThePowerBudget_ThroughTheRates()
    {
        // Sanity of the whole chain: rates are finite and non-negative, accumulated PFR is finite.
        var r = new NetworkSimulator(new NetworkEnvironment(Small(), 7)).Run(new RunOptions(Scheme.Cwmmse, Epochs: 2));
        Assert.All(r.Users, u => Assert.True(u.Rate >= 0 && double.IsFinite(u.Rate)));
        Assert.All(r.Epochs, e => Assert.True(double.IsFinite(e.AccumulatedPfr)));
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
}
