using Isac.Experiments.Definitions;
using Isac.Experiments.Scenarios;
using Isac.Experiments.Sweeps;
using Isac.Experiments.Tests.Support;

namespace Isac.Experiments.Tests.Sweeps;

public class SweepGridTests
{
    [Fact]
    public void Count_IsProductOfAxesTimesDraws()
    {
        var s = TestCatalog.Noise();
        Assert.Equal(3 * 2 * 3 * 4, s.Grid.Count);
    }

    [Fact]
    public void Points_FirstAxisSlowestDrawFastest()
    {
        var g = TestCatalog.Noise().Grid;
        Assert.Equal("size=1,mode=x,level_db=-3.5,draw=0", g.Point(0).Key);
        Assert.Equal("size=1,mode=x,level_db=-3.5,draw=1", g.Point(1).Key);
        Assert.Equal("size=1,mode=x,level_db=0,draw=0", g.Point(4).Key);
        Assert.Equal("size=3,mode=y,level_db=2.25,draw=3", g.Point(g.Count - 1).Key);
        Assert.Equal(g.Count, g.Points().Select(p => p.Key).Distinct().Count());
    }

    [Fact]
    public void PointSeed_DependsOnCoordinatesNotOnPosition()
    {
        // Given the same point in two grids where it has different indices
        var small = TestCatalog.Noise(""", "sweep": { "size": [2], "mode": ["y"], "level_db": [0] }""").Grid;
        var large = TestCatalog.Noise().Grid;
        var a = small.Points().Single(p => p.Key == "size=2,mode=y,level_db=0,draw=3");
        var b = large.Points().Single(p => p.Key == "size=2,mode=y,level_db=0,draw=3");
        // Then its seeds are the same
        Assert.NotEqual(a.Index, b.Index);
        Assert.Equal(a.PointSeed, b.PointSeed);
        Assert.Equal(a.DrawSeed, b.DrawSeed);
    }

    [Fact]
    public void DrawSeed_IsSharedByEveryPointOfADraw_PointSeedIsNot()
    {
        var g = TestCatalog.Noise().Grid;
        var draw2 = g.Points().Where(p => p.Draw == 2).ToList();
        Assert.Single(draw2.Select(p => p.DrawSeed).Distinct());
        Assert.Equal(draw2.Count, draw2.Select(p => p.PointSeed).Distinct().Count());
        Assert.NotEqual(g.Point(0).DrawSeed, g.Point(1).DrawSeed);
    }

    [Fact]
    public void Seeds_ChangeWithTheSweepSeed()
    {
        var a = TestCatalog.Noise(seed: 7).Grid.Point(5);
        var b = TestCatalog.Noise(seed: 8).Grid.Point(5);
        Assert.NotEqual(a.PointSeed, b.PointSeed);
        Assert.NotEqual(a.DrawSeed, b.DrawSeed);
    }

    [Fact]
    public void PointAccessors_ReturnTypedValues()
    {
        var p = TestCatalog.Noise().Grid.Point(4 * 3 * 2 * 2 + 4 + 2); // size=3, mode=x, level_db=0, draw=2
        Assert.Equal(3, p.Int("size"));
        Assert.Equal("x", p.Text("mode"));
        Assert.Equal(0.0, p.Real("level_db"));
        Assert.Equal(2, p.Draw);
        Assert.Throws<KeyNotFoundException>(() => p["nope"]);
    }

    [Fact]
    public void BuiltIn_UsesTheDeclaredQuickAndFullGrids()
    {
        var e = new NoiseExperiment();
        Assert.Equal(2 * 1 * 1 * 2, ScenarioReader.BuiltIn(e, SweepSize.Quick).Grid.Count);
        Assert.Equal(3 * 2 * 3 * 4, ScenarioReader.BuiltIn(e, SweepSize.Full).Grid.Count);
    }
}
