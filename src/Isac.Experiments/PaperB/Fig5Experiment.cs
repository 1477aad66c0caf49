using Isac.Experiments.Definitions;
using Isac.Experiments.Figures;
using Isac.Experiments.Results;
using Isac.Experiments.Sweeps;
using Isac.Network.Beamforming;
using Isac.Network.Simulation;

namespace Isac.Experiments.PaperB;

/// <summary>
/// Paper B, Fig. 5: the virtual PFR (17a) of the ISAC beamformers, DualOpt (Algorithm 2) and the
/// SDR-based one, after each FP iteration, on the epoch-1 problems of every BS.
/// </summary>
public sealed class Fig5Experiment : PaperBExperiment
{
    /// <inheritdoc/>
    public override string Id => "fig5";

    /// <inheritdoc/>
    public override string Title => "Virtual PFR of DualOpt and the SDR beamformer versus FP iteration";

    /// <inheritdoc/>
    public override string Description =>
        "Convergence of the ISAC beamformers on problem (17): DualOpt (Algorithm 2) and the SDR-based beamformer, each BS's " +
        "epoch-1 SD-USCB problem, the FP loop run for a fixed number of iterations (paper B, Fig. 5).";

    /// <inheritdoc/>
    public override IReadOnlyList<SweepParameter> Parameters { get; } =
    [
        SweepParameter.Choice("algorithm", "ISAC beamformer", PaperBProblems.Algorithms, quick: PaperBProblems.Algorithms, full: PaperBProblems.Algorithms),
        CellUsers(16),
        ScheduledPerCell([6], [18]),
        SweepParameter.Integer("fp_iterations", "", "FP iterations run (no early stop)", [8], [20], 1, 1000),
    ];

    /// <inheritdoc/>
    public override int QuickDraws => 1;

    /// <inheritdoc/>
    public override int FullDraws => 3;

    /// <inheritdoc/>
    public override IReadOnlyList<ResultRow> Evaluate(SweepPoint point, PaperBSettings settings, CancellationToken cancellation)
    {
        var sim = Simulator(point, settings);
        var sc = sim.Environment.Scenario;
        int iterations = point.Int("fp_iterations");
        var beamformer = PaperBProblems.Beamformer(point.Text("algorithm"), sc, new FractionalProgrammingSettings(iterations, 0));
        var runs = PaperBProblems.RunAllBs(sim, beamformer, sc.MaxScheduledPerCell, 1, cancellation);
        string status = runs.FirstOrDefault(r => r.Failure is not null) is { } failed ? $"BS {failed.Bs}: {failed.Failure}" : "ok";
        // An iteration's value is the sum over the BSs. A BS whose FP loop stopped because its
        // objective no longer increased has converged: its last value holds. A BS whose solver
        // failed has no value after the failure (missing).
        double At(BeamformerRun r, int i) => i < r.Trace.Count ? r.Trace[i] : r.Failure is null ? r.Trace[^1] : double.NaN;
        return Enumerable.Range(0, iterations + 1).Select(i => new ResultRow()
            .Set("iteration", i)
            .Set("pfr", runs.Sum(r => At(r, i)))
            .Set("status", status)).ToList();
    }

    /// <inheritdoc/>
    public override IReadOnlyList<Figure> BuildFigures(FigureInput<PaperBSettings> input)
    {
        var means = DrawStatistics.Means(input.Rows, "pfr", "algorithm", "iteration");
        var table = new TidyTable("algorithm", "iteration", "pfr", "pfr_ci95", "draws");
        foreach (var m in means) table.Add([.. m.Keys, Cell.Of(m.Mean), Cell.Of(m.HalfWidth95), Cell.Of(m.Draws)]);
        var series = means.GroupBy(m => m.Keys[0].Format()).Select(g => new LineSeries(SchemeLabels.Of(g.Key),
            g.Select(m => m.Keys[1].Number).ToList(), g.Select(m => m.Mean).ToList())).ToList();
        var failures = input.Rows.Select(r => r.Text("status")).Where(s => s != "ok").Distinct().ToList();
        var plot = new PlotSpec("Fig. 5: virtual PFR versus FP iteration", "FP iteration", "virtual PFR Σ_ℓ Σ_k w_k log2(1 + SALINR_k) (eq. 17a)", series)
        {
            Legend = LegendPlacement.LowerRight,
            IntegerX = true,
        };
        return
        [
            new Figure("fig5", "Fig. 5: virtual PFR of the ISAC beamformers versus FP iteration",
                "Objective (17a) Σ_k w_k log2(1 + γ̃_k) (SALINR, PF weights 1/max(R̂, R_min) = 1/R_min in epoch 1) of the beams after " +
                "each FP iteration (0: the sensing-feasible regularised zero-forcing start; a BS whose objective stopped increasing keeps its " +
                "last value), summed over the BSs of the epoch-1 " +
                $"SD-USCB problems, mean over {input.Grid.Draws} network draw(s). DualOpt solves each FP step's SCA subproblem (26) by " +
                "its dual; the SDR beamformer relaxes each FP step to a semidefinite program with the exact sensing constraints and " +
                "takes principal eigenvectors. Compare with paper B's Fig. 5: both converge in about 10 iterations to almost the same PFR." +
                (failures.Count > 0 ? $" Stopped early: {string.Join("; ", failures)}." : ""),
                table, [plot]),
        ];
    }
}
