using Isac.Experiments.Definitions;
using Isac.Experiments.Figures;
using Isac.Experiments.Results;
using Isac.Experiments.Sweeps;
using Isac.Network.Simulation;

namespace Isac.Experiments.PaperB;

/// <summary>Paper B, Fig. 8: SD-USCB's accumulated PFR with PFZFG (Algorithm 1), Hungarian and no scheduling.</summary>
public sealed class Fig8Experiment : PaperBExperiment
{
    /// <inheritdoc/>
    public override string Id => "fig8";

    /// <inheritdoc/>
    public override string Title => "Accumulated PFR of SD-USCB with different user schedulers";

    /// <inheritdoc/>
    public override string Description =>
        "SD-USCB with PFZFG scheduling (Algorithm 1), with the Hungarian user-to-beam assignment, and with every user scheduled (paper B, Fig. 8).";

    /// <inheritdoc/>
    public override IReadOnlyList<SweepParameter> Parameters { get; } =
    [
        SweepParameter.Choice("scheduler", "user scheduler", ["pfzfg", "hungarian", "all"],
            quick: ["pfzfg", "hungarian", "all"], full: ["pfzfg", "hungarian", "all"]),
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
        var scheduler = SchemeNames.ParseScheduler(point.Text("scheduler"));
        return SimulateEpochs(point, settings, sc => new RunOptions(Scheme.SdUscb, scheduler, sc.Epochs), cancellation);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<Figure> BuildFigures(FigureInput<PaperBSettings> input) =>
    [
        EpochCurves.Figure(input.Rows, ["scheduler"], ["scheduler"], k => SchemeLabels.Of(k[0].Format()), "fig8",
            "Fig. 8: accumulated PFR of the schedulers versus epoch",
            $"SD-USCB (SALINR, DualOpt, CKM at sensed locations) with three schedulers, mean over {input.Grid.Draws} network draw(s) " +
            "(95 % intervals when several). Hungarian: users assigned one-to-one to N_t orthogonal DFT beams maximising the PF-weighted " +
            "single-beam rate, best pairs scheduled (the paper does not give its cost). No scheduling: every user of the cell. " +
            "Compare with paper B's Fig. 8: PFZFG above Hungarian above no scheduling."),
    ];
}
