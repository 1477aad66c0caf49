using Isac.Experiments.Figures;

namespace Isac.Experiments.Tests.Figures;

public class DashEmulationTests
{
    private static IEnumerable<(double X0, double Y0, double X1, double Y1)> Pieces(double[] x, double[] y)
    {
        for (int i = 0; i + 1 < x.Length; i++)
        {
            if (double.IsFinite(y[i]) && double.IsFinite(y[i + 1])) yield return (x[i], y[i], x[i + 1], y[i + 1]);
        }
    }

    [Fact]
    public void Dash_OnAStraightLine_InksTheDashShareOfItsLength()
    {
        // A 180-pixel horizontal line (1 pixel per unit): ten periods of 10 px dash + 8 px gap.
        var (x, y) = DashEmulation.Dash([0, 180], [0, 0], 1, 1);
        double inked = Pieces(x, y).Sum(p => p.X1 - p.X0);
        Assert.Equal(100, inked, 9);
        Assert.Equal(10, x.Count(double.IsNaN) + y.Count(double.IsNaN));
    }

    [Fact]
    public void Dash_PiecesLieOnTheOriginalPolyline()
    {
        double[] x = [0, 1, 2];
        double[] y = [0, 2, 1];
        var (dx, dy) = DashEmulation.Dash(x, y, 37, 23);
        for (int i = 0; i < dx.Length; i++)
        {
            if (!double.IsFinite(dy[i])) continue;
            double expected = dx[i] <= 1 ? 2 * dx[i] : 2 - (dx[i] - 1);
            Assert.Equal(expected, dy[i], 9);
        }
    }

    [Fact]
    public void Dash_KeepsMissingPointsAsGaps()
    {
        // The segment from x = 1 to x = 2 touches a NaN: nothing may be drawn over (1, 2).
        var (dx, dy) = DashEmulation.Dash([0, 1, 2, 3], [0, double.NaN, 0, 0], 100, 100);
        foreach (var p in Pieces(dx, dy))
        {
            Assert.False(p.X0 < 2 && p.X1 > 1 && Math.Min(p.X0, p.X1) < 1.999 && Math.Max(p.X0, p.X1) > 1.001);
        }
        Assert.Contains(Pieces(dx, dy), p => p.X0 >= 2);
    }
}
