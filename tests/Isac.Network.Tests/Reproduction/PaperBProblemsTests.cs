using Isac.Network.Beamforming;
using Isac.Network.Reproduction;
using Isac.Network.Simulation;
using Isac.Network.Tests.Simulation;

namespace Isac.Network.Tests.Reproduction;

public class PaperBProblemsTests
{
    [Fact]
    public void EpochProblem_SchedulesExactlyTheRequestedUsersPerCell()
    {
        var sim = new NetworkSimulator(new NetworkEnvironment(NetworkSimulatorTests.Small(), 1));
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
        var sc = NetworkSimulatorTests.Small();
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
        var e = Assert.Throws<Isac.Core.IsacInputException>(() => PaperBProblems.Beamformer("cvx", Scenario.PaperB()));
        Assert.Contains("dualopt, sdr", e.Message);
    }
}
