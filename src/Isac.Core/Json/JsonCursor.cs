using Complex = System.Numerics.Complex;
using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Core.Json;

/// <summary>
/// A position in a parsed JSON document that knows its JSON path, so every error it raises
/// names the file and the field (<c>case.json: $.bs[1].ntx: expected a positive integer, got -3</c>).
/// </summary>
/// <remarks>
/// The readers here are strict: numbers must be finite, complex numbers are <c>[re, im]</c>,
/// matrices are lists of rows of equal length, and <see cref="ExpectOnly"/> turns unknown
/// fields into errors instead of silently ignoring them. Keys are asked for by their snake_case name;
/// a document may still use an old name (<see cref="LegacyKeys"/>), which is read and recorded in
/// <see cref="Legacy"/> for one warning line per document. The root object may name its schema
/// (<c>"$schema"</c>), which the readers accept and ignore.
/// </remarks>
public readonly struct JsonCursor
{
    /// <summary>The key of the root object that names the document's JSON Schema (read by editors and <c>isac validate</c>).</summary>
    public const string SchemaKey = "$schema";

    private JsonCursor(JsonElement element, string path, string source, LegacyKeys? legacy)
    {
        Element = element;
        Path = path;
        Source = source;
        _legacy = legacy;
    }

    private readonly LegacyKeys? _legacy;

    /// <summary>The old key names this cursor's document may use, and those it used so far (shared by every cursor of the document).</summary>
    public LegacyKeys Legacy => _legacy ?? new LegacyKeys();

    /// <summary>The warning line for the old key names the document used so far, or null (see <see cref="LegacyKeys.Warning"/>).</summary>
    public string? LegacyWarning => _legacy?.Warning(Source);

    /// <summary>The JSON value under the cursor.</summary>
    public JsonElement Element { get; }

    /// <summary>The JSON path of this value, e.g. <c>$.channels[0][2]</c>.</summary>
    public string Path { get; }

    /// <summary>The name of the document (usually a file name) used in messages.</summary>
    public string Source { get; }

    /// <summary>Parses JSON text; syntax errors name the line.</summary>
    /// <param name="json">The text.</param>
    /// <param name="source">The file name (or another label) used in error messages.</param>
    /// <exception cref="IsacInputException">The text is not valid JSON.</exception>
    public static JsonCursor Parse(string json, string source) => Parse(json, source, new LegacyKeys());

    /// <summary>Parses JSON text whose keys may also appear under the old names in <paramref name="legacy"/>.</summary>
    /// <param name="json">The text.</param>
    /// <param name="source">The file name (or another label) used in error messages.</param>
    /// <param name="legacy">The old names of the format's keys; records the ones this document uses.</param>
    /// <exception cref="IsacInputException">The text is not valid JSON.</exception>
    public static JsonCursor Parse(string json, string source, LegacyKeys legacy)
    {
        try
        {
            var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false };
            using var doc = JsonDocument.Parse(json, options);
            return new JsonCursor(doc.RootElement.Clone(), "$", source, legacy);
        }
        catch (JsonException e)
        {
            long line = (e.LineNumber ?? 0) + 1;
            string reason = e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
            throw new IsacInputException($"{source}:{line}", $"invalid JSON: {reason}", e);
        }
    }

    /// <summary>An error located at this cursor.</summary>
    public IsacInputException Error(string detail) => new($"{Source}: {Path}", detail);

    /// <summary>The JSON kind of this value.</summary>
    public JsonValueKind Kind => Element.ValueKind;

    /// <summary>True when the value is an object that has the named field.</summary>
    public bool Has(string name) => Element.ValueKind == JsonValueKind.Object && Find(name) is not null;

    /// <summary>A required field of an object (under its name or an old name, see <see cref="Legacy"/>).</summary>
    public JsonCursor Field(string name)
    {
        RequireKind(JsonValueKind.Object, "an object");
        return Find(name) ?? throw Error($"required field '{name}' is missing");
    }

    /// <summary>An optional field of an object (under its name or an old name); null when absent or JSON null.</summary>
    public JsonCursor? OptionalField(string name)
    {
        RequireKind(JsonValueKind.Object, "an object");
        return Find(name) is JsonCursor c && c.Kind != JsonValueKind.Null ? c : null;
    }

    /// <summary>
    /// Refuses any field of this object that is not in <paramref name="allowed"/> or an old name of one
    /// (recorded), and a field given under both its name and an old name. The root may also hold
    /// <see cref="SchemaKey"/>.
    /// </summary>
    public void ExpectOnly(params string[] allowed)
    {
        RequireKind(JsonValueKind.Object, "an object");
        var legacy = Legacy;
        foreach (var p in Element.EnumerateObject())
        {
            if (Array.IndexOf(allowed, p.Name) >= 0 || (p.Name == SchemaKey && Path == "$"))
            {
                continue;
            }
            string? key = allowed.FirstOrDefault(a => legacy.OldNames(a).Contains(p.Name));
            if (key is null)
            {
                throw new IsacInputException($"{Source}: {Path}.{p.Name}",
                    $"unknown field (expected one of: {string.Join(", ", allowed)})");
            }
            Find(key); // records the old name, or refuses it next to the new one
        }
    }

    /// <summary>The field <paramref name="name"/>, else the first old name present (recorded); an error when both are given.</summary>
    private JsonCursor? Find(string name)
    {
        bool found = Element.TryGetProperty(name, out var child);
        foreach (string old in _legacy?.OldNames(name) ?? [])
        {
            if (!Element.TryGetProperty(old, out var oldChild)) continue;
            if (found)
            {
                throw new IsacInputException($"{Source}: {Path}.{old}", $"'{old}' is the old name of '{name}', which is also given: keep one");
            }
            _legacy!.Record(old, name);
            return new JsonCursor(oldChild, $"{Path}.{old}", Source, _legacy);
        }
        return found ? new JsonCursor(child, $"{Path}.{name}", Source, _legacy) : null;
    }

    /// <summary>The names of this object's fields, in document order.</summary>
    public IReadOnlyList<string> FieldNames()
    {
        RequireKind(JsonValueKind.Object, "an object");
        return Element.EnumerateObject().Select(p => p.Name).ToList();
    }

    /// <summary>The items of an array, each with its path.</summary>
    public IReadOnlyList<JsonCursor> Items()
    {
        RequireKind(JsonValueKind.Array, "an array");
        var list = new List<JsonCursor>(Element.GetArrayLength());
        int i = 0;
        foreach (var item in Element.EnumerateArray())
        {
            list.Add(new JsonCursor(item, $"{Path}[{i}]", Source, _legacy));
            i++;
        }
        return list;
    }

    /// <summary>The items of an array that must have exactly <paramref name="count"/> entries.</summary>
    public IReadOnlyList<JsonCursor> Items(int count)
    {
        var items = Items();
        if (items.Count != count)
        {
            throw Error($"expected an array of {count} entries, got {items.Count}");
        }
        return items;
    }

    /// <summary>A finite number.</summary>
    public double Double()
    {
        if (Element.ValueKind != JsonValueKind.Number)
        {
            throw Error($"expected a number, got {Describe()}");
        }
        double v = Element.GetDouble();
        if (!double.IsFinite(v))
        {
            throw Error($"expected a finite number, got {Element.GetRawText()}");
        }
        return v;
    }

    /// <summary>A finite number strictly greater than zero.</summary>
    public double PositiveDouble()
    {
        double v = Double();
        return v > 0 ? v : throw Error($"expected a positive number, got {Element.GetRawText()}");
    }

    /// <summary>A finite number greater than or equal to zero.</summary>
    public double NonNegativeDouble()
    {
        double v = Double();
        return v >= 0 ? v : throw Error($"expected a number >= 0, got {Element.GetRawText()}");
    }

    /// <summary>A finite number in [lo, hi].</summary>
    public double DoubleInRange(double lo, double hi)
    {
        double v = Double();
        return v >= lo && v <= hi ? v : throw Error($"expected a number in [{lo}, {hi}], got {Element.GetRawText()}");
    }

    /// <summary>An integer.</summary>
    public long Long()
    {
        if (Element.ValueKind != JsonValueKind.Number || !Element.TryGetInt64(out long v))
        {
            throw Error($"expected an integer, got {Describe()}");
        }
        return v;
    }

    /// <summary>An integer in [lo, hi].</summary>
    public int Int(int lo = int.MinValue, int hi = int.MaxValue)
    {
        long v = Long();
        if (v < lo || v > hi)
        {
            string range = hi == int.MaxValue ? $">= {lo}" : $"in [{lo}, {hi}]";
            throw Error($"expected an integer {range}, got {v}");
        }
        return (int)v;
    }

    /// <summary>A boolean.</summary>
    public bool Bool() => Element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Error($"expected true or false, got {Describe()}"),
    };

    /// <summary>A string.</summary>
    public string String()
    {
        if (Element.ValueKind != JsonValueKind.String)
        {
            throw Error($"expected a string, got {Describe()}");
        }
        return Element.GetString()!;
    }

    /// <summary>A string that must be one of <paramref name="allowed"/> (case-sensitive).</summary>
    public string OneOf(params string[] allowed)
    {
        string s = String();
        return Array.IndexOf(allowed, s) >= 0
            ? s
            : throw Error($"expected one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))}, got \"{s}\"");
    }

    /// <summary>A complex number written <c>[re, im]</c> (a plain number is accepted as real).</summary>
    public Complex Complex()
    {
        if (Element.ValueKind == JsonValueKind.Number)
        {
            return new Complex(Double(), 0);
        }
        if (Element.ValueKind != JsonValueKind.Array || Element.GetArrayLength() != 2)
        {
            throw Error($"expected a complex number [re, im], got {Describe()}");
        }
        var parts = Items();
        return new Complex(parts[0].Double(), parts[1].Double());
    }

    /// <summary>An array of finite numbers.</summary>
    public double[] DoubleArray() => Items().Select(i => i.Double()).ToArray();

    /// <summary>An array of complex numbers.</summary>
    public Complex[] ComplexArray() => Items().Select(i => i.Complex()).ToArray();

    /// <summary>A complex vector of the given length (any length when null).</summary>
    public Vector<Complex> ComplexVector(int? length = null)
    {
        var items = length is int n ? Items(n) : Items();
        return Vector<Complex>.Build.DenseOfEnumerable(items.Select(i => i.Complex()));
    }

    /// <summary>A real matrix given as a list of rows of equal length.</summary>
    public Matrix<double> DoubleMatrix(int? rows = null, int? columns = null)
    {
        var data = Rows(rows, columns, c => c.Double());
        return Matrix<double>.Build.DenseOfRowArrays(data);
    }

    /// <summary>A complex matrix given as a list of rows of equal length, entries <c>[re, im]</c>.</summary>
    public Matrix<Complex> ComplexMatrix(int? rows = null, int? columns = null)
    {
        var data = Rows(rows, columns, c => c.Complex());
        return Matrix<Complex>.Build.DenseOfRowArrays(data);
    }

    private T[][] Rows<T>(int? rows, int? columns, Func<JsonCursor, T> read)
    {
        var rowItems = rows is int r ? Items(r) : Items();
        if (rowItems.Count == 0)
        {
            throw Error("expected a non-empty matrix (a list of rows)");
        }
        int width = columns ?? rowItems[0].Items().Count;
        var result = new T[rowItems.Count][];
        for (int i = 0; i < rowItems.Count; i++)
        {
            var cells = rowItems[i].Items();
            if (cells.Count != width)
            {
                throw rowItems[i].Error($"expected a row of {width} entries, got {cells.Count}");
            }
            result[i] = cells.Select(read).ToArray();
        }
        return result;
    }

    private void RequireKind(JsonValueKind kind, string what)
    {
        if (Element.ValueKind != kind)
        {
            throw Error($"expected {what}, got {Describe()}");
        }
    }

    private string Describe() => Element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => $"an array of {Element.GetArrayLength()}",
        JsonValueKind.String => $"the string \"{Element.GetString()}\"",
        JsonValueKind.Number => Element.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => Element.GetRawText(),
        JsonValueKind.Null => "null",
        _ => Element.ValueKind.ToString(),
    };
}
