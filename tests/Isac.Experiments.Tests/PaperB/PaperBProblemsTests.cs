using Isac.Experiments.PaperB;
using Isac.Network.Beamforming;
using Isac.Network.Simulation;

namespace Isac.Experiments.Tests.PaperB;

public class PaperBProblemsTests
{
    /// <summary>A small network: 3 cells, 8 users each, 16 antennas, at most 4 scheduled.</summary>
    private static PaperBScenario Small() => PaperBScenario.PaperB() with
    {
        UsersPerCell = 8,
        MaxScheduledPerCell = 4,
        Channel = new Isac.Network.Channels.ChannelSettings(TransmitAntennas: 16),
        Sensing = new Isac.Network.Sensing.SensingSettings(ReceiveAntennas: 16),
        Epochs = 3,
    };

    [Fact]
    public void EpochProblem_SchedulesExactlyTheRequestedUsersPerCell()
    {
        var sim = new NetworkSimulator(new NetworkEnvironment(Small(), 1));
        var p = PaperBProblems.EpochProblem(sim, Scheme.SdUscb, 1, 3, 1);
        Assert.Equal(3, p.Users);
        Assert.Equal(2 * 3, p.LeakageChannels.Count);
        Assert.NotNull(p.Sensing);
    }

    [Theory]
    [InlineData("dualopt")]
    [InlineData("sdr")]
    public void RunAllBs_TracesTheRequestedIterationsAtEveryBs(string algorithm)
    {
        // FP tolerance 0: every BS runs exactly 4 iterations (trace = start + 4), as Fig. 5 plots them
        var sc = Small();
        var sim = new NetworkSimulator(new NetworkEnvironment(sc, 1));
        var runs = PaperBProblems.RunAllBs(sim, PaperBProblems.Beamformer(algorithm, sc, new FractionalProgrammingSettings(4, 0)), 2);
        Assert.Equal([0, 1, 2], runs.Select(r => r.Bs));
        Assert.All(runs, r => Assert.Null(r.Failure));
        Assert.All(runs, r => Assert.Equal(5, r.Trace.Count));
        Assert.All(runs, r => Assert.True(r.Seconds > 0 && r.VirtualPfr > 0));
    }

    [Fact]
    public void Beamformer_UnknownName_IsAnInputError()
    {
        var e = Assert.Throws<Isac.Core.IsacInputException>(() => PaperBProblems.Beamformer("cvx", PaperBScenario.PaperB()));
        Assert.Contains("dualopt, sdr", e.Message);
    }
}
