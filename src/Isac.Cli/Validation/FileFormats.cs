using Isac.Experiments.Definitions;
using Isac.Experiments.Scenarios;
using Isac.Experiments.Sweeps;
using Isac.Experiments.Results;
using Isac.Physics.Io;
using Isac.Precoding.Io;

namespace Isac.Cli.Validation;

/// <summary>
/// Every format the project reads, in one table: <c>isac validate</c> detects a file's format from it, and
/// the schema tests check that each entry's schema exists. A new format (or a renamed one) is one entry.
/// </summary>
public static class FileFormats
{
    /// <summary>The formats, in the order content detection tries them.</summary>
    public static IReadOnlyList<FileFormat> All { get; } =
    [
        new("crb-case", "crb-case.schema.json", root => root.Has("transmit_covariance"), root => CrbCase.Read(root)),
        new("scenario", "scenario.schema.json", root => root.Has("experiment") && !root.Has("scenario_sha256"),
            root => ScenarioReader.Read(root, ExperimentRegistry.Catalog, SweepSize.Full)),
        // Paper A's network file, the result of `isac precode` and a results folder's manifest.
        new("paper-a-network", PaperANetworkReader.SchemaFile,
            root => root.Has("target_angles_deg") || root.Has("users_per_cell") && root.Has("ntx") || root.Has("psk_order"),
            root => PaperANetworkReader.Read(root)),
        new("design-result", DesignResultReader.SchemaFile, root => root.Has("worst_case_min_sinr_db"), root => DesignResultReader.Read(root)),
        new("manifest", Manifest.SchemaFile, root => root.Has("scenario_sha256"), root => Manifest.Read(root)),
    ];

    /// <summary>The format whose schema file is the last path segment of <paramref name="schema"/>, or null.</summary>
    public static FileFormat? BySchema(string schema)
    {
        string file = schema.Split('/', '\\').Last().Split('#')[0];
        return All.FirstOrDefault(f => string.Equals(f.SchemaFile, file, StringComparison.Ordinal));
    }
}
