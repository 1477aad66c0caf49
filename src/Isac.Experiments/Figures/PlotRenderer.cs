using ScottPlot;

namespace Isac.Experiments.Figures;

/// <summary>Draws a <see cref="PlotSpec"/> with ScottPlot 5 to PNG and SVG.</summary>
public static class PlotRenderer
{
    /// <summary>Renders the plot to both files.</summary>
    public static void Render(PlotSpec spec, string pngPath, string svgPath)
    {
        EmbeddedFonts.Install();
        using var plot = Build(spec, svgDashes: null);
        plot.SavePng(pngPath, spec.Width, spec.Height);
        if (!spec.Series.Any(s => s.Dashed))
        {
            plot.SaveSvg(svgPath, spec.Width, spec.Height);
            return;
        }
        // SkiaSharp's SVG canvas drops dash effects: draw the dashes as pieces instead, on the
        // axis limits and scale of the PNG just rendered, so both files show the same figure.
        var render = plot.LastRender;
        double pxPerX = render.DataRect.Width / render.AxisLimits.HorizontalSpan;
        double pxPerY = render.DataRect.Height / render.AxisLimits.VerticalSpan;
        using var svgPlot = Build(spec, svgDashes: (pxPerX, pxPerY));
        svgPlot.Axes.SetLimits(render.AxisLimits);
        svgPlot.SaveSvg(svgPath, spec.Width, spec.Height);
    }

    internal static Plot Build(PlotSpec spec, (double PxPerX, double PxPerY)? svgDashes)
    {
        var plot = new Plot();
        plot.Font.Set(EmbeddedFonts.Family);
        var palette = new ScottPlot.Palettes.Category10();
        int nextColor = 0;
        foreach (var s in spec.Series)
        {
            if (s.X.Count != s.Y.Count) throw new ArgumentException($"series '{s.Label}': {s.X.Count} x values but {s.Y.Count} y values");
            var color = palette.GetColor(s.Color ?? nextColor);
            nextColor = Math.Max(nextColor, (s.Color ?? nextColor) + 1);
            double[] xs = s.X.ToArray();
            double[] ys = s.Y.ToArray();
            var line = plot.Add.Scatter(xs, ys, color);
            line.LegendText = s.Label;
            line.LineWidth = 2;
            line.MarkerSize = s.Markers ? 6 : 0;
            line.LinePattern = s.Dashed ? LinePattern.Dashed : LinePattern.Solid;
            if (s.Dashed && svgDashes is var (pxPerX, pxPerY))
            {
                // The curve is drawn as solid dash pieces that carry the legend entry; the
                // original keeps only its markers.
                var (dx, dy) = DashEmulation.Dash(xs, ys, pxPerX, pxPerY);
                var dashes = plot.Add.Scatter(dx, dy, color);
                dashes.LegendText = s.Label;
                dashes.LineWidth = 2;
                dashes.MarkerSize = 0;
                line.LegendText = "";
                line.LineWidth = 0;
                line.LinePattern = LinePattern.Solid;
            }
            if (s.ErrorBars is { } bars)
            {
                if (bars.Count != ys.Length) throw new ArgumentException($"series '{s.Label}': {bars.Count} error bars for {ys.Length} points");
                // Error bars only where the point exists; a gap stays a gap.
                var keep = Enumerable.Range(0, ys.Length).Where(i => double.IsFinite(ys[i]) && double.IsFinite(bars[i])).ToArray();
                if (keep.Length > 0)
                {
                    var eb = plot.Add.ErrorBar(keep.Select(i => xs[i]).ToArray(), keep.Select(i => ys[i]).ToArray(),
                        keep.Select(i => bars[i]).ToArray());
                    eb.Color = color;
                }
            }
        }
        plot.Title(spec.Title);
        plot.XLabel(spec.XLabel);
        plot.YLabel(spec.YLabel);
        if (spec.Series.Count > 0) PlaceLegend(plot, spec);
        if (spec.IntegerX) plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        if (spec.XLimits is var (x0, x1)) plot.Axes.SetLimitsX(x0, x1);
        if (spec.YLimits is var (y0, y1)) plot.Axes.SetLimitsY(y0, y1);
        return plot;
    }

    private static void PlaceLegend(Plot plot, PlotSpec spec)
    {
        var placement = spec.Legend == LegendPlacement.Auto
            ? (spec.Series.Count > 4 ? LegendPlacement.Outside : LegendPlacement.UpperRight)
            : spec.Legend;
        switch (placement)
        {
            case LegendPlacement.Outside: plot.ShowLegend(Edge.Right); break;
            case LegendPlacement.UpperLeft: plot.ShowLegend(Alignment.UpperLeft); break;
            case LegendPlacement.LowerRight: plot.ShowLegend(Alignment.LowerRight); break;
            case LegendPlacement.LowerLeft: plot.ShowLegend(Alignment.LowerLeft); break;
            default: plot.ShowLegend(Alignment.UpperRight); break;
        }
    }
}
