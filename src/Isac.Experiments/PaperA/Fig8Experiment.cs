using Isac.Core.Json;
using Isac.Experiments.Definitions;
using Isac.Experiments.Figures;
using Isac.Experiments.Results;
using Isac.Experiments.Sweeps;
using Isac.Precoding.Network;

namespace Isac.Experiments.PaperA;

/// <summary>
/// Paper A Fig. 8: the RCRB of every design against the number of transmit antennas at γ = 10 dB
/// (δ = 0, Nrx = 6, frame L = Ntx + 6), averaged over channel draws.
/// </summary>
public sealed class Fig8Experiment : Experiment<PaperASettings>
{
    /// <inheritdoc/>
    public override string Group => "paper-a";

    /// <inheritdoc/>
    public override string Id => "fig8";

    /// <inheritdoc/>
    public override string Title => "RCRB versus the number of transmit antennas (paper A Fig. 8)";

    /// <inheritdoc/>
    public override string Description =>
        "Root CRB of the target angle of the four designs against Ntx at γ = 10 dB, δ = 0, Nrx = 6, two cells, three users each.";

    /// <inheritdoc/>
    public override string SectionName => "paper_a";

    /// <inheritdoc/>
    public override IReadOnlyList<SweepParameter> Parameters { get; } =
    [
        SweepParameter.Choice("scheme", "precoding design", PaperADesigns.Schemes, PaperADesigns.Schemes, PaperADesigns.Schemes),
        SweepParameter.Integer("ntx", "", "transmit antennas per BS (the frame is Ntx + 6 symbols)", quick: [4, 8, 16, 32],
            full: [4, 6, 8, 10, 12, 14, 16, 24, 32, 48, 64, 96, 128], min: 2, max: 256),
    ];

    /// <inheritdoc/>
    public override int FullDraws => 3;

    /// <inheritdoc/>
    public override PaperASettings ParseSettings(JsonCursor? section) =>
        PaperASettings.Parse(section, new PaperASettings(new NetworkSpec { TransmitElements = 6, ReceiveElements = 6, FrameLength = 12 }, 0, 10));

    /// <inheritdoc/>
    public override IReadOnlyList<ResultRow> Evaluate(SweepPoint point, PaperASettings settings, CancellationToken cancellation)
    {
        int ntx = point.Int("ntx");
        var network = (settings.Network with { TransmitElements = ntx, FrameLength = ntx + 6 }).Build(point.DrawSeed);
        var result = PaperADesigns.Run(network, settings, point.Text("scheme"), settings.GammaDb, point.PointSeed, cancellation);
        return [PaperADesigns.Row(result, network.Cells)];
    }

    /// <inheritdoc/>
    public override IReadOnlyList<Figure> BuildFigures(FigureInput<PaperASettings> input)
    {
        var rows = input.Rows;
        var sizes = input.Grid.Axes[input.Grid.AxisIndex("ntx")].Values.Select(v => v.Number).ToList();
        var names = input.Grid.Axes[input.Grid.AxisIndex("scheme")].Values.Select(v => v.Text!).ToList();
        var series = new List<LineSeries>();
        for (int i = 0; i < names.Count; i++)
        {
            var groups = sizes.Select(n => rows.Where(r => r.Text("scheme") == names[i] && r.Number("ntx") == n).ToList()).ToList();
            series.Add(new LineSeries(PaperADesigns.Label(names[i]), sizes, groups.Select(g => DrawAverages.MeanIfAllSolved(g, "rcrb_deg")).ToList()) { Color = i });
            series.Add(new LineSeries($"{PaperADesigns.Label(names[i])}, relaxation", sizes,
                groups.Select(g => DrawAverages.MeanIfAllSolved(g, "relaxation_rcrb_deg")).ToList()) { Color = i, Dashed = true, Markers = false });
        }
        var s = input.Settings;
        string caption =
            $"Root CRB (largest of the two BSs) against Ntx at γ = {s.GammaDb} dB, δ = {s.Delta}, ρ = 1, Nrx = {s.Network.ReceiveElements}, " +
            $"frame L = Ntx + 6, Rayleigh users, mean over {input.Grid.Draws} channel draw(s); solid achieved, dashed the relaxation. " +
            "Compare with paper A's Fig. 8: more transmit antennas, lower RCRB.";
        var table = TidyTable.From(rows, "scheme", "ntx", "draw", "rcrb_deg", "relaxation_rcrb_deg", "unrefined_rcrb_deg", "min_sinr_db",
            "worst_case_min_sinr_db", "status", "iterations", "refine_caps", "reduced_dim", "solver_trouble", "message");
        return
        [
            new Figure("fig8", Title, caption, table,
            [
                new PlotSpec("RCRB versus the number of transmit antennas", "transmit antennas per BS, Ntx", "RCRB (deg), mean over draws", series)
                { Legend = LegendPlacement.Outside, Width = 1000, IntegerX = true },
            ]),
        ];
    }
}
