using Isac.Experiments.Definitions;
using Isac.Experiments.Scenarios;
using Isac.Experiments.Sweeps;
using Isac.Experiments.Results;
using Isac.Network.Simulation;
using Isac.Physics.Io;
using Isac.Precoding.Io;

namespace Isac.Cli.Validation;

/// <summary>
/// Every format the project reads, in one table: <c>isac validate</c> detects a file's format from it, and
/// the schema tests check that each entry's schema exists. A new format (or a renamed one) is one entry.
/// </summary>
public static class FileFormats
{
    // Top-level keys of a paper-B scenario that no other format has (a paper-B file may set any subset of them).
    private static readonly string[] PaperBOnlyKeys =
        ["network", "users", "scheduling", "power_dbm", "power_w", "epoch_s", "backhaul_delay_s", "channel", "sensing", "ckm", "dualopt", "epochs"];

    /// <summary>The formats, in the order content detection tries them.</summary>
    public static IReadOnlyList<FileFormat> All { get; } =
    [
        new("crb-case", "crb-case.schema.json", root => root.Has("transmit_covariance"), root => CrbCase.Read(root)),
        new("scenario", "scenario.schema.json", root => root.Has("experiment") && !root.Has("scenario_sha256"),
            root => ScenarioReader.Read(root, ExperimentRegistry.Catalog, SweepSize.Full), ExperimentRegistry.Catalog.NewLegacyKeys),
        // Paper A's network file, the result of `isac precode` and a results folder's manifest.
        new("paper-a-network", PaperANetworkReader.SchemaFile,
            root => root.Has("target_angles_deg") || root.Has("users_per_cell") && root.Has("ntx") || root.Has("psk_order"),
            root => PaperANetworkReader.Read(root)),
        new("design-result", DesignResultReader.SchemaFile, root => root.Has("worst_case_min_sinr_db"), root => DesignResultReader.Read(root)),
        new("manifest", Manifest.SchemaFile, root => root.Has("scenario_sha256"), root => Manifest.Read(root)),
        // Last: a paper-B file may set any subset of its keys, and paper A's network has a "channel" too.
        new("paper-b-scenario", PaperBScenarioReader.SchemaFile, root => PaperBOnlyKeys.Any(root.Has),
            root => PaperBScenarioReader.Read(root, PaperBScenario.PaperB()), PaperBScenarioReader.NewLegacyKeys),
    ];

    /// <summary>The format whose schema file is the last path segment of <paramref name="schema"/>, or null.</summary>
    public static FileFormat? BySchema(string schema)
    {
        string file = schema.Split('/', '\\').Last().Split('#')[0];
        return All.FirstOrDefault(f => string.Equals(f.SchemaFile, file, StringComparison.Ordinal));
    }
}
