using Isac.Network.Reproduction;
using Isac.Network.Tests.Simulation;

namespace Isac.Network.Tests.Reproduction;

public class PaperBFiguresTests
{
    [Fact]
    public void Figure5_TracesTheRequestedIterations()
    {
        var rows = PaperBFigures.Figure5(NetworkSimulatorTests.Small(), 1, iterations: 5);
        Assert.Equal(Enumerable.Range(0, 6), rows.Select(r => r.Iteration));
        Assert.All(rows, r => Assert.Equal("dualopt", r.Algorithm));
    }

    [Fact]
    public void Figure6And8And9_HaveOneRowPerCurveAndEpoch()
    {
        var s = NetworkSimulatorTests.Small();
        Assert.Equal(5 * 2, PaperBFigures.Figure6(s, 1, epochs: 2).Count);
        Assert.Equal(3 * 2, PaperBFigures.Figure8(s, 1, epochs: 2).Count);
        var f9 = PaperBFigures.Figure9(s, 1, usersPerCell: [2, 3], epochs: 2);
        Assert.Equal(2 * 2 * 2, f9.Count);
        Assert.Equal(["salinr", "slinr"], f9.Select(r => r.Beamforming).Distinct().Order());
    }

    [Fact]
    public void Figure7_OneRowPerThreshold()
    {
        var rows = PaperBFigures.Figure7(NetworkSimulatorTests.Small(), 1, [0.1, 10], epochs: 2);
        Assert.Equal([0.1, 10], rows.Select(r => r.SensingThreshold));
    }

    [Fact]
    public void Table1_ReportsPositiveTimesForEachSize()
    {
        var rows = PaperBFigures.Table1(NetworkSimulatorTests.Small(), 1, [3, 6], epochs: 1);
        Assert.Equal([3, 6], rows.Select(r => r.ScheduledUsers));
        Assert.All(rows, r => Assert.True(r.SecondsPerBsEpoch > 0));
    }
}
