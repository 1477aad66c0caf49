using System.Globalization;

namespace Isac.Experiments.Results;

/// <summary>One value in a result row. Non-finite numbers become <see cref="CellKind.Missing"/>.</summary>
public readonly record struct Cell
{
    private Cell(CellKind kind, double number, string? text)
    {
        Kind = kind;
        Number = number;
        Text = text;
    }

    /// <summary>A missing value.</summary>
    public static Cell Missing => new(CellKind.Missing, double.NaN, null);

    /// <summary>A number (missing when NaN or infinite).</summary>
    public static Cell Of(double value) => double.IsFinite(value) ? new(CellKind.Number, value, null) : Missing;

    /// <summary>A text value.</summary>
    public static Cell Of(string value) => new(CellKind.Text, double.NaN, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A boolean value.</summary>
    public static Cell Of(bool value) => new(CellKind.Boolean, value ? 1 : 0, null);

    /// <summary>What the cell holds.</summary>
    public CellKind Kind { get; }

    /// <summary>The number (NaN when missing or text; 1/0 for booleans).</summary>
    public double Number { get; }

    /// <summary>The text (null unless text).</summary>
    public string? Text { get; }

    /// <summary>True when the cell has no value.</summary>
    public bool IsMissing => Kind == CellKind.Missing;

    /// <summary>
    /// The invariant text of the value as written to CSV: shortest round-trip number (<c>R</c>),
    /// the text, <c>true</c>/<c>false</c>, or empty when missing.
    /// </summary>
    public string Format() => Kind switch
    {
        CellKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        CellKind.Text => Text!,
        CellKind.Boolean => Number != 0 ? "true" : "false",
        _ => "",
    };

    /// <inheritdoc/>
    public override string ToString() => Format();
}
