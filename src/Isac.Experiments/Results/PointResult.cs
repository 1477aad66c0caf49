using System.Text;
using System.Text.Json;
using Isac.Experiments.Sweeps;

namespace Isac.Experiments.Results;

/// <summary>
/// A finished point as stored: its index and key, the union of its rows' columns, and the rows.
/// One JSON line: <c>{"point":17,"key":"…","columns":["a","b"],"rows":[[1,"x"],[2,null]]}</c>.
/// </summary>
internal sealed record PointResult(int Index, string Key, IReadOnlyList<string> Columns, IReadOnlyList<Cell[]> Rows)
{
    /// <summary>Collects an evaluator's rows for a point.</summary>
    public static PointResult From(SweepPoint point, IReadOnlyList<ResultRow> rows)
    {
        var columns = new List<string>();
        foreach (var row in rows)
        {
            foreach (var c in row.Columns)
            {
                if (!columns.Contains(c)) columns.Add(c);
            }
        }
        foreach (var c in columns)
        {
            if (c == "draw" || point.Grid.AxisIndex(c) >= 0)
                throw new InvalidOperationException($"the evaluator's column '{c}' clashes with a sweep parameter or 'draw'");
        }
        var cells = rows.Select(r => columns.Select(c => r[c]).ToArray()).ToList();
        return new PointResult(point.Index, point.Key, columns, cells);
    }

    /// <summary>The JSON line, with the trailing newline, as UTF-8.</summary>
    public byte[] ToLine()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("point", Index);
            w.WriteString("key", Key);
            w.WriteStartArray("columns");
            foreach (var c in Columns) w.WriteStringValue(c);
            w.WriteEndArray();
            w.WriteStartArray("rows");
            foreach (var row in Rows)
            {
                w.WriteStartArray();
                foreach (var cell in row) WriteCell(w, cell);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>Parses a line; null when it is not a well-formed point record.</summary>
    public static PointResult? TryParse(ReadOnlySpan<byte> line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line.ToArray());
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            int index = root.GetProperty("point").GetInt32();
            string key = root.GetProperty("key").GetString() ?? throw new FormatException();
            var columns = root.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? throw new FormatException()).ToList();
            var rows = new List<Cell[]>();
            foreach (var r in root.GetProperty("rows").EnumerateArray())
            {
                var cells = r.EnumerateArray().Select(ReadCell).ToArray();
                if (cells.Length != columns.Count) return null;
                rows.Add(cells);
            }
            return new PointResult(index, key, columns, rows);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The stored rows with the point's parameters and draw in front.</summary>
    public IEnumerable<ResultRow> ToRows(SweepGrid grid)
    {
        var point = grid.Point(Index);
        var head = new ResultRow();
        for (int i = 0; i < grid.Axes.Count; i++)
        {
            var v = point.Values[i];
            head.Set(grid.Axes[i].Parameter.Name, v.IsText ? Cell.Of(v.Text!) : Cell.Of(v.Number));
        }
        head.Set("draw", point.Draw);
        foreach (var cells in Rows)
        {
            var row = new ResultRow();
            for (int j = 0; j < Columns.Count; j++) row.Set(Columns[j], cells[j]);
            yield return row.After(head);
        }
    }

    private static void WriteCell(Utf8JsonWriter w, Cell cell)
    {
        switch (cell.Kind)
        {
            case CellKind.Number: w.WriteNumberValue(cell.Number); break;
            case CellKind.Text: w.WriteStringValue(cell.Text); break;
            case CellKind.Boolean: w.WriteBooleanValue(cell.Number != 0); break;
            default: w.WriteNullValue(); break;
        }
    }

    private static Cell ReadCell(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => Cell.Of(e.GetDouble()),
        JsonValueKind.String => Cell.Of(e.GetString()!),
        JsonValueKind.True => Cell.Of(true),
        JsonValueKind.False => Cell.Of(false),
        JsonValueKind.Null => Cell.Missing,
        _ => throw new FormatException(),
    };
}
