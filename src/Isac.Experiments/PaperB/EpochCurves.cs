using Isac.Experiments.Figures;
using Isac.Experiments.Results;
using Isac.Network.Simulation;

namespace Isac.Experiments.PaperB;

/// <summary>The per-epoch rows of a network run, and the accumulated-PFR-versus-epoch figure built from them (Figs. 6, 8, 9).</summary>
internal static class EpochCurves
{
    /// <summary>One row per epoch: accumulated PFR (7a) and the diagnostics docs/reproduction.md discusses.</summary>
    public static IReadOnlyList<ResultRow> Rows(SimulationResult run) => run.Epochs.Select(e => new ResultRow()
        .Set("epoch", e.Epoch)
        .Set("accumulated_pfr", e.AccumulatedPfr)
        .Set("sum_rate", e.SumRate)
        .Set("scheduled_users", e.ScheduledUsers)
        .Set("location_rmse_m", e.LocationRmse)
        .Set("max_sensing_violation", e.MaxSensingViolation)
        .Set("backhaul_bits", e.BackhaulBits)).ToList();

    /// <summary>
    /// The tidy table (keys…, epoch, accumulated_pfr = mean over draws, accumulated_pfr_ci95, draws)
    /// and its plot: one curve per key combination, with 95 % intervals when there are several draws.
    /// </summary>
    /// <param name="rows">The sweep's rows.</param>
    /// <param name="keys">The curve's key columns as stored (the sweep parameters).</param>
    /// <param name="csvKeys">Their names in the CSV (the column names).</param>
    /// <param name="label">Legend label of a curve from its key cells.</param>
    /// <param name="stem">File stem.</param>
    /// <param name="title">Figure title.</param>
    /// <param name="caption">What was computed and what to compare with.</param>
    public static Figure Figure(IReadOnlyList<ResultRow> rows, string[] keys, string[] csvKeys, Func<Cell[], string> label,
        string stem, string title, string caption)
    {
        var means = DrawStatistics.Means(rows, "accumulated_pfr", [.. keys, "epoch"]);
        var table = new TidyTable([.. csvKeys, "epoch", "accumulated_pfr", "accumulated_pfr_ci95", "draws"]);
        foreach (var m in means) table.Add([.. m.Keys, Cell.Of(m.Mean), Cell.Of(m.HalfWidth95), Cell.Of(m.Draws)]);
        var plots = new List<PlotSpec> { Plot(means, keys.Length, label, title, 1) };
        // Epoch 1 (no rate history, most users at ln R_min) sets the scale of the whole plot; a
        // second plot from epoch 3 on shows where the curves separate.
        int last = means.Count == 0 ? 0 : means.Max(m => (int)m.Keys[^1].Number);
        if (last >= 5) plots.Add(Plot(means, keys.Length, label, $"{title} (from epoch 3)", 3) with { FileSuffix = "late" });
        return new Figure(stem, title, caption, table, plots);
    }

    private static PlotSpec Plot(IReadOnlyList<DrawMean> means, int keyCount, Func<Cell[], string> label, string title, int firstEpoch)
    {
        var series = means.Where(m => m.Keys[^1].Number >= firstEpoch)
            .GroupBy(m => string.Join("\u001f", m.Keys.Take(keyCount).Select(c => c.Format())))
            .Select(g =>
            {
                var points = g.ToList();
                bool bars = points.Any(p => double.IsFinite(p.HalfWidth95));
                return new LineSeries(label(points[0].Keys[..keyCount]), points.Select(p => p.Keys[^1].Number).ToList(),
                    points.Select(p => p.Mean).ToList()) { ErrorBars = bars ? points.Select(p => p.HalfWidth95).ToList() : null };
            }).ToList();
        return new PlotSpec(title, "epoch n", "accumulated PFR Σ_k ln R̂_k (eq. 7a)", series) { Legend = LegendPlacement.Outside, IntegerX = true };
    }
}
