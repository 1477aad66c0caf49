namespace Isac.Experiments.Figures;

/// <summary>
/// One curve of a line plot. Missing values (NaN) in <see cref="Y"/> are drawn as gaps, so an
/// infeasible point interrupts the curve instead of being joined over.
/// </summary>
/// <param name="Label">The legend entry.</param>
/// <param name="X">Abscissae.</param>
/// <param name="Y">Ordinates (NaN for missing).</param>
public sealed record LineSeries(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>Draw a marker at each point.</summary>
    public bool Markers { get; init; } = true;

    /// <summary>Dashed line (for closed forms and bounds next to simulated curves).</summary>
    public bool Dashed { get; init; }

    /// <summary>Index into the palette, to give related curves one colour; null: next colour.</summary>
    public int? Color { get; init; }

    /// <summary>Optional half-widths of error bars (same length as <see cref="Y"/>), e.g. 95 % confidence.</summary>
    public IReadOnlyList<double>? ErrorBars { get; init; }
}
