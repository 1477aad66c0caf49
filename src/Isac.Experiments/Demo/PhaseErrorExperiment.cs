using Isac.Core.Json;
using Isac.Core.Random;
using Isac.Experiments.Definitions;
using Isac.Experiments.Figures;
using Isac.Experiments.Results;
using Isac.Experiments.Sweeps;
using Isac.Physics.Arrays;
using Complex = System.Numerics.Complex;

namespace Isac.Experiments.Demo;

/// <summary>
/// Monte Carlo of the array gain lost to random phase errors of the elements, against its closed
/// form, swept over the number of elements and the phase-error spread.
/// </summary>
/// <remarks>
/// The beamformer is w = (a(θ₀) ∘ e^{jφ})/√N with independent phase errors φₙ ~ N(0, σ²). The
/// gain towards θ₀ is G = |a(θ₀)ᴴ w|² = |Σₙ e^{jφₙ}|²/N, whose mean follows from
/// E[e^{jφ}] = e^{−σ²/2} (the Gaussian characteristic function):
/// E[G] = (N + N(N−1)e^{−σ²})/N = 1 + (N−1)e^{−σ²}.
/// Each point (N, σ, draw) averages <see cref="PhaseErrorSettings.Realizations"/> realizations;
/// the figure averages the draws and shows a 95 % confidence interval from their spread (batch
/// means). The errors come from the draw seed, so every σ of a draw scales the same standard
/// normal vectors (common random numbers: smooth curves in σ).
/// </remarks>
public sealed class PhaseErrorExperiment : Experiment<PhaseErrorSettings>
{
    /// <inheritdoc/>
    public override string Group => "demo";

    /// <inheritdoc/>
    public override string Id => "phase-errors";

    /// <inheritdoc/>
    public override string Title => "Array gain under random phase errors: Monte Carlo against the closed form";

    /// <inheritdoc/>
    public override string Description =>
        "Mean gain towards the steering angle of an N-element ULA whose element phases have independent N(0, σ²) errors, " +
        "by Monte Carlo and by the closed form 1 + (N−1)·exp(−σ²).";

    /// <inheritdoc/>
    public override string SectionName => "phase_errors";

    /// <inheritdoc/>
    public override IReadOnlyList<SweepParameter> Parameters { get; } =
    [
        SweepParameter.Integer("elements", "", "number of array elements N", quick: [4, 16, 64], full: [4, 8, 16, 32, 64, 128], min: 1, max: 4096),
        SweepParameter.Real("phase_error_std_deg", "deg", "standard deviation σ of each element's phase error",
            quick: [0, 10, 20, 30, 45, 60], full: Enumerable.Range(0, 19).Select(i => 5.0 * i).ToArray(), min: 0, max: 180),
    ];

    /// <inheritdoc/>
    public override int QuickDraws => 8;

    /// <inheritdoc/>
    public override int FullDraws => 40;

    /// <inheritdoc/>
    public override PhaseErrorSettings ParseSettings(JsonCursor? section) => PhaseErrorSettings.Parse(section);

    /// <summary>The closed-form mean gain 1 + (N−1)e^{−σ²} (σ in radians).</summary>
    public static double ExpectedGain(int elements, double sigmaRadians) => 1 + (elements - 1) * Math.Exp(-sigmaRadians * sigmaRadians);

    /// <inheritdoc/>
    public override IReadOnlyList<ResultRow> Evaluate(SweepPoint point, PhaseErrorSettings settings, CancellationToken cancellation)
    {
        int n = point.Int("elements");
        double sigma = point.Real("phase_error_std_deg") * Math.PI / 180;
        double steering = settings.SteeringDeg * Math.PI / 180;
        var array = new UniformLinearArray(n, ArrayNormalization.Unnormalized, settings.SpacingWavelengths);
        var a = new Complex[n];
        array.Response(steering, a);
        var rng = new DeterministicRandom(point.DrawSeed);
        double sum = 0;
        for (int r = 0; r < settings.Realizations; r++)
        {
            if ((r & 1023) == 0) cancellation.ThrowIfCancellationRequested();
            Complex inner = Complex.Zero;
            for (int i = 0; i < n; i++)
            {
                // aᵢ* · aᵢ e^{jφᵢ}/√N, written out so the physics core's steering vector is what is tested.
                var wi = a[i] * Complex.FromPolarCoordinates(1 / Math.Sqrt(n), sigma * rng.NextGaussian());
                inner += Complex.Conjugate(a[i]) * wi;
            }
            sum += inner.Real * inner.Real + inner.Imaginary * inner.Imaginary;
        }
        double mean = sum / settings.Realizations;
        return [new ResultRow().Set("mean_gain", mean).Set("closed_form_gain", ExpectedGain(n, sigma))];
    }

    /// <inheritdoc/>
    public override IReadOnlyList<Figure> BuildFigures(FigureInput<PhaseErrorSettings> input)
    {
        const double z95 = 1.959963984540054; // two-sided 95 % normal quantile
        var table = new TidyTable("elements", "phase_error_std_deg", "draws", "realizations_per_draw", "mc_gain_db", "mc_ci95_db",
            "closed_form_gain_db", "ideal_gain_db");
        var series = new List<LineSeries>();
        var elementValues = input.Grid.Axes[input.Grid.AxisIndex("elements")].Values;
        var sigmaValues = input.Grid.Axes[input.Grid.AxisIndex("phase_error_std_deg")].Values;
        int color = 0;
        foreach (var nv in elementValues)
        {
            var mc = new List<double>();
            var ci = new List<double>();
            var closed = new List<double>();
            foreach (var sv in sigmaValues)
            {
                var draws = input.Rows.Where(r => r.Number("elements") == nv.Number && r.Number("phase_error_std_deg") == sv.Number)
                    .Select(r => r.Number("mean_gain")).ToList();
                double mean = draws.Average();
                double sd = draws.Count > 1 ? Math.Sqrt(draws.Sum(g => (g - mean) * (g - mean)) / (draws.Count - 1)) : double.NaN;
                // Half-width of the 95 % interval of the mean, carried to dB by the derivative of 10·log10.
                double halfWidthDb = 10 / Math.Log(10) * z95 * sd / Math.Sqrt(draws.Count) / mean;
                double closedDb = 10 * Math.Log10(ExpectedGain((int)nv.Number, sv.Number * Math.PI / 180));
                mc.Add(10 * Math.Log10(mean));
                ci.Add(halfWidthDb);
                closed.Add(closedDb);
                table.Add(Cell.Of(nv.Number), Cell.Of(sv.Number), Cell.Of(draws.Count), Cell.Of(input.Settings.Realizations),
                    Cell.Of(mc[^1]), Cell.Of(halfWidthDb), Cell.Of(closedDb), Cell.Of(10 * Math.Log10(nv.Number)));
            }
            var sigmas = sigmaValues.Select(v => v.Number).ToList();
            series.Add(new LineSeries($"N = {nv.Canonical}, Monte Carlo", sigmas, mc) { Color = color, ErrorBars = ci });
            series.Add(new LineSeries($"N = {nv.Canonical}, 1 + (N−1)e^(−σ²)", sigmas, closed) { Color = color, Dashed = true, Markers = false });
            color++;
        }
        var plot = new PlotSpec("Array gain lost to random element phase errors", "phase error standard deviation σ (deg)",
            "mean gain towards θ₀ (dB)", series);
        return
        [
            new Figure("phase-errors", "Array gain under random phase errors",
                $"Mean of |a(θ₀)ᴴw|² with w = (a(θ₀)∘e^(jφ))/√N, φ ~ N(0, σ²) independent per element, θ₀ = {input.Settings.SteeringDeg}°: " +
                $"Monte Carlo ({input.Grid.Draws} draws × {input.Settings.Realizations} realizations, 95 % interval from the spread of the draws) " +
                "and the closed form 1 + (N−1)·exp(−σ²) (dashed). Without errors the gain is N.",
                table, [plot]),
        ];
    }
}
