using System.Text;
using Isac.Experiments.Results;

namespace Isac.Experiments.Figures;

/// <summary>
/// A tidy table (one observation per row, one variable per column) written as CSV: invariant
/// culture, shortest round-trip numbers, empty cells for missing values, LF line ends, rows in
/// the order added. The same rows give the same bytes.
/// </summary>
public sealed class TidyTable
{
    private readonly List<Cell[]> _rows = [];

    /// <summary>Creates an empty table with the given columns.</summary>
    public TidyTable(params string[] columns)
    {
        if (columns.Length == 0 || columns.Distinct().Count() != columns.Length)
            throw new ArgumentException("a table needs at least one column and unique column names");
        Columns = columns;
    }

    /// <summary>The column names.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The rows.</summary>
    public IReadOnlyList<Cell[]> Rows => _rows;

    /// <summary>Adds a row; one cell per column.</summary>
    public TidyTable Add(params Cell[] cells)
    {
        if (cells.Length != Columns.Count) throw new ArgumentException($"a row of {cells.Length} cells for {Columns.Count} columns");
        _rows.Add(cells);
        return this;
    }

    /// <summary>A table of the given columns of result rows, in their order (absent columns are missing).</summary>
    public static TidyTable From(IEnumerable<ResultRow> rows, params string[] columns)
    {
        var table = new TidyTable(columns);
        foreach (var r in rows) table.Add(columns.Select(c => r[c]).ToArray());
        return table;
    }

    /// <summary>The table as CSV text (RFC 4180 quoting, LF line ends).</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', Columns.Select(Quote)).Append('\n');
        foreach (var row in _rows)
        {
            sb.AppendJoin(',', row.Select(c => Quote(c.Format()))).Append('\n');
        }
        return sb.ToString();
    }

    private static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
