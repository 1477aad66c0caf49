namespace Isac.Experiments.Results;

/// <summary>
/// One row of results: named columns in the order they were set. An evaluator returns one or
/// more per sweep point; the runner stores them with the point's parameters and draw in front.
/// </summary>
public sealed class ResultRow
{
    private readonly List<string> _columns = [];
    private readonly Dictionary<string, Cell> _cells = new(StringComparer.Ordinal);

    /// <summary>The column names, in order.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>The cell of a column, or <see cref="Cell.Missing"/> when the row has no such column.</summary>
    public Cell this[string column] => _cells.TryGetValue(column, out var c) ? c : Cell.Missing;

    /// <summary>True when the row has the column.</summary>
    public bool Has(string column) => _cells.ContainsKey(column);

    /// <summary>Sets a cell; a column may be set once.</summary>
    public ResultRow Set(string column, Cell value)
    {
        if (string.IsNullOrEmpty(column)) throw new ArgumentException("a column needs a name", nameof(column));
        if (!_cells.TryAdd(column, value)) throw new ArgumentException($"column '{column}' is set twice in one row", nameof(column));
        _columns.Add(column);
        return this;
    }

    /// <summary>Sets a number (NaN or infinity is stored as missing).</summary>
    public ResultRow Set(string column, double value) => Set(column, Cell.Of(value));

    /// <summary>Sets a text value.</summary>
    public ResultRow Set(string column, string value) => Set(column, Cell.Of(value));

    /// <summary>Sets a boolean.</summary>
    public ResultRow Set(string column, bool value) => Set(column, Cell.Of(value));

    /// <summary>The number in a column (NaN when missing).</summary>
    public double Number(string column) => this[column].Number;

    /// <summary>The text in a column (the formatted value for numbers and booleans; empty when missing).</summary>
    public string Text(string column) => this[column].Format();

    /// <summary>A row with <paramref name="first"/>'s columns followed by this row's.</summary>
    internal ResultRow After(ResultRow first)
    {
        var row = new ResultRow();
        foreach (var c in first._columns) row.Set(c, first._cells[c]);
        foreach (var c in _columns) row.Set(c, _cells[c]);
        return row;
    }
}
