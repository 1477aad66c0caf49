using Isac.Experiments.Results;
using Isac.Experiments.Sweeps;

namespace Isac.Experiments.Definitions;

/// <summary>What a figure builder gets: the settings, the grid and every stored row.</summary>
/// <param name="Settings">The experiment's settings.</param>
/// <param name="Grid">The sweep grid (axes, values, draws).</param>
/// <param name="Rows">All rows of the sweep in point order, each starting with the parameter
/// columns and <c>draw</c>.</param>
public sealed record FigureInput<TSettings>(TSettings Settings, SweepGrid Grid, IReadOnlyList<ResultRow> Rows);
