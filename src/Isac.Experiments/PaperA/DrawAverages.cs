using Isac.Experiments.Results;

namespace Isac.Experiments.PaperA;

/// <summary>Averages over the Monte Carlo draws of a figure's points.</summary>
internal static class DrawAverages
{
    /// <summary>
    /// The mean of <paramref name="column"/> over the rows (one per draw) when every row is solved; NaN
    /// (a gap in the plot) when any draw is infeasible or failed, so a curve ends where the threshold stops
    /// being reachable for some channel draw.
    /// </summary>
    public static double MeanIfAllSolved(IReadOnlyList<ResultRow> rows, string column)
    {
        if (rows.Count == 0 || rows.Any(r => r.Text("status") != "solved")) return double.NaN;
        var values = rows.Select(r => r.Number(column)).ToArray();
        return values.Any(double.IsNaN) ? double.NaN : values.Average();
    }

    /// <summary>The fraction of rows whose status is <c>solved</c>.</summary>
    public static double SolvedFraction(IReadOnlyList<ResultRow> rows) =>
        rows.Count == 0 ? double.NaN : rows.Count(r => r.Text("status") == "solved") / (double)rows.Count;
}
