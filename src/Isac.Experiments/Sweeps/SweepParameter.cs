using System.Globalization;

namespace Isac.Experiments.Sweeps;

/// <summary>
/// A parameter an experiment sweeps over, declared by the experiment: its name in scenario files
/// and CSV columns, its unit, what values it accepts, and the values of the quick and the full run.
/// </summary>
public sealed record SweepParameter
{
    private SweepParameter(string name, string unit, string description, ParameterKind kind,
        IReadOnlyList<SweepValue> quick, IReadOnlyList<SweepValue> full)
    {
        Name = name;
        Unit = unit;
        Description = description;
        Kind = kind;
        Quick = quick;
        Full = full;
    }

    /// <summary>Name in scenario files and the column name in results (snake_case, e.g. <c>gamma_db</c>).</summary>
    public string Name { get; }

    /// <summary>Unit for axis labels and docs (<c>dB</c>, <c>deg</c>; empty when dimensionless).</summary>
    public string Unit { get; }

    /// <summary>One line saying what the parameter is.</summary>
    public string Description { get; }

    /// <summary>Integer, real or choice.</summary>
    public ParameterKind Kind { get; }

    /// <summary>For integers and reals, the smallest value accepted.</summary>
    public double Min { get; private init; } = double.NegativeInfinity;

    /// <summary>For integers and reals, the largest value accepted.</summary>
    public double Max { get; private init; } = double.PositiveInfinity;

    /// <summary>For choices, the names accepted.</summary>
    public IReadOnlyList<string> Choices { get; private init; } = [];

    /// <summary>Values of the reduced run (<c>--quick</c>).</summary>
    public IReadOnlyList<SweepValue> Quick { get; }

    /// <summary>Values of the full-size run.</summary>
    public IReadOnlyList<SweepValue> Full { get; }

    /// <summary>A whole-number parameter in [min, max].</summary>
    public static SweepParameter Integer(string name, string unit, string description, long[] quick, long[] full,
        long min = long.MinValue, long max = long.MaxValue) =>
        Validated(new SweepParameter(name, unit, description, ParameterKind.Integer,
            quick.Select(v => SweepValue.Of(v)).ToArray(), full.Select(v => SweepValue.Of(v)).ToArray())
        { Min = min, Max = max });

    /// <summary>A real parameter in [min, max].</summary>
    public static SweepParameter Real(string name, string unit, string description, double[] quick, double[] full,
        double min = double.NegativeInfinity, double max = double.PositiveInfinity) =>
        Validated(new SweepParameter(name, unit, description, ParameterKind.Real,
            quick.Select(SweepValue.Of).ToArray(), full.Select(SweepValue.Of).ToArray())
        { Min = min, Max = max });

    /// <summary>A parameter whose values are names from <paramref name="choices"/>.</summary>
    public static SweepParameter Choice(string name, string description, string[] choices, string[] quick, string[] full) =>
        Validated(new SweepParameter(name, "", description, ParameterKind.Choice,
            quick.Select(SweepValue.Of).ToArray(), full.Select(SweepValue.Of).ToArray())
        { Choices = choices });

    /// <summary>The label for an axis: <c>name (unit)</c>.</summary>
    public string AxisLabel => Unit.Length == 0 ? Name : $"{Name} ({Unit})";

    /// <summary>Why <paramref name="value"/> is not acceptable, or null when it is.</summary>
    public string? Reject(SweepValue value)
    {
        switch (Kind)
        {
            case ParameterKind.Choice:
                if (!value.IsText || !Choices.Contains(value.Text!))
                    return $"expected one of {string.Join(", ", Choices.Select(c => $"\"{c}\""))}, got {Describe(value)}";
                return null;
            case ParameterKind.Integer:
                if (value.IsText || !double.IsFinite(value.Number) || Math.Floor(value.Number) != value.Number)
                    return $"expected an integer{RangeText()}, got {Describe(value)}";
                break;
            default:
                if (value.IsText || !double.IsFinite(value.Number))
                    return $"expected a finite number{RangeText()}, got {Describe(value)}";
                break;
        }
        return value.Number < Min || value.Number > Max
            ? $"expected {(Kind == ParameterKind.Integer ? "an integer" : "a number")}{RangeText()}, got {value.Canonical}"
            : null;
    }

    private string RangeText()
    {
        string f(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        bool lo = double.IsFinite(Min) && Min > long.MinValue, hi = double.IsFinite(Max) && Max < long.MaxValue;
        return (lo, hi) switch
        {
            (true, true) => $" in [{f(Min)}, {f(Max)}]",
            (true, false) => $" >= {f(Min)}",
            (false, true) => $" <= {f(Max)}",
            _ => "",
        };
    }

    private static string Describe(SweepValue v) => v.IsText ? $"\"{v.Text}\"" : v.Canonical;

    private static SweepParameter Validated(SweepParameter p)
    {
        if (string.IsNullOrWhiteSpace(p.Name) || p.Name == "draw" || p.Name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_')))
            throw new ArgumentException($"sweep parameter name '{p.Name}' must be letters, digits and '_' and not 'draw'");
        foreach (var v in p.Quick.Concat(p.Full))
        {
            if (p.Reject(v) is string why) throw new ArgumentException($"sweep parameter '{p.Name}': declared value {v}: {why}");
        }
        if (p.Quick.Count == 0 || p.Full.Count == 0)
            throw new ArgumentException($"sweep parameter '{p.Name}' needs at least one quick and one full value");
        return p;
    }
}
