using Isac.Core.Json;
using Isac.Experiments.Definitions;
using Isac.Experiments.Figures;
using Isac.Experiments.Results;
using Isac.Experiments.Sweeps;
using Isac.Precoding.Network;

namespace Isac.Experiments.PaperA;

/// <summary>
/// Paper A Figs. 5 and 6: the RCRB of the target angle against the SINR threshold γ for the four designs
/// (and, with δ &gt; 0, the exact-robust block-level variants), averaged over channel draws.
/// </summary>
/// <remarks>
/// Each point designs one scheme at one γ for one draw of the channels and symbols (the draw seed, so every
/// scheme and γ of a draw sees the same network) with ρ = 1: minimise the CRB (CoMP: the largest over the BSs)
/// under SINR ≥ γ. The row holds the achieved RCRB (from the transmitted precoders), the relaxation's RCRB and
/// the SINRs. The plot averages the draws at each (scheme, γ) and leaves a gap where some draw was infeasible.
/// </remarks>
public sealed class RcrbVersusGammaExperiment(string id, string title, double delta, string[] schemes, string[] quickSchemes, int fullDraws)
    : Experiment<PaperASettings>
{
    /// <summary>Paper A Fig. 5: perfect CSI.</summary>
    public static RcrbVersusGammaExperiment Fig5() => new("fig5", "RCRB versus the SINR threshold, perfect CSI (paper A Fig. 5)", 0,
        PaperADesigns.Schemes, PaperADesigns.Schemes, 10);

    /// <summary>Paper A Fig. 6: δ = 0.01, with the exact-robust block-level variants beside the paper's.</summary>
    public static RcrbVersusGammaExperiment Fig6() => new("fig6", "RCRB versus the SINR threshold under CSI errors δ = 0.01 (paper A Fig. 6)", 0.01,
        PaperADesigns.SchemesWithExact, PaperADesigns.SchemesWithExact, 5);

    /// <inheritdoc/>
    public override string Group => "paper-a";

    /// <inheritdoc/>
    public override string Id => id;

    /// <inheritdoc/>
    public override string Title => title;

    /// <inheritdoc/>
    public override string Description =>
        $"Root CRB of the target angle (degrees, largest over the two BSs) against the SINR threshold γ for BLP/SLP × CBF/CoMP, " +
        $"two cells, three users each, Ntx = Nrx = 6, δ = {delta}, ρ = 1, Rayleigh users; achieved (transmitted precoders) and relaxation values.";

    /// <inheritdoc/>
    public override string SectionName => "paper_a";

    /// <inheritdoc/>
    public override IReadOnlyList<SweepParameter> Parameters { get; } =
    [
        SweepParameter.Choice("scheme", "precoding design (-exact: S-procedure worst case instead of Proposition 3)", PaperADesigns.SchemesWithExact, quickSchemes, schemes),
        SweepParameter.Real("gamma_db", "dB", "SINR threshold γ", quick: [0, 10, 20], full: [0, 4, 8, 12, 16, 20, 24, 28, 32], min: -30, max: 60),
    ];

    /// <inheritdoc/>
    public override int QuickDraws => 1;

    /// <inheritdoc/>
    public override int FullDraws => fullDraws;

    /// <inheritdoc/>
    public override PaperASettings ParseSettings(JsonCursor? section) => PaperASettings.Parse(section, Defaults);

    private PaperASettings Defaults => new(new NetworkSpec { TransmitElements = 6, ReceiveElements = 6, FrameLength = 12 }, delta, 10);

    /// <inheritdoc/>
    public override IReadOnlyList<ResultRow> Evaluate(SweepPoint point, PaperASettings settings, CancellationToken cancellation)
    {
        var network = settings.Network.Build(point.DrawSeed);
        var result = PaperADesigns.Run(network, settings, point.Text("scheme"), point.Real("gamma_db"), point.PointSeed, cancellation);
        return [PaperADesigns.Row(result, network.Cells)];
    }

    /// <inheritdoc/>
    public override IReadOnlyList<Figure> BuildFigures(FigureInput<PaperASettings> input)
    {
        var rows = input.Rows;
        var table = TidyTable.From(rows, "scheme", "gamma_db", "draw", "rcrb_deg", "min_sinr_db", "worst_case_min_sinr_db", "status",
            "relaxation_rcrb_deg", "unrefined_rcrb_deg", "rcrb_bs1_deg", "rcrb_bs2_deg", "prop3_min_sinr_db", "iterations", "recovery", "refine_caps", "solver_trouble", "message");
        var gammas = input.Grid.Axes[input.Grid.AxisIndex("gamma_db")].Values.Select(v => v.Number).ToList();
        var names = input.Grid.Axes[input.Grid.AxisIndex("scheme")].Values.Select(v => v.Text!).ToList();
        var achieved = new List<LineSeries>();
        var worst = new List<LineSeries>();
        var feasible = new List<LineSeries>();
        for (int i = 0; i < names.Count; i++)
        {
            var groups = gammas.Select(g => rows.Where(r => r.Text("scheme") == names[i] && r.Number("gamma_db") == g).ToList()).ToList();
            string label = PaperADesigns.Label(names[i]);
            achieved.Add(new LineSeries(label, gammas, groups.Select(g => DrawAverages.MeanIfAllSolved(g, "rcrb_deg")).ToList()) { Color = i });
            achieved.Add(new LineSeries($"{label}, relaxation", gammas, groups.Select(g => DrawAverages.MeanIfAllSolved(g, "relaxation_rcrb_deg")).ToList())
            { Color = i, Dashed = true, Markers = false });
            worst.Add(new LineSeries(label, gammas, groups.Select(g => DrawAverages.MeanIfAllSolved(g, "worst_case_min_sinr_db")).ToList()) { Color = i });
            feasible.Add(new LineSeries(label, gammas, groups.Select(DrawAverages.SolvedFraction).ToList()) { Color = i });
        }
        worst.Add(new LineSeries("threshold γ", gammas, gammas) { Dashed = true, Markers = false, Color = 9 });
        int draws = input.Grid.Draws;
        var plots = new List<PlotSpec>
        {
            new("RCRB of the target angle versus the SINR threshold", "SINR threshold γ (dB)", "RCRB (deg), mean over draws", achieved)
            { Legend = LegendPlacement.Outside, Width = 1000 },
            new("Exact worst-case minimum SINR of the designs", "SINR threshold γ (dB)", "worst-case min SINR (dB), mean over draws", worst)
            { FileSuffix = "worst-sinr", Legend = LegendPlacement.Outside, Width = 1000 },
            new("Fraction of channel draws for which the design is feasible", "SINR threshold γ (dB)", "fraction solved", feasible)
            { FileSuffix = "feasible", YLimits = (0, 1.05), Legend = LegendPlacement.Outside, Width = 1000 },
        };
        var s = input.Settings;
        string caption =
            $"Root CRB (degrees, largest of the two BSs) of the target angle against the SINR threshold γ, δ = {s.Delta}, ρ = 1, " +
            $"J = {s.Network.Cells}, K = {s.Network.UsersPerCell}, Ntx = {s.Network.TransmitElements}, Nrx = {s.Network.ReceiveElements}, L = {s.Network.FrameLength}, " +
            $"Rayleigh users, mean over {draws} channel draw{(draws == 1 ? "" : "s")}; a gap where some draw is infeasible. Solid: achieved by the transmitted " +
            "precoders (block level: recovered beamformers; symbol level: the refined symbols); dashed: the semidefinite relaxation's value, " +
            "which is what paper A plots. Compare with paper A's Fig. " + (Id == "fig5" ? "5" : "6") + ": SLP-CoMP best, BLP-CBF worst, RCRB flat at low γ and rising with γ.";
        return [new Figure(Id, Title, caption, table, plots)];
    }
}
