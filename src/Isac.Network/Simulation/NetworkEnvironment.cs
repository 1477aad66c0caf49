using System.Diagnostics;
using Isac.Core.Random;
using Isac.Network.Channels;
using Isac.Network.Ckm;
using Isac.Network.Geometry;
using Isac.Network.Sensing;

namespace Isac.Network.Simulation;

/// <summary>
/// The part of a simulation every scheme shares for a given scenario and seed: the user drop
/// and trajectories, the channel model (and its scatterers or fields), the channels of each epoch,
/// σ_c², the sensing model and the BSs' channel knowledge maps. Schemes compared on one environment
/// see the same users and channels (common random numbers).
/// </summary>
public sealed class NetworkEnvironment
{
    private const int CachedEpochs = 2;
    private readonly List<UserState[][]> _trajectory = new();
    private readonly Dictionary<int, EpochChannels> _channels = new();
    private readonly IMobilityModel _mobility;
    private readonly SimulatedCampaign[] _campaigns;

    /// <summary>Builds the environment (maps in full when the scenario asks for it).</summary>
    public NetworkEnvironment(PaperBScenario scenario, long seed, IMobilityModel? mobility = null)
    {
        Scenario = scenario;
        Seed = unchecked((ulong)seed);
        _mobility = mobility ?? new StraightLineBounce();
        var layout = scenario.Layout;
        var ch = scenario.ChannelSettings;
        var dropRng = new DeterministicRandom(DeterministicRandom.Derive(Seed, "drop"));
        var first = scenario.UserPositions is { } pos
            ? UserDrop.AtPositions(pos, scenario.UserSpeed, dropRng)
            : UserDrop.Uniform(layout, scenario.UsersPerCell, scenario.UserSpeed, dropRng);
        _trajectory.Add(first);
        if (ch.Model == ChannelModelKind.Paper)
        {
            Scatterers = new ScattererField(layout, ch, new DeterministicRandom(DeterministicRandom.Derive(Seed, "scatterers")));
            Channels = new PaperChannelModel(ch, layout, Scatterers, DeterministicRandom.Derive(Seed, "channels"));
        }
        else Channels = new Tr38901ChannelModel(ch, layout, DeterministicRandom.Derive(Seed, "channels"));
        Noise = scenario.NoisePowerDbm is { } dbm
            ? Math.Pow(10, (dbm - 30) / 10)
            : NoiseCalibration.FromReferenceSnr(Channels, first, scenario.PowerWatts, scenario.ReferenceSnrDb);
        Sensing = new SensingModel(scenario.SensingSettings, ch, Noise, layout);

        var (min, max) = layout.BoundingBox();
        Grid = CkmGrid.Covering(min, max, scenario.CkmSettings.Spacing);
        var rsrp = new RsrpMeasurement(scenario.CkmSettings, ch, scenario.PowerWatts, Noise * Math.Pow(10, scenario.CkmSettings.MeasurementNoiseDb / 10), Channels.DrawPhase)
        {
            UniformPhases = ch.Model != ChannelModelKind.Paper,
        };
        ulong ckmSeed = DeterministicRandom.Derive(Seed, "ckm");
        // Everything a map's entries depend on: the seed (scatterers, measurement noise), the
        // channel and map settings, the layout and the measurement power and noise.
        EnvironmentKey = DeterministicRandom.Derive(Seed,
            $"{ch}|{scenario.CkmSettings}|{layout.Key}|{scenario.PowerDbm}|{scenario.ReferenceSnrDb}" + (scenario.NoisePowerDbm is { } n ? $"|{n}" : ""));
        _campaigns = Enumerable.Range(0, layout.Cells).Select(b => new SimulatedCampaign(Channels, b, Grid, rsrp, ckmSeed)).ToArray();
        Maps = Enumerable.Range(0, layout.Cells)
            .Select(b => new ChannelKnowledgeMap(b, Grid, scenario.CkmSettings, ch.TransmitAntennas, _campaigns[b], EnvironmentKey))
            .ToArray();
        if (scenario.CkmMode == CkmMode.Full)
        {
            var sw = Stopwatch.StartNew();
            foreach (var m in Maps) m.BuildAll();
            MapBuildTime = sw.Elapsed;
        }
    }

    /// <summary>The scenario.</summary>
    public PaperBScenario Scenario { get; }

    /// <summary>The seed every stream is derived from.</summary>
    public ulong Seed { get; }

    /// <summary>The scatterers of the paper's channel model (null for the 38.901 models).</summary>
    public ScattererField? Scatterers { get; }

    /// <summary>The channel model.</summary>
    public IChannelModel Channels { get; }

    /// <summary>σ_c², watts.</summary>
    public double Noise { get; }

    /// <summary>The sensing model.</summary>
    public SensingModel Sensing { get; }

    /// <summary>The grid of every map.</summary>
    public CkmGrid Grid { get; }

    /// <summary>Each BS's map.</summary>
    public IReadOnlyList<ChannelKnowledgeMap> Maps { get; private set; }

    /// <summary>Time spent building the maps in full (zero for on-demand maps).</summary>
    public TimeSpan MapBuildTime { get; }

    /// <summary>Identifies this environment's maps (see <see cref="ChannelKnowledgeMap.EnvironmentKey"/>).</summary>
    public ulong EnvironmentKey { get; }

    /// <summary>Bytes held by all maps.</summary>
    public long MapMemoryBytes => Maps.Sum(m => m.MemoryBytes);

    /// <summary>
    /// Replaces BS <paramref name="bs"/>'s map by one read from <paramref name="stream"/> (a <see cref="CkmFile"/>);
    /// points the file lacks are measured on demand. Returns the number of points read.
    /// </summary>
    /// <exception cref="Core.IsacInputException">The file is not a map, or was built for another BS, scenario or seed.</exception>
    public long LoadMap(int bs, Stream stream, string label)
    {
        var map = CkmFile.Load(stream, label, Scenario.CkmSettings, _campaigns[bs]);
        if (map.Bs != bs || map.EnvironmentKey != EnvironmentKey || map.Grid != Grid || map.Antennas != Scenario.ChannelSettings.TransmitAntennas
            || map.Settings != Scenario.CkmSettings)
            throw new Core.IsacInputException(label, $"this map was built for BS {map.Bs} of another scenario or seed (environment key {map.EnvironmentKey:x16}, expected BS {bs}, {EnvironmentKey:x16})");
        var maps = Maps.ToArray();
        maps[bs] = map;
        Maps = maps;
        return map.BuiltCount;
    }

    /// <summary>The users at the start of epoch <paramref name="epoch"/> (1-based).</summary>
    public UserState[][] UsersAt(int epoch)
    {
        lock (_trajectory)
        {
            while (_trajectory.Count < epoch)
            {
                var prev = _trajectory[^1];
                _trajectory.Add(prev.Select(c => c.Select(u => _mobility.Advance(u, Scenario.EpochSeconds, Scenario.Layout)).ToArray()).ToArray());
            }
            return _trajectory[epoch - 1];
        }
    }

    /// <summary>
    /// The true channels of epoch <paramref name="epoch"/>, computed link by link as they are asked
    /// for. The last few epochs are kept; older ones are recomputed on request (identically: every
    /// link has its own stream).
    /// </summary>
    public EpochChannels ChannelsAt(int epoch)
    {
        lock (_channels)
        {
            if (!_channels.TryGetValue(epoch, out var h))
            {
                h = new EpochChannels(Channels, UsersAt(epoch), epoch);
                _channels[epoch] = h;
                foreach (int old in _channels.Keys.Where(e => e <= epoch - CachedEpochs).ToList()) _channels.Remove(old);
            }
            return h;
        }
    }

    /// <summary>Each BS's belief about its users before the first echo (initial access).</summary>
    public SensedUser[][] InitialBeliefs()
    {
        var users = UsersAt(1);
        var rng = new DeterministicRandom(DeterministicRandom.Derive(Seed, "initial-access"));
        return users.Select((cell, l) => cell.Select(u => Sensing.InitialBelief(Scenario.Layout.BaseStations[l], u.Position, rng)).ToArray()).ToArray();
    }
}
