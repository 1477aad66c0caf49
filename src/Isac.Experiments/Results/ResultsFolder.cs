namespace Isac.Experiments.Results;

/// <summary>The files of one experiment's results folder.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>manifest.json</c>: scenario, seeds, shard, version, commit, machine, times.</item>
/// <item><c>results.jsonl</c>: one line per finished point, flushed to disk before the point counts as done.</item>
/// <item><c>scenario.json</c>: the effective scenario, runnable with <c>isac run --scenario</c>.</item>
/// <item><c>figures.json</c>: what the figure step wrote (read by the index).</item>
/// <item>the figures: <c>STEM.csv</c>, <c>STEM.png</c>, <c>STEM.svg</c>.</item>
/// </list>
/// </remarks>
public static class ResultsFolder
{
    /// <summary>The results file.</summary>
    public const string ResultsFile = "results.jsonl";

    /// <summary>The effective scenario.</summary>
    public const string ScenarioFile = "scenario.json";

    /// <summary>The figure list.</summary>
    public const string FiguresFile = "figures.json";

    /// <summary>True when the folder holds a sweep (a manifest or a results file).</summary>
    public static bool HoldsSweep(string directory) =>
        File.Exists(Path.Combine(directory, Manifest.FileName)) || File.Exists(Path.Combine(directory, ResultsFile));

    /// <summary>Deletes the sweep files and the figures recorded in <c>figures.json</c>; other files stay.</summary>
    public static void Clear(string directory)
    {
        foreach (string file in FigureFiles(directory).Append(ResultsFile).Append(Manifest.FileName).Append(ScenarioFile).Append(FiguresFile))
        {
            File.Delete(Path.Combine(directory, file));
        }
    }

    private static IEnumerable<string> FigureFiles(string directory)
    {
        string path = Path.Combine(directory, FiguresFile);
        if (!File.Exists(path)) return [];
        try
        {
            return Figures.FigureList.Read(path).Figures.SelectMany(f => f.Files).ToList();
        }
        catch (Isac.Core.IsacInputException)
        {
            return [];
        }
    }
}
