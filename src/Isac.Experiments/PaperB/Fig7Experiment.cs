using Isac.Experiments.Definitions;
using Isac.Experiments.Figures;
using Isac.Experiments.Results;
using Isac.Experiments.Sweeps;
using Isac.Network.Simulation;

namespace Isac.Experiments.PaperB;

/// <summary>
/// Paper B, Fig. 7: SD-USCB's accumulated PFR after the last epoch for each sensing-error
/// threshold c̄, with the paper's protocol (epoch 1's PFZFG schedule kept for every epoch).
/// </summary>
public sealed class Fig7Experiment : PaperBExperiment
{
    /// <inheritdoc/>
    public override string Id => "fig7";

    /// <inheritdoc/>
    public override string Title => "Accumulated PFR of SD-USCB versus the sensing-error threshold";

    /// <inheritdoc/>
    public override string Description =>
        "SD-USCB with the sensing-error threshold c̄ of constraint (17c) swept; epoch 1's schedule is kept for all epochs, " +
        "and the accumulated PFR of the last epoch is reported (paper B, Fig. 7).";

    /// <inheritdoc/>
    public override IReadOnlyList<SweepParameter> Parameters { get; } =
    [
        SweepParameter.Real("sensing_threshold", "", "sensing-error threshold c̄ of (17c) (paper: 1)", quick: [0.01, 1, 10], full: [0.01, 0.1, 1, 10],
            min: 1e-9, max: 1e9),
        CellUsers(16),
        ScheduledPerCell([6], [18]),
        Epochs(6),
    ];

    /// <inheritdoc/>
    public override int QuickDraws => 1;

    /// <inheritdoc/>
    public override int FullDraws => 10;

    /// <inheritdoc/>
    public override IReadOnlyList<ResultRow> Evaluate(SweepPoint point, PaperBSettings settings, CancellationToken cancellation)
    {
        double threshold = point.Real("sensing_threshold");
        return SimulateEpochs(point, settings, sc => new RunOptions(Scheme.SdUscb, SchedulerKind.Pfzfg, sc.Epochs, SensingThreshold: threshold,
            FreezeScheduleAfterFirstEpoch: true), cancellation);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<Figure> BuildFigures(FigureInput<PaperBSettings> input)
    {
        int last = input.Rows.Max(r => (int)r.Number("epoch"));
        var final = input.Rows.Where(r => (int)r.Number("epoch") == last).ToList();
        var pfr = DrawStatistics.Means(final, "accumulated_pfr", "sensing_threshold");
        var rmse = DrawStatistics.Means(input.Rows, "location_rmse_m", "sensing_threshold");
        var table = new TidyTable("sensing_threshold", "accumulated_pfr", "accumulated_pfr_ci95", "draws", "epoch", "location_rmse_m");
        for (int i = 0; i < pfr.Count; i++)
            table.Add(pfr[i].Keys[0], Cell.Of(pfr[i].Mean), Cell.Of(pfr[i].HalfWidth95), Cell.Of(pfr[i].Draws), Cell.Of(last), Cell.Of(rmse[i].Mean));
        bool bars = pfr.Any(p => double.IsFinite(p.HalfWidth95));
        var series = new LineSeries("SD-USCB", pfr.Select(p => Math.Log10(p.Keys[0].Number)).ToList(), pfr.Select(p => p.Mean).ToList())
        {
            ErrorBars = bars ? pfr.Select(p => p.HalfWidth95).ToList() : null,
        };
        var plot = new PlotSpec("Fig. 7: accumulated PFR versus the sensing threshold", "sensing-error threshold log10 c̄",
            $"accumulated PFR after epoch {last} (eq. 7a)", [series]);
        return
        [
            new Figure("fig7", "Fig. 7: accumulated PFR versus the sensing-error threshold c̄",
                $"SD-USCB with constraint (17c) σ² ≤ c̄, epoch 1's PFZFG schedule kept for all {last} epochs (the paper's protocol); " +
                $"accumulated PFR after epoch {last}, mean over {input.Grid.Draws} network draw(s) (95 % intervals when several); " +
                "location_rmse_m: root-mean-square error of the sensed locations, averaged over epochs and draws. " +
                "Compare with paper B's Fig. 7: c̄ between 0.1 and 1 above both 0.01 and 10.",
                table, [plot]),
        ];
    }
}
