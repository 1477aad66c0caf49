namespace Isac.Experiments.Figures;

/// <summary>
/// One figure (or table) of an experiment: its data as a tidy table (written as <c>STEM.csv</c>)
/// and zero or more plots of it (<c>STEM.png</c>, <c>STEM.svg</c>, <c>STEM-suffix.png</c> …).
/// A figure without plots is a table: the index shows it inline.
/// </summary>
/// <param name="Stem">The file name stem, e.g. <c>fig5</c> (letters, digits, '-', '_').</param>
/// <param name="Title">The title in the index.</param>
/// <param name="Caption">What it shows, how it was computed, and what to compare it with.</param>
/// <param name="Table">The data.</param>
/// <param name="Plots">The plots.</param>
public sealed record Figure(string Stem, string Title, string Caption, TidyTable Table, IReadOnlyList<PlotSpec> Plots);
