using Isac.Core;
using Isac.Experiments.Results;
using Isac.Experiments.Scenarios;
using Isac.Experiments.Sweeps;

namespace Isac.Experiments.Figures;

/// <summary>
/// The figure step: reads a complete results folder back from disk (never from memory, so a
/// resumed or merged run draws exactly what a single run draws), asks the experiment for its
/// figures, and writes each as CSV, PNG and SVG plus <c>figures.json</c>.
/// </summary>
public static class FigureWriter
{
    /// <summary>Writes the figures of the sweep stored in <paramref name="directory"/>.</summary>
    /// <exception cref="IsacInputException">The folder's sweep is not complete.</exception>
    public static FigureList Write(Scenario scenario, string directory)
    {
        var grid = scenario.Grid;
        string resultsPath = Path.Combine(directory, ResultsFolder.ResultsFile);
        var points = File.Exists(resultsPath) ? ResultStore.ReadAll(resultsPath, grid, Shard.Whole) : [];
        if (points.Count != grid.Count)
        {
            throw new IsacInputException(directory, $"the sweep is not complete ({points.Count} of {grid.Count} points); run it with --resume first");
        }
        var rows = points.SelectMany(p => p.ToRows(grid)).ToList();
        var figures = scenario.Experiment.BuildFigures(scenario.Settings, grid, rows);
        var written = new List<WrittenFigure>();
        foreach (var figure in figures)
        {
            if (figure.Stem.Length == 0 || figure.Stem.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) ||
                written.Any(w => w.Stem == figure.Stem))
            {
                throw new InvalidOperationException($"{scenario.Experiment.Name}: figure stem \"{figure.Stem}\" is empty, not a plain file name, or used twice");
            }
            string csv = figure.Stem + ".csv";
            File.WriteAllText(Path.Combine(directory, csv), figure.Table.ToCsv());
            var images = new List<(string, string)>();
            foreach (var plot in figure.Plots)
            {
                string stem = plot.FileSuffix.Length == 0 ? figure.Stem : $"{figure.Stem}-{plot.FileSuffix}";
                if (images.Any(i => i.Item1 == stem + ".png")) throw new InvalidOperationException($"{scenario.Experiment.Name}: two plots of {figure.Stem} share a file name");
                PlotRenderer.Render(plot, Path.Combine(directory, stem + ".png"), Path.Combine(directory, stem + ".svg"));
                images.Add((stem + ".png", stem + ".svg"));
            }
            written.Add(new WrittenFigure(figure.Stem, figure.Title, figure.Caption, csv, images, figure.Table.Rows.Count));
        }
        var list = new FigureList
        {
            Experiment = scenario.Experiment.Name,
            Title = scenario.Experiment.Title,
            Description = scenario.Description,
            Seed = grid.Seed,
            Draws = grid.Draws,
            Points = grid.Count,
            Axes = grid.Axes.Select(a => new AxisSummary(a.Parameter.Name, a.Parameter.Unit, a.Values.Select(v => v.Canonical).ToList())).ToList(),
            SectionName = scenario.Experiment.SectionName,
            Settings = scenario.SectionJson,
            Version = Provenance.Current.Version,
            Figures = written,
        };
        list.Write(Path.Combine(directory, ResultsFolder.FiguresFile));
        return list;
    }

}
