namespace Isac.Core.Json;

/// <summary>
/// The old (camelCase) names under which a document's keys are still read, and the record of which
/// of them one document used, for its one warning line (docs/formats.md, "Key names").
/// </summary>
/// <remarks>
/// Every key of every format is snake_case with its unit in the name (<c>frame_length</c>,
/// <c>departure_angles_deg</c>). A reader asks for the new name only; <see cref="JsonCursor"/> falls back
/// to the names given here and records the ones it found. By default the old name of a key is its
/// camelCase spelling (<c>frame_length</c> → <c>frameLength</c>), which covers every rename that only
/// changes the case; a format whose rename also changed words adds its pairs with <see cref="With"/>.
/// </remarks>
public sealed class LegacyKeys
{
    private readonly Dictionary<string, string[]> _extra;
    private readonly List<(string Old, string New)> _used = [];

    /// <summary>Old names: the camelCase spelling of each key, and <paramref name="extra"/> (new name → its old names).</summary>
    public LegacyKeys(IReadOnlyDictionary<string, string[]>? extra = null)
    {
        _extra = extra is null ? [] : new Dictionary<string, string[]>(extra);
    }

    /// <summary>A copy that also reads <paramref name="newName"/> under <paramref name="oldNames"/>.</summary>
    public LegacyKeys With(string newName, params string[] oldNames)
    {
        var extra = new Dictionary<string, string[]>(_extra) { [newName] = [.. _extra.GetValueOrDefault(newName, []), .. oldNames] };
        return new LegacyKeys(extra);
    }

    /// <summary>The old names of <paramref name="key"/>: its camelCase spelling (when different) and the extra ones.</summary>
    public IEnumerable<string> OldNames(string key)
    {
        string camel = CamelCase(key);
        if (camel != key) yield return camel;
        if (_extra.TryGetValue(key, out var more))
        {
            foreach (var m in more) yield return m;
        }
    }

    /// <summary>The old names found so far in this document, each once, in the order found.</summary>
    public IReadOnlyList<(string Old, string New)> Used => _used;

    /// <summary>One warning line naming every old key the document used and its new name; null when none was used.</summary>
    public string? Warning(string source) => _used.Count == 0
        ? null
        : $"{source}: warning: old key names read, rename them: {string.Join(", ", _used.Select(u => $"'{u.Old}' → '{u.New}'"))}";

    /// <summary>Notes that <paramref name="oldName"/> was read for <paramref name="newName"/> (a key, or an enumerated value a reader renamed).</summary>
    public void Record(string oldName, string newName)
    {
        lock (_used)
        {
            if (!_used.Contains((oldName, newName))) _used.Add((oldName, newName));
        }
    }

    /// <summary><c>frame_length</c> → <c>frameLength</c>, <c>angle_step_deg</c> → <c>angleStepDeg</c>.</summary>
    public static string CamelCase(string snake)
    {
        if (!snake.Contains('_')) return snake;
        var parts = snake.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
