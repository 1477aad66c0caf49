using Complex = System.Numerics.Complex;
using Isac.Core.Json;
using Isac.Experiments.Definitions;
using Isac.Experiments.Figures;
using Isac.Experiments.Results;
using Isac.Experiments.Sweeps;
using Isac.Physics.Beampattern;
using Isac.Physics.Sensing;
using Isac.Precoding.Design;
using Isac.Precoding.Network;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Experiments.PaperA;

/// <summary>
/// Paper A Fig. 4: the transmit beampattern of BS 1 after the block-level CBF and CoMP designs, with
/// users in line of sight, γ = 40 dB, Ntx = 16, Nrx = 6, δ = 0.
/// </summary>
/// <remarks>
/// P(θ) = a(θ)ᵀR₁a(θ)* with R₁ = BS 1's transmit covariance (CoMP: its diagonal block of the stacked one),
/// in dB relative to P_t. The marked directions (every user and both targets as seen from BS 1) are listed
/// in a second table with the power radiated toward each. The paper's claim: CBF radiates less toward the
/// other cell's users and target than CoMP, which serves those users jointly and senses bistatically.
/// </remarks>
public sealed class Fig4Experiment : Experiment<PaperASettings>
{
    /// <summary>Our user directions (degrees): [n][m][k] = user k of cell m seen from BS n (the paper marks but does not list them).</summary>
    internal static readonly double[,,] UserAnglesDeg = { { { -20, 5, 30 }, { -35, 15, 42 } }, { { -42, -15, 35 }, { -30, -5, 20 } } };

    /// <inheritdoc/>
    public override string Group => "paper-a";

    /// <inheritdoc/>
    public override string Id => "fig4";

    /// <inheritdoc/>
    public override string Title => "Beampattern of BS 1 after BLP-CBF and BLP-CoMP (paper A Fig. 4)";

    /// <inheritdoc/>
    public override string Description =>
        "Transmit beampattern of BS 1 for the block-level CBF and CoMP designs, line-of-sight users, γ = 40 dB, Ntx = 16, Nrx = 6, δ = 0, " +
        "and the power radiated toward every user and both targets.";

    /// <inheritdoc/>
    public override string SectionName => "paper_a";

    /// <inheritdoc/>
    public override IReadOnlyList<SweepParameter> Parameters { get; } =
    [
        SweepParameter.Choice("scheme", "block-level design", ["blp-cbf", "blp-comp"], ["blp-cbf", "blp-comp"], ["blp-cbf", "blp-comp"]),
    ];

    /// <inheritdoc/>
    public override PaperASettings ParseSettings(JsonCursor? section) => PaperASettings.Parse(section,
        new PaperASettings(new NetworkSpec
        {
            TransmitElements = 16,
            ReceiveElements = 6,
            FrameLength = 20,
            Channels = new LineOfSightChannels(UserAnglesDeg),
        }, 0, 40));

    /// <inheritdoc/>
    public override IReadOnlyList<ResultRow> Evaluate(SweepPoint point, PaperASettings settings, CancellationToken cancellation)
    {
        var network = settings.Network.Build(point.DrawSeed);
        var result = PaperADesigns.Run(network, settings, point.Text("scheme"), settings.GammaDb, point.PointSeed, cancellation);
        var summary = PaperADesigns.Row(result, network.Cells).Set("kind", "design");
        if (result.Status != DesignStatus.Solved) return [summary];
        var covariance = BlockCovariance(network, result, 0);
        var array = network.Scene.TransmitArray;
        var rows = new List<ResultRow> { summary };
        int steps = (int)Math.Round(180 / settings.AngleStepDeg);
        for (int i = 0; i <= steps; i++)
        {
            double deg = Math.Min(90, -90 + i * settings.AngleStepDeg);
            rows.Add(new ResultRow().Set("kind", "pattern").Set("angle_deg", deg).Set("power_db", Db(TransmitBeampattern.Power(array, covariance, deg * Math.PI / 180), network)));
        }
        foreach (var (label, deg) in Directions(network, settings))
            rows.Add(new ResultRow().Set("kind", "direction").Set("direction", label).Set("angle_deg", deg)
                .Set("power_db", Db(TransmitBeampattern.Power(array, covariance, deg * Math.PI / 180), network)));
        return rows;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<Figure> BuildFigures(FigureInput<PaperASettings> input)
    {
        var rows = input.Rows;
        var pattern = rows.Where(r => r.Text("kind") == "pattern").ToList();
        var directions = rows.Where(r => r.Text("kind") == "direction").ToList();
        var designs = rows.Where(r => r.Text("kind") == "design").ToList();
        var schemes = input.Grid.Axes[0].Values.Select(v => v.Text!).ToList();
        var series = schemes.Select((s, i) =>
        {
            var curve = pattern.Where(r => r.Text("scheme") == s).ToList();
            return new LineSeries(PaperADesigns.Label(s), curve.Select(r => r.Number("angle_deg")).ToList(),
                curve.Select(r => Math.Max(r.Number("power_db"), -40)).ToList()) { Markers = false, Color = i };
        }).ToList();
        var settings = input.Settings;
        string status = string.Join("; ", designs.Select(d => $"{d.Text("scheme")}: {d.Text("status")}, RCRB {d.Number("rcrb_deg"):G4}°, min SINR {d.Number("min_sinr_db"):F2} dB"));
        string caption =
            $"Transmit beampattern a(θ)ᵀR₁a(θ)* of BS 1 (dB relative to P_t, floor −40 dB) after the block-level designs at γ = {settings.GammaDb} dB, " +
            $"Ntx = {settings.Network.TransmitElements}, Nrx = {settings.Network.ReceiveElements}, δ = 0, users in line of sight at our chosen directions " +
            $"(table fig4-directions, which gives the power toward every user and target). Designs: {status}. Compare with paper A's Fig. 4: " +
            "CBF radiates less toward the other cell's users and target than CoMP.";
        return
        [
            new Figure("fig4", Title, caption, TidyTable.From(pattern, "scheme", "angle_deg", "power_db"),
            [
                new PlotSpec("Transmit beampattern of BS 1", "angle θ from broadside (deg)", "power toward θ relative to P_t (dB)", series)
                { XLimits = (-90, 90), Legend = LegendPlacement.LowerRight },
            ]),
            new Figure("fig4-directions", "Power radiated by BS 1 toward the users and targets (paper A Fig. 4)",
                "Power radiated by BS 1 toward each marked direction (dB relative to P_t), per design, and each design's status and metrics.",
                TidyTable.From([.. directions, .. designs], "scheme", "kind", "direction", "angle_deg", "power_db", "status", "rcrb_deg", "min_sinr_db"), []),
        ];
    }

    /// <summary>BS m's transmit covariance from a block-level result (CBF: W_m W_mᴴ; CoMP: block m of W Wᴴ).</summary>
    internal static Matrix<Complex> BlockCovariance(IsacNetwork network, DesignResult result, int bs)
    {
        if (result.Settings.Scheme == PrecodingScheme.BlpCbf) return TransmitCovariance.FromPrecoder(result.Precoders[bs]);
        return TransmitCovariance.Block(TransmitCovariance.FromPrecoder(result.Precoders[0]), bs, network.TransmitElements);
    }

    private static IEnumerable<(string Label, double Deg)> Directions(IsacNetwork network, PaperASettings settings)
    {
        for (int m = 0; m < network.Cells; m++)
        {
            string cell = m == 0 ? "own" : $"cell {m + 1}";
            if (settings.Network.Channels is LineOfSightChannels los)
                for (int k = 0; k < network.UsersPerCell; k++) yield return ($"{cell} user {k + 1}", los.UserAnglesDeg[0, m, k]);
            yield return (m == 0 ? "own target" : $"cell {m + 1} target", network.Scene.Angle(0, m) * 180 / Math.PI);
        }
    }

    private static double Db(double power, IsacNetwork network) => 10 * Math.Log10(power / network.TransmitPower);
}
