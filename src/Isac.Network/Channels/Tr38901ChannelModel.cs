using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Network.Geometry;
using Isac.Physics.Channels.Tr38901;

namespace Isac.Network.Channels;

/// <summary>
/// The 3GPP TR 38.901 UMi-Street Canyon and UMa channels of the network, reduced to what a ULA in
/// azimuth needs (docs/network.md lists what is simplified): LoS probability (Table 7.4.2-1), path
/// loss (Table 7.4.1-1), spatially consistent shadow fading, K-factor and ASD (Table 7.5-6
/// correlation distances), and multipath as N clusters of M = 20 rays (Section 7.5 steps 5-7,
/// <see cref="Tr38901Clusters"/>) whose random variables are spatially consistent too
/// (Section 7.6.3.1), with the element pattern of Table 7.3-1 when the layout has sector antennas.
/// </summary>
/// <remarks>
/// <para>Every random quantity of a link from BS m to a location p is a field of the location,
/// drawn per BS (<see cref="SpatialFieldBank"/>, exponential correlation): the LoS state
/// (LoS when Φ(f_LoS(p)) &lt; Pr_LoS(d_2D), correlation distance 50 m, Table 7.6.3.1-2), per state the
/// SF, lgASD and K-factor fields (their Table 7.5-6 correlation distances) and the 4N cluster
/// variables (X_n for the delays, Z_n for the cluster shadowing, the sign and the offset Y_n of
/// the AoD; 12 m for UMi, 40 m for UMa, Table 7.6.3.1-2). So a link's paths depend on where the
/// user is, not on who it is: the BS's measurement campaign at a map grid point sees the same
/// function (<see cref="CampaignPaths"/> equals <see cref="Paths"/>), and nearby locations see
/// nearly the same angular power spectrum, which is what a channel knowledge map learns.</para>
/// <para>Per epoch the ray phases are redrawn uniformly on [0, 2π) (block fading: a user moves
/// 40 wavelengths at 30 GHz in one epoch of paper B), from a stream keyed by (seed, epoch, BS,
/// cell, user).</para>
/// <para>Link power: 10^(−(PL + SF)/10) times the ray's power fraction times the element gain
/// toward it. With wrap-around the nearest image of the BS is used for the distance and the
/// angles.</para>
/// </remarks>
public sealed class Tr38901ChannelModel : IChannelModel
{
    private const int LspTerms = 64, ClusterTerms = 32;
    private readonly ChannelSettings _settings;
    private readonly ulong _seed;
    private readonly Tr38901Environment _env;
    private readonly Tr38901Parameters _los, _nlos;
    private readonly BsFields[] _fields;
    private readonly double _fcGHz;

    /// <summary>Creates the model; <paramref name="seed"/> fixes every field and phase.</summary>
    public Tr38901ChannelModel(ChannelSettings settings, NetworkLayout layout, ulong seed)
    {
        if (settings.Model == ChannelModelKind.Paper) throw new ArgumentException("settings of a 38.901 model expected", nameof(settings));
        _settings = settings;
        Layout = layout;
        _seed = seed;
        _env = settings.Model == ChannelModelKind.Tr38901Uma ? Tr38901Environment.UrbanMacro : Tr38901Environment.UrbanMicro;
        _fcGHz = settings.CarrierHz / 1e9;
        _los = Tr38901Parameters.For(_env, true, _fcGHz);
        _nlos = Tr38901Parameters.For(_env, false, _fcGHz);
        _fields = new BsFields[layout.Cells];
        for (int b = 0; b < layout.Cells; b++)
        {
            var rng = new DeterministicRandom(DeterministicRandom.Derive(seed, [3, b]));
            _fields[b] = new BsFields(
                new SpatialFieldBank(Tr38901Parameters.LosStateCorrelationM, 1, LspTerms, rng),
                StateFields.Draw(_los, rng),
                StateFields.Draw(_nlos, rng));
        }
    }

    /// <inheritdoc />
    public string Name => _settings.Model.Name();

    /// <inheritdoc />
    public ChannelSettings Settings => _settings;

    /// <inheritdoc />
    public NetworkLayout Layout { get; }

    /// <summary>The 38.901 scenario.</summary>
    public Tr38901Environment Environment => _env;

    /// <summary>The Table 7.5-6 parameters of a state.</summary>
    public Tr38901Parameters Parameters(bool los) => los ? _los : _nlos;

    /// <summary>The large-scale state of the link from BS <paramref name="bs"/> to <paramref name="location"/>.</summary>
    public LinkState Link(int bs, Point2 location)
    {
        var rel = Layout.Relative(bs, location);
        double d2 = rel.Length;
        var f = _fields[bs];
        double u = NormalCdf(f.LosState.Evaluate(0, location.X, location.Y));
        bool los = u < Tr38901LosProbability.Of(_env, d2, _settings.UtHeight);
        var state = los ? f.Los : f.Nlos;
        var p = los ? _los : _nlos;
        double sf = p.ShadowFadingStdDb * state.ShadowFading.Evaluate(0, location.X, location.Y);
        double lgAsd = p.LgAsdMean + p.LgAsdStd * state.Asd.Evaluate(0, location.X, location.Y);
        double k = los ? p.KMeanDb + p.KStdDb * state.K!.Evaluate(0, location.X, location.Y) : double.NaN;
        double pl = Tr38901PathLoss.Db(_env, los, d2, _fcGHz, _settings.BsHeightMeters, _settings.UtHeight);
        return new LinkState(los, pl, sf, Math.Min(Math.Pow(10, lgAsd), 104), k, rel.Azimuth);
    }

    /// <summary>The rays of the link (azimuths from +x, power fractions) and its large-scale state.</summary>
    public (LinkState State, double[] Azimuth, double[] Power, int Count) Rays(int bs, Point2 location)
    {
        var link = Link(bs, location);
        var p = Parameters(link.Los);
        var state = link.Los ? _fields[bs].Los : _fields[bs].Nlos;
        int n = p.Clusters;
        Span<double> v = stackalloc double[4 * n];
        state.Clusters.Evaluate(location.X, location.Y, v);
        Span<double> uniforms = stackalloc double[n];
        for (int i = 0; i < n; i++) uniforms[i] = NormalCdf(v[i]);
        var az = new double[Tr38901Clusters.MaxRays(p)];
        var pw = new double[az.Length];
        int count = Tr38901Clusters.Generate(p, link.AsdDeg, link.KDb, uniforms, v.Slice(n, n), v.Slice(2 * n, n), v.Slice(3 * n, n), link.LosAzimuth, az, pw);
        return (link, az, pw, count);
    }

    /// <inheritdoc />
    public IReadOnlyList<PathGain> Paths(int bs, int cell, int user, Point2 position) => CampaignPaths(bs, position);

    /// <inheritdoc />
    public IReadOnlyList<PathGain> CampaignPaths(int bs, Point2 location)
    {
        var (_, az, pw, count) = ArrayRays(bs, location);
        var paths = new PathGain[count];
        for (int q = 0; q < count; q++) paths[q] = new PathGain(az[q], pw[q]);
        return paths;
    }

    /// <summary>The rays as angles from the BS's array broadside and powers (path loss, shadow fading, power fraction and element gain).</summary>
    private (LinkState State, double[] Angle, double[] Power, int Count) ArrayRays(int bs, Point2 location)
    {
        var (link, az, pw, count) = Rays(bs, location);
        double gain = Math.Pow(10, -(link.PathLossDb + link.ShadowFadingDb) / 10);
        for (int q = 0; q < count; q++)
        {
            double angle = Layout.ArrayAngle(bs, az[q]);
            az[q] = angle;
            pw[q] = gain * pw[q] * Layout.ElementGain(angle);
        }
        return (link, az, pw, count);
    }

    /// <summary>Φ ~ U(0, 2π) (the channels and the map's snapshots draw e^{jΦ} directly, <see cref="RaySynthesis.UnitPhasor"/>).</summary>
    public double DrawPhase(DeterministicRandom rng) => rng.NextUniform(0, 2 * Math.PI);

    /// <inheritdoc />
    public Complex[] Channel(int bs, int cell, int user, Point2 position, int epoch)
    {
        var rng = new DeterministicRandom(DeterministicRandom.Derive(_seed, [1, epoch, bs, cell, user]));
        var h = new Complex[_settings.TransmitAntennas];
        var (_, angle, power, count) = ArrayRays(bs, position);
        var rays = RaySynthesis.ForThread();
        rays.Reset(angle.AsSpan(0, count), power.AsSpan(0, count), h.Length);
        rays.Snapshot(null, rng, h);
        return h;
    }

    /// <summary>E‖h‖² = Σ_q α_q over the random phases.</summary>
    public double CalibrationGain(int bs, int cell, int user, Point2 position) => Paths(bs, cell, user, position).Sum(p => p.Power);

    /// <summary>
    /// Φ(x), the standard normal distribution function (maps a Gaussian field to a uniform one), by
    /// the rational approximation 26.2.17 of Abramowitz and Stegun (absolute error below 7.5·10⁻⁸,
    /// far below what a uniform variable of the channel model needs; an order of magnitude cheaper
    /// than a full-precision erfc, and it is evaluated for every cluster of every link).
    /// </summary>
    public static double NormalCdf(double x)
    {
        double z = Math.Abs(x);
        double t = 1 / (1 + 0.2316419 * z);
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        double tail = 0.3989422804014327 * Math.Exp(-0.5 * z * z) * poly;
        return x >= 0 ? 1 - tail : tail;
    }

    private sealed record StateFields(SpatialFieldBank ShadowFading, SpatialFieldBank Asd, SpatialFieldBank? K, SpatialFieldBank Clusters)
    {
        public static StateFields Draw(Tr38901Parameters p, DeterministicRandom rng) => new(
            new SpatialFieldBank(p.ShadowFadingCorrelationM, 1, LspTerms, rng),
            new SpatialFieldBank(p.AsdCorrelationM, 1, LspTerms, rng),
            p.Los ? new SpatialFieldBank(p.KCorrelationM, 1, LspTerms, rng) : null,
            new SpatialFieldBank(p.ClusterCorrelationM, 4 * p.Clusters, ClusterTerms, rng));
    }

    private sealed record BsFields(SpatialFieldBank LosState, StateFields Los, StateFields Nlos);
}

/// <summary>The large-scale state of one link of a 38.901 model.</summary>
/// <param name="Los">Line of sight.</param>
/// <param name="PathLossDb">PL, dB (Table 7.4.1-1).</param>
/// <param name="ShadowFadingDb">SF, dB (a draw of N(0, σ_SF²), spatially consistent).</param>
/// <param name="AsdDeg">ASD = 10^lgASD, degrees (capped at 104°, as 38.901 caps ASD).</param>
/// <param name="KDb">Ricean K, dB (NaN in NLoS).</param>
/// <param name="LosAzimuth">Azimuth of the direct path from the BS, rad.</param>
public readonly record struct LinkState(bool Los, double PathLossDb, double ShadowFadingDb, double AsdDeg, double KDb, double LosAzimuth);
