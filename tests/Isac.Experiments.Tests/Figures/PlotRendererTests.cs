using Isac.Experiments.Figures;
using Isac.Experiments.Tests.Support;

namespace Isac.Experiments.Tests.Figures;

public class PlotRendererTests
{
    [Fact]
    public void Render_WritesPngAndSvg_WithGapsAndErrorBars()
    {
        using var tmp = new TempFolder();
        var spec = new PlotSpec("Title θ", "x (dB)", "y (deg)",
        [
            new LineSeries("with gap", [0, 1, 2, 3], [1, double.NaN, 3, 4]) { ErrorBars = [0.1, 0.1, double.NaN, 0.2] },
            new LineSeries("all missing", [0, 1], [double.NaN, double.NaN]) { Dashed = true, Color = 0 },
        ]);
        string png = tmp.Sub("p.png"), svg = tmp.Sub("p.svg");

        PlotRenderer.Render(spec, png, svg);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png)[..4]);
        Assert.Contains("<svg", File.ReadAllText(svg));
    }

    [Fact]
    public void IntegerX_PutsMajorTicksOnWholeNumbersOnly()
    {
        var spec = new PlotSpec("t", "epoch", "y", [new LineSeries("s", [1, 2, 3], [100, 300, 200])]);
        double[] MajorTicks(PlotSpec s)
        {
            using var plot = PlotRenderer.Build(s, svgDashes: null);
            plot.GetImage(s.Width, s.Height).Dispose(); // the ticks are generated while rendering
            return plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Position).ToArray();
        }

        // Over 1..3 the automatic ticks fall at halves or finer; the integer ticks do not.
        Assert.Contains(MajorTicks(spec), x => x != Math.Round(x));
        var integer = MajorTicks(spec with { IntegerX = true });
        Assert.NotEmpty(integer);
        Assert.All(integer, x => Assert.Equal(Math.Round(x), x));
    }

    [Fact]
    public void EmbeddedFont_IsDejaVuSans()
    {
        var fonts = new EmbeddedFonts();
        Assert.Equal("DejaVu Sans", fonts.CreateTypeface(EmbeddedFonts.Family, bold: false, italic: false).FamilyName);
        Assert.True(fonts.CreateTypeface(EmbeddedFonts.Family, bold: true, italic: false).IsBold);
        Assert.Null(fonts.CreateTypeface("Comic Sans", bold: false, italic: false));
    }

    [Fact]
    public void Render_SamePlotTwice_GivesIdenticalPng()
    {
        using var tmp = new TempFolder();
        var spec = new PlotSpec("t", "x (1)", "y (1)", [new LineSeries("s", [0, 1, 2], [2, 1, 3])]);
        PlotRenderer.Render(spec, tmp.Sub("a.png"), tmp.Sub("a.svg"));
        PlotRenderer.Render(spec, tmp.Sub("b.png"), tmp.Sub("b.svg"));
        Assert.Equal(File.ReadAllBytes(tmp.Sub("a.png")), File.ReadAllBytes(tmp.Sub("b.png")));
    }
}
