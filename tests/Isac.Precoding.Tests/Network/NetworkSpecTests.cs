using Isac.Precoding.Network;

namespace Isac.Precoding.Tests.Network;

public class NetworkSpecTests
{
    [Fact]
    public void GeneratedReflections_FollowPaperANormalisation()
    {
        var network = new NetworkSpec().Build(1);
        var s = network.Scene;
        // |α_mm|²·L·P_t/σ_R² = 1 and |α_nm|² = |α_mm|²/3 (Section VI).
        double own = Math.Pow(s.Reflection(0, 0).Magnitude, 2) * s.FrameLength * network.TransmitPower / s.RadarNoiseVariance;
        Assert.Equal(1, own, Tolerances.ClosedForm);
        Assert.Equal(1.0 / 3, Math.Pow(s.Reflection(1, 0).Magnitude / s.Reflection(0, 0).Magnitude, 2), Tolerances.ClosedForm);
        Assert.Equal(40, network.CommSnrDb, Tolerances.ClosedForm);
        Assert.Equal(-50 * Math.PI / 180, s.Angle(0, 0), Tolerances.ClosedForm);
        Assert.Equal(-60 * Math.PI / 180, s.Angle(1, 0), Tolerances.ClosedForm);
    }

    [Fact]
    public void SameSeed_SameNetwork_OtherSeed_OtherChannels()
    {
        var a = new NetworkSpec().Build(9);
        var b = new NetworkSpec().Build(9);
        var c = new NetworkSpec().Build(10);
        Assert.Equal(a.Channels.Stacked(3), b.Channels.Stacked(3));
        Assert.Equal(a.Symbols(), b.Symbols());
        Assert.NotEqual(a.Channels.Stacked(3), c.Channels.Stacked(3));
    }

    [Fact]
    public void ChangingTheSymbols_DoesNotChangeTheChannelDraws()
    {
        var random = new NetworkSpec().Build(9);
        var given = (new NetworkSpec() with { Symbols = new ExplicitSymbols(new int[6, 16]) }).Build(9);
        Assert.Equal(random.Channels.Stacked(0), given.Channels.Stacked(0));
    }

    [Fact]
    public void SingleCellView_KeepsOnlyTheCellsOwnLinks()
    {
        var network = new NetworkSpec().Build(4);
        var cell = SingleCellView.Of(network, 1);
        Assert.Equal(1, cell.Cells);
        Assert.Equal(network.Channels.PerBs(1, 1, 2), cell.Channels.PerBs(0, 0, 2));
        Assert.Equal(network.Scene.Angle(1, 1), cell.Scene.Angle(0, 0));
        Assert.Equal(network.Scene.Reflection(1, 1), cell.Scene.Reflection(0, 0));
        Assert.Equal(network.Symbol(4, 7), cell.Symbol(1, 7));
    }
}
