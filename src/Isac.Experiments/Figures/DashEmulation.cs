namespace Isac.Experiments.Figures;

/// <summary>
/// Cuts a polyline into dashes drawn as separate pieces (NaN between them), for output formats
/// whose renderer ignores line patterns: SkiaSharp's SVG canvas drops dash path effects, so a
/// dashed bound would come out solid in the SVG while dashed in the PNG.
/// </summary>
/// <remarks>
/// Dash and gap lengths are in pixels; the map from data to pixels is the linear one of the
/// rendered data area, so the dashes look like the PNG's. NaN points stay gaps.
/// </remarks>
internal static class DashEmulation
{
    /// <summary>Pixel length of a dash and of the gap after it (ScottPlot's dashed pattern is about 10/10 at width 2).</summary>
    public const double DashPixels = 10, GapPixels = 8;

    /// <summary>Returns the dashes of (x, y) as one series with NaN separators.</summary>
    /// <param name="x">Abscissae.</param>
    /// <param name="y">Ordinates (NaN for missing).</param>
    /// <param name="pixelsPerUnitX">Horizontal scale of the rendered data area.</param>
    /// <param name="pixelsPerUnitY">Vertical scale of the rendered data area.</param>
    public static (double[] X, double[] Y) Dash(double[] x, double[] y, double pixelsPerUnitX, double pixelsPerUnitY)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        double phase = 0; // distance travelled within the current dash+gap period
        const double period = DashPixels + GapPixels;
        bool penDown = false;
        for (int i = 0; i + 1 < x.Length; i++)
        {
            if (!double.IsFinite(y[i]) || !double.IsFinite(y[i + 1]) || !double.IsFinite(x[i]) || !double.IsFinite(x[i + 1]))
            {
                Lift(xs, ys, ref penDown);
                phase = 0;
                continue;
            }
            double dx = (x[i + 1] - x[i]) * pixelsPerUnitX, dy = (y[i + 1] - y[i]) * pixelsPerUnitY;
            double length = Math.Sqrt(dx * dx + dy * dy);
            if (length == 0) continue;
            double travelled = 0;
            while (travelled < length)
            {
                bool inDash = phase < DashPixels;
                double untilSwitch = inDash ? DashPixels - phase : period - phase;
                double step = Math.Min(untilSwitch, length - travelled);
                if (inDash)
                {
                    if (!penDown)
                    {
                        Add(xs, ys, x, y, i, travelled / length);
                        penDown = true;
                    }
                    Add(xs, ys, x, y, i, (travelled + step) / length);
                }
                travelled += step;
                phase += step;
                if (phase >= period) phase -= period;
                if (phase >= DashPixels && penDown) Lift(xs, ys, ref penDown);
            }
        }
        return (xs.ToArray(), ys.ToArray());
    }

    private static void Add(List<double> xs, List<double> ys, double[] x, double[] y, int i, double t)
    {
        xs.Add(x[i] + t * (x[i + 1] - x[i]));
        ys.Add(y[i] + t * (y[i + 1] - y[i]));
    }

    private static void Lift(List<double> xs, List<double> ys, ref bool penDown)
    {
        if (!penDown) return;
        xs.Add(xs[^1]);
        ys.Add(double.NaN);
        penDown = false;
    }
}
