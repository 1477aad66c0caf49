using Isac.Experiments.Definitions;
using Isac.Experiments.Figures;
using Isac.Experiments.Results;
using Isac.Experiments.Sweeps;
using Isac.Network.Simulation;

namespace Isac.Experiments.PaperB;

/// <summary>
/// Paper B, Fig. 6: accumulated PFR (eq. (7a)) of SD-USCB and the baselines over the epochs, PFZFG
/// scheduling for all. Also a table of the backhaul bits each scheme exchanges per epoch.
/// </summary>
public sealed class Fig6Experiment : PaperBExperiment
{
    /// <inheritdoc/>
    public override string Id => "fig6";

    /// <inheritdoc/>
    public override string Title => "Accumulated PFR of SD-USCB and the baselines versus epoch";

    /// <inheritdoc/>
    public override string Description =>
        "SD-USCB (CKM inter-cell CSI at sensed locations, SALINR, DualOpt with sensing constraints) against centralised WMMSE, " +
        "SALINR-FP with perfect CSI, SD-USCB with SLINR and per-cell WMMSE; PFZFG scheduling for all (paper B, Fig. 6).";

    /// <inheritdoc/>
    public override IReadOnlyList<SweepParameter> Parameters { get; } =
    [
        SweepParameter.Choice("scheme", "coordinated beamforming scheme", SchemeNames.All.Select(s => s.Name()).ToArray(),
            quick: SchemeNames.All.Select(s => s.Name()).ToArray(), full: SchemeNames.All.Select(s => s.Name()).ToArray()),
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
        var scheme = SchemeNames.ParseScheme(point.Text("scheme"));
        return SimulateEpochs(point, settings, sc => new RunOptions(scheme, SchedulerKind.Pfzfg, sc.Epochs), cancellation);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<Figure> BuildFigures(FigureInput<PaperBSettings> input)
    {
        int draws = input.Grid.Draws;
        var curves = EpochCurves.Figure(input.Rows, ["scheme"], ["scheme"], k => SchemeLabels.Of(k[0].Format()), "fig6",
            "Fig. 6: accumulated PFR versus epoch",
            $"Accumulated PFR Σ_k ln max(R̂_k, R_min) over all users (eq. (7a)) after each epoch, mean over {draws} network draw(s) " +
            "(95 % intervals when several), every scheme on the same networks. Compare with paper B's Fig. 6: CWMMSE highest, " +
            "SALINR (perfect CSI) close to it, SD-USCB close to SALINR, PWMMSE lowest (the paper does not plot SD-USCB with SLINR).");
        var bits = DrawStatistics.Means(input.Rows, "backhaul_bits", "scheme");
        var table = new TidyTable("scheme", "backhaul_bits_per_epoch", "draws");
        foreach (var b in bits) table.Add(b.Keys[0], Cell.Of(b.Mean), Cell.Of(draws));
        var backhaul = new Figure("fig6-backhaul", "Backhaul bits per epoch of each scheme",
            "Bits exchanged per epoch for the coordination (mean over epochs and draws): SD-USCB sends 2 reals per scheduled user to each " +
            "other BS; SALINR with perfect CSI needs N_t complex channel entries per other-cell scheduled user at each BS; CWMMSE " +
            "collects every scheduled user's L channels at a central unit and returns the beams; PWMMSE exchanges nothing (32 bits per real).",
            table, []);
        return [curves, backhaul];
    }
}
