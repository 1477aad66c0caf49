using System.Globalization;

namespace Isac.Experiments.Sweeps;

/// <summary>One value of a sweep parameter: a number or a name.</summary>
/// <remarks>
/// Its <see cref="Canonical"/> text (shortest round-trip number, or the name) is what the point's
/// key and seed are derived from, so a value means the same point on every machine.
/// </remarks>
public readonly record struct SweepValue
{
    private SweepValue(double number, string? text)
    {
        Number = number;
        Text = text;
    }

    /// <summary>A numeric value.</summary>
    public static SweepValue Of(double number) => new(number, null);

    /// <summary>A named value.</summary>
    public static SweepValue Of(string text) => new(double.NaN, text ?? throw new ArgumentNullException(nameof(text)));

    /// <summary>True for a name, false for a number.</summary>
    public bool IsText => Text is not null;

    /// <summary>The number (NaN for a name).</summary>
    public double Number { get; }

    /// <summary>The name (null for a number).</summary>
    public string? Text { get; }

    /// <summary>The invariant, round-trip text of the value.</summary>
    public string Canonical => Text ?? Number.ToString("R", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override string ToString() => Canonical;
}
