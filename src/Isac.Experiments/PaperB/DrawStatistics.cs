using Isac.Experiments.Results;

namespace Isac.Experiments.PaperB;

/// <summary>The mean of one value over a figure's Monte Carlo draws, with a 95 % interval.</summary>
/// <param name="Keys">The grouping columns' cells (e.g. scheme and epoch).</param>
/// <param name="Mean">Mean over the draws (NaN if every draw is missing).</param>
/// <param name="HalfWidth95">1.96·s/√n, the half-width of a normal 95 % confidence interval of the mean (NaN for one draw).</param>
/// <param name="Draws">n, the draws with a value.</param>
public sealed record DrawMean(Cell[] Keys, double Mean, double HalfWidth95, int Draws);

/// <summary>Averages figure rows over draws.</summary>
public static class DrawStatistics
{
    private const double Z95 = 1.959963984540054;

    /// <summary>
    /// Groups <paramref name="rows"/> by <paramref name="keys"/> (in order of first appearance, which is
    /// the sweep's point order) and averages <paramref name="value"/> over each group's rows.
    /// </summary>
    public static IReadOnlyList<DrawMean> Means(IEnumerable<ResultRow> rows, string value, params string[] keys)
    {
        var groups = new List<(Cell[] Keys, List<double> Values)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var k = keys.Select(c => r[c]).ToArray();
            string id = string.Join("\u001f", k.Select(c => c.Format()));
            if (!index.TryGetValue(id, out int i))
            {
                i = groups.Count;
                index[id] = i;
                groups.Add((k, []));
            }
            double v = r.Number(value);
            if (double.IsFinite(v)) groups[i].Values.Add(v);
        }
        return groups.Select(g => Summary(g.Keys, g.Values)).ToList();
    }

    private static DrawMean Summary(Cell[] keys, List<double> v)
    {
        int n = v.Count;
        if (n == 0) return new DrawMean(keys, double.NaN, double.NaN, 0);
        double mean = v.Average();
        double sd = n > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (n - 1)) : double.NaN;
        return new DrawMean(keys, mean, Z95 * sd / Math.Sqrt(n), n);
    }
}
