using Isac.Core.Numerics;
using System.Text.Json;
using Complex = System.Numerics.Complex;
using Isac.Core.Json;
using Isac.Network.Beamforming;
using Isac.Network.Numerics;
using Isac.Network.Surrogates;

namespace Isac.Network.Simulation;

/// <summary>
/// Writes every BS's beamforming problem (17) of every epoch, with the solution the simulator's
/// beamformer found, as one JSON file per BS and epoch (<c>e&lt;epoch&gt;-bs&lt;ℓ&gt;.json</c>, format
/// <c>isac-paper-b-problem</c> version 1, docs/formats.md): the inputs another tool needs to check
/// DualOpt, WMMSE or its own solver on exactly the simulator's data.
/// </summary>
public sealed class ProblemExport : ISimulationObserver
{
    private readonly string _directory;
    private readonly NetworkEnvironment _env;
    private readonly RunOptions _options;

    /// <summary>Exports into <paramref name="directory"/> (created) the problems of a run on <paramref name="environment"/> with <paramref name="options"/>.</summary>
    public ProblemExport(string directory, NetworkEnvironment environment, RunOptions options)
    {
        _directory = directory;
        _env = environment;
        _options = options;
        CreateDirectory(directory);
    }

    /// <summary>
    /// Creates <paramref name="directory"/> (and its parents), or throws <see cref="Core.IsacInputException"/> naming it
    /// when it cannot be created (a parent that is a file, a read-only or virtual file system such as /proc, no
    /// permission): .NET reports these as "file not found" or "access denied" on the path, which misleads.
    /// </summary>
    public static void CreateDirectory(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new Core.IsacInputException(Path.GetFullPath(directory), "cannot create this directory", e);
        }
    }

    /// <summary>Files written so far.</summary>
    public int Written { get; private set; }

    /// <summary>The format name.</summary>
    public const string Format = "isac-paper-b-problem";

    /// <inheritdoc />
    public void BeamformingSolved(int epoch, int bs, LocalBeamformingProblem problem, BeamformingResult result)
    {
        string path = Path.Combine(_directory, $"e{epoch:D3}-bs{bs:D3}.json");
        using (var stream = File.Create(path + ".tmp"))
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
            Write(w, epoch, bs, problem, result);
        File.Move(path + ".tmp", path, overwrite: true);
        Written++;
    }

    private void Write(Utf8JsonWriter w, int epoch, int bs, LocalBeamformingProblem p, BeamformingResult r)
    {
        var sc = _env.Scenario;
        int n = p.Antennas;
        w.WriteStartObject();
        w.WriteString("format", Format);
        w.WriteNumber("version", 1);
        w.WriteString("scenario", sc.Name);
        w.WriteString("scheme", _options.Scheme.Name());
        w.WriteString("scheduler", _options.Scheduler.Name());
        w.WriteNumber("seed", unchecked((long)_env.Seed));
        w.WriteNumber("epoch", epoch);
        w.WriteNumber("bs", bs);
        w.WriteNumber("antennas", n);
        w.WriteNumber("users", p.Users);
        w.WriteString("surrogate", p.Surrogate == LeakageSurrogate.Salinr ? "salinr" : "slinr");
        w.WriteNumberOrNull("power_w", p.Power);
        w.WriteNumberOrNull("noise_w", p.Noise);
        w.WritePropertyName("weights");
        w.WriteDoubles(p.Weights);
        w.WritePropertyName("channels");
        WriteVectors(w, p.Channels);
        w.WritePropertyName("leakage_channels");
        WriteVectors(w, p.LeakageChannels);
        // D = Σ_t ĥ_tĥ_tᴴ, full Hermitian N×N
        var d = new Complex[n * n];
        foreach (var g in p.LeakageChannels) ComplexVectors.AddOuter(d, 1.0, g);
        ComplexVectors.MirrorLower(d, n);
        w.WritePropertyName("leakage_matrix");
        w.WriteStartArray();
        for (int i = 0; i < n; i++) w.WriteComplexVector(d.AsSpan(i * n, n).ToArray());
        w.WriteEndArray();
        if (p.Sensing is { } s)
        {
            double echoNoise = _env.Sensing.EchoNoise;
            double a = sc.SensingSettings.LargestCoefficient;
            w.WritePropertyName("sensing");
            w.WriteStartObject();
            w.WritePropertyName("steering");
            WriteVectors(w, s.Steering);
            w.WriteNumberOrNull("echo_noise_w", echoNoise);
            w.WritePropertyName("echo_gains");
            w.WriteDoubles(s.NoiseTerm.Select(t => echoNoise / t));
            w.WritePropertyName("noise_terms_w");
            w.WriteDoubles(s.NoiseTerm);
            w.WriteNumberOrNull("threshold", s.Ratio * a * a);
            w.WriteNumberOrNull("largest_coefficient_squared", a * a);
            w.WriteNumberOrNull("ratio", s.Ratio);
            w.WriteEndObject();
        }
        w.WritePropertyName("solution");
        w.WriteStartObject();
        w.WriteString("beamformer", _options.Scheme is Scheme.SdUscb or Scheme.SdUscbSlinr ? "dualopt" : "fp-salinr");
        w.WritePropertyName("beams");
        WriteVectors(w, r.Beams);
        var gamma = LocalSinr.Sinr(p.Channels, p.LeakageChannels, r.Beams, p.Noise, p.Surrogate);
        w.WriteNumberOrNull("virtual_pfr", LocalSinr.WeightedSumRate(p.Weights, gamma));
        w.WritePropertyName("surrogate_sinr");
        w.WriteDoubles(gamma);
        w.WritePropertyName("objective_trace");
        w.WriteDoubles(r.ObjectiveTrace);
        w.WriteNumber("fp_iterations", r.OuterIterations);
        w.WriteNumber("inner_iterations", r.InnerIterations);
        w.WriteNumberOrNull("max_sensing_violation", r.MaxSensingViolation);
        w.WriteNumberOrNull("total_power_w", r.Beams.Sum(b => ComplexVectors.NormSquared(b)));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteVectors(Utf8JsonWriter w, IEnumerable<Complex[]> vectors)
    {
        w.WriteStartArray();
        foreach (var v in vectors) w.WriteComplexVector(v);
        w.WriteEndArray();
    }
}
