using Isac.Experiments.Definitions;
using Isac.Experiments.Figures;
using Isac.Experiments.Results;
using Isac.Experiments.Sweeps;
using Isac.Network.Simulation;

namespace Isac.Experiments.PaperB;

/// <summary>Paper B, Fig. 9: SD-USCB with SALINR against SLINR beamforming at two limits on the scheduled users per cell.</summary>
public sealed class Fig9Experiment : PaperBExperiment
{
    /// <inheritdoc/>
    public override string Id => "fig9";

    /// <inheritdoc/>
    public override string Title => "Accumulated PFR of SD-USCB with SALINR and SLINR beamforming";

    /// <inheritdoc/>
    public override string Description =>
        "SD-USCB whose DualOpt beamformer uses SALINR (eq. (10)-(11)) or SLINR (eq. (9)), at two limits on the users scheduled per cell (paper B, Fig. 9).";

    /// <inheritdoc/>
    public override IReadOnlyList<SweepParameter> Parameters { get; } =
    [
        SweepParameter.Choice("beamforming", "leakage surrogate of the beamformer", ["salinr", "slinr"],
            quick: ["salinr", "slinr"], full: ["salinr", "slinr"]),
        ScheduledPerCell([6, 8], [18, 22]),
        CellUsers(16),
        Epochs(6),
    ];

    /// <inheritdoc/>
    public override int QuickDraws => 1;

    /// <inheritdoc/>
    public override int FullDraws => 10;

    /// <inheritdoc/>
    public override IReadOnlyList<ResultRow> Evaluate(SweepPoint point, PaperBSettings settings, CancellationToken cancellation)
    {
        var scheme = point.Text("beamforming") == "slinr" ? Scheme.SdUscbSlinr : Scheme.SdUscb;
        return SimulateEpochs(point, settings, sc => new RunOptions(scheme, SchedulerKind.Pfzfg, sc.Epochs), cancellation);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<Figure> BuildFigures(FigureInput<PaperBSettings> input) =>
    [
        EpochCurves.Figure(input.Rows, ["beamforming", "scheduled_per_cell"], ["beamforming", "users_per_cell"],
            k => $"{SchemeLabels.Of(k[0].Format())}, |S_ℓ| ≤ {k[1].Format()}", "fig9",
            "Fig. 9: accumulated PFR with SALINR and SLINR beamforming",
            $"SD-USCB with its beamformer's inter-cell interference surrogate SALINR (cell-average leakage) or SLINR (each beam's own " +
            $"leakage); users_per_cell is the limit on the users scheduled per cell. Mean over {input.Grid.Draws} network draw(s) " +
            "(95 % intervals when several), same networks for every curve. Compare with paper B's Fig. 9: SALINR above SLINR, by more at 22 than at 18."),
    ];
}
