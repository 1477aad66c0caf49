using Isac.Core.Json;
using Isac.Experiments.Definitions;
using Isac.Experiments.Figures;
using Isac.Experiments.Results;
using Isac.Experiments.Sweeps;
using Isac.Physics.Arrays;
using Complex = System.Numerics.Complex;

namespace Isac.Experiments.Demo;

/// <summary>
/// The transmit beampattern of a uniform linear array steered by a matched (conjugate) beamformer,
/// swept over the number of elements and the steering angle.
/// </summary>
/// <remarks>
/// With a(θ) the unnormalised steering vector (paper A's convention, ‖a‖² = N) and the
/// unit-power beamformer w = a(θ₀)/√N, the pattern is
/// G(θ) = |a(θ)ᴴ w|² = |Σₙ e^{j2πdn(sinθ₀ − sinθ)}|² / N,
/// the power radiated towards θ relative to one isotropic element fed with the same power. Its
/// peak is G(θ₀) = N (the array gain, 10·log₁₀N dB) and, for d = λ/2, its nulls lie where
/// N(sinθ − sinθ₀)/2 is a non-zero integer.
/// </remarks>
public sealed class BeampatternExperiment : Experiment<BeampatternSettings>
{
    /// <inheritdoc/>
    public override string Group => "demo";

    /// <inheritdoc/>
    public override string Id => "beampattern";

    /// <inheritdoc/>
    public override string Title => "Transmit beampattern of a uniform linear array";

    /// <inheritdoc/>
    public override string Description =>
        "Power radiated towards each angle by an N-element half-wavelength ULA with the matched unit-power beamformer " +
        "w = a(θ₀)/√N, relative to one isotropic element (peak 10·log10 N dB at the steering angle θ₀).";

    /// <inheritdoc/>
    public override string SectionName => "beampattern";

    /// <inheritdoc/>
    public override IReadOnlyList<SweepParameter> Parameters { get; } =
    [
        SweepParameter.Integer("elements", "", "number of array elements N", quick: [4, 8, 16], full: [4, 8, 16, 32, 64], min: 1, max: 4096),
        SweepParameter.Real("steering_deg", "deg", "steering angle θ₀ from broadside", quick: [0, 40], full: [0, 20, 40, 60], min: -90, max: 90),
    ];

    /// <inheritdoc/>
    public override BeampatternSettings ParseSettings(JsonCursor? section) => BeampatternSettings.Parse(section);

    /// <inheritdoc/>
    public override IReadOnlyList<ResultRow> Evaluate(SweepPoint point, BeampatternSettings settings, CancellationToken cancellation)
    {
        int n = point.Int("elements");
        double steering = point.Real("steering_deg") * Math.PI / 180;
        var array = new UniformLinearArray(n, ArrayNormalization.Unnormalized, settings.SpacingWavelengths);
        var w = new Complex[n];
        array.Response(steering, w);
        for (int i = 0; i < n; i++) w[i] /= Math.Sqrt(n);

        var a = new Complex[n];
        int steps = (int)Math.Round(180 / settings.AngleStepDeg);
        var rows = new List<ResultRow>(steps + 1);
        for (int k = 0; k <= steps; k++)
        {
            // Angles from the index, not by accumulation, so the grid is exact and the same everywhere.
            double angleDeg = Math.Min(90, -90 + k * settings.AngleStepDeg);
            array.Response(angleDeg * Math.PI / 180, a);
            Complex inner = Complex.Zero;
            for (int i = 0; i < n; i++) inner += Complex.Conjugate(a[i]) * w[i];
            double gain = inner.Real * inner.Real + inner.Imaginary * inner.Imaginary;
            rows.Add(new ResultRow().Set("angle_deg", angleDeg).Set("gain", gain).Set("gain_db", 10 * Math.Log10(gain)));
        }
        return rows;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<Figure> BuildFigures(FigureInput<BeampatternSettings> input)
    {
        var rows = input.Rows;
        var table = TidyTable.From(rows, "elements", "steering_deg", "angle_deg", "gain_db");
        var elements = input.Grid.Axes[input.Grid.AxisIndex("elements")].Values.Select(v => v.Number).ToList();
        double peakDb = 10 * Math.Log10(elements.Max());
        var plots = new List<PlotSpec>();
        foreach (var steering in input.Grid.Axes[input.Grid.AxisIndex("steering_deg")].Values)
        {
            var series = elements.Select(n =>
            {
                var curve = rows.Where(r => r.Number("elements") == n && r.Number("steering_deg") == steering.Number).ToList();
                // Deep nulls (−∞ dB when exact) are clipped to the floor so the curve stays drawn.
                return new LineSeries($"N = {n}", curve.Select(r => r.Number("angle_deg")).ToList(),
                    curve.Select(r => Math.Max(input.Settings.FloorDb, r["gain_db"].IsMissing ? double.NegativeInfinity : r.Number("gain_db"))).ToList())
                { Markers = false };
            }).ToList();
            plots.Add(new PlotSpec($"ULA transmit beampattern steered to θ₀ = {steering.Canonical}°", "angle θ (deg)",
                "gain |a(θ)ᴴw|² relative to one element (dB)", series)
            {
                FileSuffix = $"steer{steering.Canonical.Replace('-', 'm').Replace('.', 'p')}",
                Legend = LegendPlacement.LowerRight,
                XLimits = (-90, 90),
                YLimits = (input.Settings.FloorDb, peakDb + 3),
            });
        }
        return
        [
            new Figure("beampattern", "Transmit beampattern of a ULA",
                $"Gain towards θ of an N-element ULA (spacing {input.Settings.SpacingWavelengths} λ) with the matched beamformer " +
                "w = a(θ₀)/√N (unit power), relative to one isotropic element; one plot per steering angle θ₀. " +
                "The peak equals 10·log10 N dB at θ₀ and the main lobe narrows as 1/(N cos θ₀). " +
                $"Values below {input.Settings.FloorDb} dB are drawn at the floor; the CSV has the exact values (empty at exact nulls).",
                table, plots),
        ];
    }
}
