using Isac.Core;
using Isac.Experiments.Definitions;
using Isac.Experiments.Figures;
using Isac.Experiments.Results;
using Isac.Experiments.Scenarios;
using Isac.Experiments.Sweeps;

namespace Isac.Experiments.Runs;

/// <summary>What a merge wrote.</summary>
/// <param name="Folders">The merged results folders (relative to the output).</param>
/// <param name="Figures">The figure lists written.</param>
/// <param name="IndexPath">The index.</param>
public sealed record MergeOutcome(IReadOnlyList<string> Folders, IReadOnlyList<FigureList> Figures, string IndexPath)
{
    /// <summary>One line per input manifest read under old key names (written before the keys were snake_case).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// <c>isac merge</c>: joins the shard folders of sharded runs (<c>--shard I/N</c>) into one
/// results folder per experiment, identical to what an unsharded run writes (same
/// <c>results.jsonl</c> bytes, same CSV), then draws the figures and the index.
/// </summary>
/// <remarks>
/// Each input is an output folder of <c>isac reproduce</c> or <c>isac run</c>; results folders
/// (those with a manifest) are matched by their path relative to the input. For each, the shards
/// must share one scenario (same hash), be shards 1…N of the same N exactly once each, and be
/// complete; anything else is refused with the folder named.
/// </remarks>
public static class ResultMerger
{
    /// <summary>Merges the inputs into <paramref name="output"/>.</summary>
    public static MergeOutcome Merge(IReadOnlyList<string> inputs, string output, ExperimentCatalog catalog, bool overwrite)
    {
        if (inputs.Count == 0) throw new IsacInputException("isac merge", "give at least one folder to merge");
        string fullOutput = Path.GetFullPath(output);
        var groups = new SortedDictionary<string, List<(string Dir, Manifest Manifest)>>(StringComparer.Ordinal);
        var warnings = new List<string>();
        foreach (string input in inputs)
        {
            if (!Directory.Exists(input)) throw new DirectoryNotFoundException($"no such folder: {input}");
            if (Path.GetFullPath(input).TrimEnd('/') == fullOutput.TrimEnd('/'))
                throw new IsacInputException(input, "the output folder cannot also be an input");
            var manifests = Directory.EnumerateFiles(input, Manifest.FileName, SearchOption.AllDirectories).ToList();
            if (manifests.Count == 0) throw new IsacInputException(input, $"holds no results folder (no {Manifest.FileName} inside)");
            foreach (string m in manifests)
            {
                string dir = Path.GetDirectoryName(m)!;
                string rel = Path.GetRelativePath(input, dir).Replace('\\', '/');
                if (!groups.TryGetValue(rel, out var list)) groups[rel] = list = [];
                var manifest = Manifest.Read(m);
                if (manifest.LegacyWarning is string warning) warnings.Add(warning);
                list.Add((dir, manifest));
            }
        }
        var folders = new List<string>();
        var figures = new List<FigureList>();
        foreach (var (rel, shards) in groups)
        {
            string target = rel == "." ? output : Path.Combine(output, rel);
            var scenario = MergeOne(shards, target, catalog, overwrite);
            folders.Add(rel);
            figures.Add(FigureWriter.Write(scenario, target));
        }
        return new MergeOutcome(folders, figures, IndexWriter.Write(output)) { Warnings = warnings };
    }

    private static Scenario MergeOne(List<(string Dir, Manifest Manifest)> shards, string target, ExperimentCatalog catalog, bool overwrite)
    {
        var first = shards[0];
        foreach (var s in shards.Skip(1))
        {
            if (s.Manifest.ScenarioHash != first.Manifest.ScenarioHash)
            {
                throw new IsacInputException(s.Dir,
                    $"holds a different scenario than {first.Dir} (sha256 {s.Manifest.ScenarioHash[..12]} vs {first.Manifest.ScenarioHash[..12]}); they cannot be merged");
            }
        }
        int n = first.Manifest.Shard.Count;
        var byIndex = new Dictionary<int, string>();
        foreach (var s in shards)
        {
            if (s.Manifest.Shard.Count != n)
                throw new IsacInputException(s.Dir, $"is shard {s.Manifest.Shard} but {first.Dir} is shard {first.Manifest.Shard}: the shard counts differ");
            if (!byIndex.TryAdd(s.Manifest.Shard.Index, s.Dir))
                throw new IsacInputException(s.Dir, $"shard {s.Manifest.Shard} is given twice (also in {byIndex[s.Manifest.Shard.Index]})");
        }
        var missing = Enumerable.Range(1, n).Where(i => !byIndex.ContainsKey(i)).ToList();
        if (missing.Count > 0)
            throw new IsacInputException(first.Dir, $"shard{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(i => $"{i}/{n}"))} of this sweep {(missing.Count > 1 ? "are" : "is")} missing from the inputs");

        string manifestPath = Path.Combine(first.Dir, Manifest.FileName);
        var scenario = ScenarioReader.Parse(first.Manifest.ScenarioJson, manifestPath, catalog, SweepSize.Full)
            .Relabel(first.Manifest.Name, first.Manifest.Description);
        if (scenario.Hash != first.Manifest.ScenarioHash)
            throw new IsacInputException(manifestPath, "the scenario does not match its recorded sha256 (the manifest was edited)");
        var lines = new List<PointResult>();
        foreach (var s in shards.OrderBy(s => s.Manifest.Shard.Index))
        {
            string results = Path.Combine(s.Dir, ResultsFolder.ResultsFile);
            var points = File.Exists(results) ? ResultStore.ReadAll(results, scenario.Grid, s.Manifest.Shard) : [];
            if (points.Count != s.Manifest.ShardPoints)
            {
                throw new IsacInputException(s.Dir,
                    $"shard {s.Manifest.Shard} is not complete ({points.Count} of {s.Manifest.ShardPoints} points); finish it with --resume --shard {s.Manifest.Shard}");
            }
            lines.AddRange(points);
        }
        if (lines.Count != scenario.Grid.Count) throw new InvalidOperationException($"merged {lines.Count} points for a sweep of {scenario.Grid.Count}");

        Directory.CreateDirectory(target);
        if (ResultsFolder.HoldsSweep(target))
        {
            if (!overwrite) throw new IsacInputException(target, "already holds results; merge into another folder or use --overwrite");
            ResultsFolder.Clear(target);
        }
        DurableFile.WriteAtomically(Path.Combine(target, ResultsFolder.ResultsFile),
            lines.OrderBy(p => p.Index).SelectMany(p => p.ToLine()).ToArray());
        DurableFile.WriteAtomically(Path.Combine(target, ResultsFolder.ScenarioFile),
            ScenarioJson.Canonical(scenario.Experiment, scenario.Grid, scenario.SectionJson, scenario.Name, scenario.Description,
                ScenarioJson.SchemaReference(target)));
        var now = Manifest.Timestamp(DateTime.UtcNow);
        var merged = Manifest.Create(scenario, Shard.Whole, scenario.Grid.Count, DateTime.UtcNow) with
        {
            Created = shards.Select(s => s.Manifest.Created).Min(StringComparer.Ordinal)!,
            Status = "complete",
            PointsDone = lines.Count,
            Runs = [.. shards.OrderBy(s => s.Manifest.Shard.Index).SelectMany(s => s.Manifest.Runs),
                new RunRecord("merge", now, now, "complete", 0, 1, Provenance.Current.Host, Provenance.Current.Version)],
            MergedFrom = shards.OrderBy(s => s.Manifest.Shard.Index).Select(s => $"{s.Dir} (shard {s.Manifest.Shard}, {s.Manifest.Host})").ToList(),
        };
        merged.Write(Path.Combine(target, Manifest.FileName));
        return scenario;
    }
}
