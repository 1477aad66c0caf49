using System.Text;
using Isac.Experiments.Results;

namespace Isac.Experiments.Figures;

/// <summary>
/// Writes <c>index.md</c> at the top of an output folder: every experiment folder below it that
/// has figures, with its parameters, its figures (embedded PNG, links to CSV and SVG) and the
/// command that re-runs it. Deterministic: no dates, folders in ordinal order.
/// </summary>
public static class IndexWriter
{
    /// <summary>The index file name.</summary>
    public const string FileName = "index.md";

    /// <summary>Largest table shown inline for a figure without plots.</summary>
    private const int InlineTableRows = 60;

    /// <summary>Writes <c>ROOT/index.md</c>; returns its path.</summary>
    public static string Write(string root)
    {
        var folders = Directory.EnumerateFiles(root, ResultsFolder.FiguresFile, SearchOption.AllDirectories)
            .Select(f => Path.GetDirectoryName(f)!)
            .OrderBy(d => Relative(root, d), StringComparer.Ordinal)
            .ToList();
        var md = new StringBuilder();
        md.Append("# Isac results\n\n");
        md.Append("Every figure below was computed by `isac` from the scenario shown with it; its data is the CSV next to it ");
        md.Append("(tidy: one row per observation). Re-run one with `isac run --scenario FOLDER/scenario.json`.\n\n");
        if (folders.Count == 0)
        {
            md.Append("No figures yet.\n");
        }
        var lists = folders.Select(d => (Dir: d, List: FigureList.Read(Path.Combine(d, ResultsFolder.FiguresFile)))).ToList();
        foreach (var (dir, list) in lists)
        {
            md.Append($"- `{list.Experiment}`: {list.Title} ({string.Join(", ", list.Figures.Select(f => f.Stem))}) in `{Link(root, dir, "")}`\n");
        }
        foreach (var (dir, list) in lists)
        {
            AppendExperiment(md, root, dir, list);
        }
        string path = Path.Combine(root, FileName);
        File.WriteAllText(path, md.ToString());
        return path;
    }

    private static void AppendExperiment(StringBuilder md, string root, string dir, FigureList list)
    {
        md.Append($"\n## {list.Title} (`{list.Experiment}`)\n\n");
        md.Append(list.Description).Append("\n\n");
        md.Append($"Seed {list.Seed}; {list.Draws} draw{(list.Draws == 1 ? "" : "s")} per parameter combination; {list.Points} points; ");
        md.Append($"isac {list.Version}; scenario [`scenario.json`]({Link(root, dir, ResultsFolder.ScenarioFile)}), ");
        md.Append($"manifest [`manifest.json`]({Link(root, dir, Manifest.FileName)}).\n\n");
        if (list.Axes.Count > 0)
        {
            md.Append("| parameter | unit | values |\n| --- | --- | --- |\n");
            foreach (var a in list.Axes)
            {
                md.Append($"| `{a.Name}` | {a.Unit} | {string.Join(", ", a.Values)} |\n");
            }
            md.Append('\n');
        }
        md.Append(list.Settings is null
            ? $"Settings (`{list.SectionName}`): the defaults.\n"
            : $"Settings (`{list.SectionName}`): `{list.Settings.ReplaceLineEndings(" ")}`\n");
        foreach (var f in list.Figures)
        {
            md.Append($"\n### {f.Title}\n\n{f.Caption}\n\n");
            foreach (var (png, _) in f.Images)
            {
                md.Append($"![{f.Title}]({Link(root, dir, png)})\n\n");
            }
            if (f.Images.Count == 0 && f.Rows <= InlineTableRows)
            {
                AppendTable(md, Path.Combine(dir, f.Csv));
            }
            md.Append($"Data: [{f.Csv}]({Link(root, dir, f.Csv)}) ({f.Rows} rows)");
            foreach (var (png, svg) in f.Images)
            {
                md.Append($"; plot: [PNG]({Link(root, dir, png)}), [SVG]({Link(root, dir, svg)})");
            }
            md.Append(".\n");
        }
    }

    private static void AppendTable(StringBuilder md, string csvPath)
    {
        if (!File.Exists(csvPath)) return;
        var lines = File.ReadAllLines(csvPath);
        if (lines.Length == 0 || lines.Any(l => l.Contains('"'))) return;
        var header = lines[0].Split(',');
        md.Append("| ").AppendJoin(" | ", header).Append(" |\n|");
        md.Append(string.Concat(Enumerable.Repeat(" --- |", header.Length))).Append('\n');
        foreach (var line in lines.Skip(1))
        {
            md.Append("| ").AppendJoin(" | ", line.Split(',')).Append(" |\n");
        }
        md.Append('\n');
    }

    private static string Relative(string root, string dir) => Path.GetRelativePath(root, dir).Replace('\\', '/');

    private static string Link(string root, string dir, string file)
    {
        string rel = Relative(root, dir);
        return rel == "." ? (file.Length == 0 ? "./" : file) : $"{rel}/{file}";
    }
}
