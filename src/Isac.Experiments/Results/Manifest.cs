using System.Text;
using System.Text.Json;
using Isac.Core;
using Isac.Core.Json;
using Isac.Experiments.Scenarios;
using Isac.Experiments.Sweeps;

namespace Isac.Experiments.Results;

/// <summary>
/// <c>manifest.json</c> of a results folder: the scenario (canonical JSON and its hash), the
/// seed, the shard, the program version and commit, the machine, and every run's times.
/// A resume is refused unless the scenario hash and the shard match.
/// </summary>
public sealed record Manifest
{
    /// <summary>The format tag written into every manifest.</summary>
    public const string FormatTag = "isac-sweep/1";

    /// <summary>The file name inside a results folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The experiment name.</summary>
    public required string Experiment { get; init; }

    /// <summary>The scenario's label.</summary>
    public required string Name { get; init; }

    /// <summary>The scenario's description.</summary>
    public required string Description { get; init; }

    /// <summary>SHA-256 of the canonical scenario.</summary>
    public required string ScenarioHash { get; init; }

    /// <summary>The canonical scenario JSON text.</summary>
    public required string ScenarioJson { get; init; }

    /// <summary>The sweep seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Points in the whole grid.</summary>
    public required int Points { get; init; }

    /// <summary>The slice this folder holds.</summary>
    public required Shard Shard { get; init; }

    /// <summary>Points in this folder's slice.</summary>
    public required int ShardPoints { get; init; }

    /// <summary>Version that created the folder.</summary>
    public required string Version { get; init; }

    /// <summary>Commit that created the folder.</summary>
    public required string Commit { get; init; }

    /// <summary>Machine that created the folder.</summary>
    public required string Host { get; init; }

    /// <summary>OS of the machine that created the folder.</summary>
    public required string OperatingSystem { get; init; }

    /// <summary>.NET runtime that created the folder.</summary>
    public required string Runtime { get; init; }

    /// <summary>Cores of the machine that created the folder.</summary>
    public required int Cores { get; init; }

    /// <summary>When the folder was created (UTC).</summary>
    public required string Created { get; init; }

    /// <summary><c>running</c>, <c>complete</c>, <c>interrupted</c> or <c>failed</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Points stored so far.</summary>
    public required int PointsDone { get; init; }

    /// <summary>Every invocation, oldest first.</summary>
    public required IReadOnlyList<RunRecord> Runs { get; init; }

    /// <summary>For a merged folder: the shard folders it was merged from.</summary>
    public IReadOnlyList<string> MergedFrom { get; init; } = [];

    /// <summary>A fresh manifest for a scenario and shard.</summary>
    public static Manifest Create(Scenario scenario, Shard shard, int shardPoints, DateTime now)
    {
        var p = Provenance.Current;
        return new Manifest
        {
            Experiment = scenario.Experiment.Name,
            Name = scenario.Name,
            Description = scenario.Description,
            ScenarioHash = scenario.Hash,
            ScenarioJson = scenario.CanonicalJson,
            Seed = scenario.Grid.Seed,
            Points = scenario.Grid.Count,
            Shard = shard,
            ShardPoints = shardPoints,
            Version = p.Version,
            Commit = p.Commit,
            Host = p.Host,
            OperatingSystem = p.OperatingSystem,
            Runtime = p.Runtime,
            Cores = p.Cores,
            Created = Timestamp(now),
            Status = "running",
            PointsDone = 0,
            Runs = [],
        };
    }

    /// <summary>UTC time as ISO 8601 to the second.</summary>
    public static string Timestamp(DateTime utc) => utc.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The schema's file name under docs/schemas/.</summary>
    public const string SchemaFile = "manifest.schema.json";

    /// <summary>The old key names the manifest was read under, as one warning line (a folder written before the
    /// keys were snake_case: <c>pointsDone</c>, …); null when none. Not written.</summary>
    public string? LegacyWarning { get; init; }

    /// <summary>Reads a manifest; a malformed one is an input error naming the field. Old (camelCase) key names are
    /// read and named in <see cref="LegacyWarning"/>.</summary>
    public static Manifest Read(string path) => Read(JsonCursor.Parse(File.ReadAllText(path), path));

    /// <summary>Reads a parsed manifest (docs/schemas/manifest.schema.json); a malformed one is an input error naming the field.</summary>
    public static Manifest Read(JsonCursor root)
    {
        string path = root.Source;
        root.ExpectOnly("format", "experiment", "name", "description", "scenario_sha256", "scenario", "seed", "points", "shard",
            "shard_points", "version", "commit", "machine", "created", "status", "points_done", "runs", "merged_from");
        string format = root.Field("format").String();
        if (format != FormatTag) throw root.Field("format").Error($"expected \"{FormatTag}\", got \"{format}\" (written by another program or version)");
        var machine = root.Field("machine");
        machine.ExpectOnly("host", "os", "runtime", "cores");
        var scenario = root.Field("scenario");
        return new Manifest
        {
            Experiment = root.Field("experiment").String(),
            Name = root.Field("name").String(),
            Description = root.Field("description").String(),
            ScenarioHash = root.Field("scenario_sha256").String(),
            ScenarioJson = scenario.Kind == JsonValueKind.Object ? scenario.Element.GetRawText() : throw scenario.Error("expected the scenario object"),
            Seed = ReadUInt64(root.Field("seed")),
            Points = root.Field("points").Int(0),
            Shard = Shard.Parse(root.Field("shard").String(), $"{path}: $.shard"),
            ShardPoints = root.Field("shard_points").Int(0),
            Version = root.Field("version").String(),
            Commit = root.Field("commit").String(),
            Host = machine.Field("host").String(),
            OperatingSystem = machine.Field("os").String(),
            Runtime = machine.Field("runtime").String(),
            Cores = machine.Field("cores").Int(0),
            Created = root.Field("created").String(),
            Status = root.Field("status").OneOf("running", "complete", "interrupted", "failed"),
            PointsDone = root.Field("points_done").Int(0),
            Runs = root.Field("runs").Items().Select(ReadRun).ToList(),
            MergedFrom = root.OptionalField("merged_from")?.Items().Select(i => i.String()).ToList() ?? [],
            LegacyWarning = root.LegacyWarning,
        };
    }

    /// <summary>Writes the manifest atomically (temporary file, flush to disk, rename).</summary>
    public void Write(string path)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, ScenarioJsonOptions))
        {
            w.WriteStartObject();
            w.WriteString("format", FormatTag);
            w.WriteString("experiment", Experiment);
            w.WriteString("name", Name);
            w.WriteString("description", Description);
            w.WriteString("scenario_sha256", ScenarioHash);
            w.WritePropertyName("scenario");
            w.WriteRawValue(ScenarioJson);
            w.WriteNumber("seed", Seed);
            w.WriteNumber("points", Points);
            w.WriteString("shard", Shard.ToString());
            w.WriteNumber("shard_points", ShardPoints);
            w.WriteString("version", Version);
            w.WriteString("commit", Commit);
            w.WriteStartObject("machine");
            w.WriteString("host", Host);
            w.WriteString("os", OperatingSystem);
            w.WriteString("runtime", Runtime);
            w.WriteNumber("cores", Cores);
            w.WriteEndObject();
            w.WriteString("created", Created);
            w.WriteString("status", Status);
            w.WriteNumber("points_done", PointsDone);
            w.WriteStartArray("runs");
            foreach (var r in Runs)
            {
                w.WriteStartObject();
                w.WriteString("kind", r.Kind);
                w.WriteString("started", r.Started);
                if (r.Ended is null) w.WriteNull("ended");
                else w.WriteString("ended", r.Ended);
                w.WriteString("status", r.Status);
                w.WriteNumber("points_done", r.PointsDone);
                w.WriteNumber("threads", r.Threads);
                w.WriteString("host", r.Host);
                w.WriteString("version", r.Version);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (MergedFrom.Count > 0)
            {
                w.WriteStartArray("merged_from");
                foreach (var m in MergedFrom) w.WriteStringValue(m);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        DurableFile.WriteAtomically(path, Encoding.UTF8.GetString(stream.ToArray()) + "\n");
    }

    private static readonly JsonWriterOptions ScenarioJsonOptions = Scenarios.ScenarioJson.Options;

    private static ulong ReadUInt64(JsonCursor c) =>
        c.Kind == JsonValueKind.Number && c.Element.TryGetUInt64(out ulong v) ? v : throw c.Error("expected an integer >= 0");

    private static RunRecord ReadRun(JsonCursor c)
    {
        c.ExpectOnly("kind", "started", "ended", "status", "points_done", "threads", "host", "version");
        return new RunRecord(c.Field("kind").String(), c.Field("started").String(), c.OptionalField("ended")?.String(),
            c.Field("status").String(), c.Field("points_done").Int(0), c.Field("threads").Int(0), c.Field("host").String(),
            c.Field("version").String());
    }

    /// <summary>Throws unless a folder with this manifest may be resumed with <paramref name="scenario"/> and <paramref name="shard"/>.</summary>
    public void CheckResumable(Scenario scenario, Shard shard, string path)
    {
        if (ScenarioHash != scenario.Hash)
        {
            throw new IsacInputException(path,
                $"these results are from a different scenario ({Experiment}, seed {Seed}, {Points} points, sha256 {ScenarioHash[..12]}) " +
                $"than the one given ({scenario.Experiment.Name}, seed {scenario.Grid.Seed}, {scenario.Grid.Count} points, sha256 {scenario.Hash[..12]}); " +
                "refusing to mix them: use another --out, or --overwrite to discard them");
        }
        if (Shard != shard)
        {
            throw new IsacInputException(path, $"these results are shard {Shard}, not {shard}; refusing to mix them: use the same --shard or another --out");
        }
    }
}
