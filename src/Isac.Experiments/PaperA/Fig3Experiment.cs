using Complex = System.Numerics.Complex;
using Isac.Core.Json;
using Isac.Experiments.Definitions;
using Isac.Experiments.Figures;
using Isac.Experiments.Results;
using Isac.Experiments.Sweeps;
using Isac.Physics;
using Isac.Precoding;
using Isac.Precoding.Design;
using Isac.Precoding.Evaluation;
using Isac.Precoding.Network;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Experiments.PaperA;

/// <summary>
/// Paper A Fig. 3: what a single-cell design loses once the neighbour transmits. Each BS designs its
/// block-level precoder as if alone (J = 1: no inter-cell interference at its users, no inter-cell
/// reflections at its receiver); the precoders are then evaluated in the two-cell network, and compared
/// with the multi-cell CBF design (P1).
/// </summary>
/// <remarks>
/// Three curves per γ (ρ = 1, δ = 0, Ntx = Nrx = 10): "single-cell, as designed" (the J = 1 metrics each BS
/// believes), "single-cell, in the network" (the same precoders with the neighbour's interference and
/// reflections) and "multi-cell CBF". The single-cell row also carries Liu et al.'s closed-form RCRB of its
/// precoders (<see cref="LiuSingleCellCrb"/>) next to ours, the check of paper A's claim that its CRB reduces
/// to theirs for J = 1.
/// </remarks>
public sealed class Fig3Experiment : Experiment<PaperASettings>
{
    private static readonly string[] Curves = ["single-cell", "single-cell-in-network", "multi-cell-cbf"];

    /// <inheritdoc/>
    public override string Group => "paper-a";

    /// <inheritdoc/>
    public override string Id => "fig3";

    /// <inheritdoc/>
    public override string Title => "Single-cell designs in a two-cell network (paper A Fig. 3)";

    /// <inheritdoc/>
    public override string Description =>
        "RCRB against minimum SINR of block-level designs that ignore the inter-cell links, as designed and once evaluated in the " +
        "two-cell network, and of the multi-cell CBF design; Ntx = Nrx = 10, K = 3, δ = 0; with the J = 1 check against Liu et al.'s CRB.";

    /// <inheritdoc/>
    public override string SectionName => "paper_a";

    /// <inheritdoc/>
    public override IReadOnlyList<SweepParameter> Parameters { get; } =
    [
        SweepParameter.Real("gamma_db", "dB", "SINR threshold γ", quick: [0, 10, 20], full: [0, 4, 8, 12, 16, 20, 24, 28], min: -30, max: 60),
    ];

    /// <inheritdoc/>
    public override int QuickDraws => 1;

    /// <inheritdoc/>
    public override int FullDraws => 10;

    /// <inheritdoc/>
    public override PaperASettings ParseSettings(JsonCursor? section) =>
        PaperASettings.Parse(section, new PaperASettings(new NetworkSpec { TransmitElements = 10, ReceiveElements = 10, FrameLength = 16 }, 0, 10));

    /// <inheritdoc/>
    public override IReadOnlyList<ResultRow> Evaluate(SweepPoint point, PaperASettings settings, CancellationToken cancellation)
    {
        var network = settings.Network.Build(point.DrawSeed);
        double gamma = point.Real("gamma_db");
        var design = settings.Design(PrecodingScheme.BlpCbf, gamma, RobustnessModel.Paper, point.PointSeed);
        var rows = new List<ResultRow>();

        var alone = new DesignResult[network.Cells];
        for (int m = 0; m < network.Cells; m++) alone[m] = RobustPrecoder.Design(SingleCellView.Of(network, m), design, cancellation);
        var failed = alone.FirstOrDefault(r => r.Status != DesignStatus.Solved);
        if (failed is not null)
        {
            rows.Add(Row("single-cell", failed.Status.Name(), double.NaN, double.NaN).Set("message", failed.Message));
            rows.Add(Row("single-cell-in-network", failed.Status.Name(), double.NaN, double.NaN).Set("message", failed.Message));
        }
        else
        {
            double liu = 0, ours = 0, relative = 0;
            for (int m = 0; m < network.Cells; m++)
            {
                var w = alone[m].Precoders[0];
                var rm = w * w.ConjugateTranspose();
                var cellScene = SingleCellView.Of(network, m).Scene;
                double l = LiuSingleCellCrb.RootDegrees(cellScene, 0, rm);
                liu = Math.Max(liu, l);
                ours = Math.Max(ours, alone[m].RcrbDeg[0]);
                relative = Math.Max(relative, Math.Abs(l - alone[m].RcrbDeg[0]) / l);
            }
            rows.Add(Row("single-cell", "solved", ours, alone.Min(r => r.MinSinrDb))
                .Set("solver_trouble", string.Join(" ", alone.Select(r => r.UsedSolveTrouble).Where(t => t.Length > 0)))
                .Set("liu_rcrb_deg", liu).Set("liu_relative_difference", relative));
            var beams = Enumerable.Range(0, network.Cells)
                .SelectMany(m => Enumerable.Range(0, network.UsersPerCell).Select(k => Stack(network, m, alone[m].Precoders[0].Column(k))))
                .ToArray();
            var actual = PrecoderEvaluation.Block(network, CoordinationMode.Cbf, beams, 0);
            rows.Add(Row("single-cell-in-network", "solved", actual.RcrbDeg.Max(), actual.MinSinrDb));
        }

        var multi = RobustPrecoder.Design(network, design, cancellation);
        rows.Add(Row("multi-cell-cbf", multi.Status.Name(), multi.MaxRcrbDeg, multi.MinSinrDb)
            .Set("solver_trouble", multi.UsedSolveTrouble).Set("message", multi.Message));
        return rows;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<Figure> BuildFigures(FigureInput<PaperASettings> input)
    {
        var rows = input.Rows;
        var table = TidyTable.From(rows, "curve", "gamma_db", "draw", "rcrb_deg", "min_sinr_db", "status", "liu_rcrb_deg", "liu_relative_difference", "solver_trouble", "message");
        var gammas = input.Grid.Axes[0].Values.Select(v => v.Number).ToList();
        string[] labels = ["single-cell design, as designed (J = 1)", "single-cell design, in the two-cell network", "multi-cell CBF design (P1)"];
        var series = new List<LineSeries>();
        for (int c = 0; c < Curves.Length; c++)
        {
            var groups = gammas.Select(g => rows.Where(r => r.Text("curve") == Curves[c] && r.Number("gamma_db") == g).ToList()).ToList();
            series.Add(new LineSeries(labels[c], groups.Select(g => DrawAverages.MeanIfAllSolved(g, "min_sinr_db")).ToList(),
                groups.Select(g => DrawAverages.MeanIfAllSolved(g, "rcrb_deg")).ToList()) { Color = c, Dashed = c == 0 });
        }
        double worstLiu = rows.Where(r => r.Text("curve") == "single-cell" && !r["liu_relative_difference"].IsMissing)
            .Select(r => r.Number("liu_relative_difference")).DefaultIfEmpty(double.NaN).Max();
        var s = input.Settings;
        string caption =
            $"RCRB (largest of the two BSs) against the minimum SINR over all users, mean over {input.Grid.Draws} channel draw(s) at each " +
            $"threshold γ ∈ {{{string.Join(", ", gammas)}}} dB; block-level precoding, ρ = 1, δ = 0, Ntx = {s.Network.TransmitElements}, " +
            $"Nrx = {s.Network.ReceiveElements}, K = {s.Network.UsersPerCell}. Dashed: what each BS's single-cell design (J = 1) believes; " +
            "the same precoders in the two-cell network lose both sensing (the neighbour's echoes from the target direction) and " +
            "communication (inter-cell interference); the multi-cell CBF design accounts for both. J = 1 check: the largest relative " +
            $"difference between our RCRB and Liu et al.'s closed form is {worstLiu:G3} (column liu_relative_difference). Compare with paper A's Fig. 3.";
        return
        [
            new Figure("fig3", Title, caption, table,
            [
                new PlotSpec("Single-cell designs once the neighbour transmits", "minimum SINR over the users (dB)", "RCRB (deg)", series)
                { Legend = LegendPlacement.Outside, Width = 1000 },
            ]),
        ];
    }

    private static ResultRow Row(string curve, string status, double rcrb, double sinr) =>
        new ResultRow().Set("curve", curve).Set("status", status).Set("rcrb_deg", rcrb).Set("min_sinr_db", sinr);

    private static Vector<Complex> Stack(IsacNetwork network, int bs, Vector<Complex> w)
    {
        var s = Vector<Complex>.Build.Dense(network.StackedDimension);
        s.SetSubVector(bs * network.TransmitElements, network.TransmitElements, w);
        return s;
    }
}
