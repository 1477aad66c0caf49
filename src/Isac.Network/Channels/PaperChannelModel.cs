using Isac.Core.Numerics;
using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Network.Geometry;

namespace Isac.Network.Channels;

/// <summary>
/// Paper B's downlink channels, regenerated every epoch from the users' current positions:
/// intra-cell (BS ℓ to its own user) one LoS path plus N_p − 1 NLoS paths, eq. (37); inter-cell
/// (BS m ≠ ℓ to user k_ℓ) N_p NLoS paths, eq. (38). h = Σ_q √α_q e^{j w_q} a(θ_q).
/// </summary>
/// <remarks>
/// <para>Intra-cell: LoS angle = azimuth of the user from the BS, α_1 = α0 d^−η; NLoS angles
/// ~ U(−π, π) and ratios α_1/α_q ~ U(4, 9), drawn once per user (large-scale parameters that
/// stay put over a run of a few metres of motion).</para>
/// <para>Inter-cell: the paths of <see cref="ScattererField"/> (location-dependent, so a CKM
/// can learn them).</para>
/// <para>Angles are taken from the BS's array broadside and every path's power is multiplied by
/// the element gain toward it (<see cref="NetworkLayout.ElementGain"/>: 1 for the paper's
/// isotropic elements, so the paper's network is unchanged); with wrap-around the nearest image
/// of the BS is used.</para>
/// <para>Phases w_q ~ N(0, s²) are drawn anew each epoch (block fading), from a stream fixed by
/// (seed, epoch, BS, cell, user), so every scheme sees the same channels.</para>
/// </remarks>
public sealed class PaperChannelModel : IChannelModel
{
    private readonly ChannelSettings _settings;
    private readonly ulong _seed;
    private readonly SteeringVector _steer;
    private readonly Dictionary<(int Cell, int User), PathGain[]> _nlosShape = new();

    /// <summary>Creates the model; <paramref name="seed"/> fixes every draw.</summary>
    public PaperChannelModel(ChannelSettings settings, NetworkLayout layout, ScattererField scatterers, ulong seed)
    {
        _settings = settings;
        Layout = layout;
        Scatterers = scatterers;
        _seed = seed;
        _steer = new SteeringVector(settings.TransmitAntennas);
    }

    /// <inheritdoc />
    public string Name => ChannelModelKind.Paper.Name();

    /// <inheritdoc />
    public ChannelSettings Settings => _settings;

    /// <inheritdoc />
    public NetworkLayout Layout { get; }

    /// <summary>The scatterers behind the inter-cell paths.</summary>
    public ScattererField Scatterers { get; }

    /// <inheritdoc />
    public IReadOnlyList<PathGain> Paths(int bs, int cell, int user, Point2 position)
    {
        if (bs != cell) return CampaignPaths(bs, position);
        var rel = Layout.Relative(bs, position);
        var shape = NlosShape(cell, user);
        double los = _settings.PathGain(Math.Max(rel.Length, 1.0));
        var paths = new PathGain[shape.Length + 1];
        double angle = Layout.ArrayAngle(bs, rel.Azimuth);
        paths[0] = new PathGain(angle, los * Layout.ElementGain(angle));
        for (int q = 0; q < shape.Length; q++) paths[q + 1] = new PathGain(shape[q].Angle, los / shape[q].Power * Layout.ElementGain(shape[q].Angle));
        return paths;
    }

    /// <inheritdoc />
    public IReadOnlyList<PathGain> CampaignPaths(int bs, Point2 location)
    {
        var paths = Scatterers.Paths(Layout.BsSeenFrom(bs, location), location);
        for (int q = 0; q < paths.Length; q++)
        {
            double angle = Layout.ArrayAngle(bs, paths[q].Angle);
            paths[q] = new PathGain(angle, paths[q].Power * Layout.ElementGain(angle));
        }
        return paths;
    }

    /// <summary>w ~ N(0, s²), s = <see cref="ChannelSettings.PhaseStdRad"/> (paper: π/5).</summary>
    public double DrawPhase(DeterministicRandom rng) => _settings.PhaseStdRad * rng.NextGaussian();

    /// <inheritdoc />
    public Complex[] Channel(int bs, int cell, int user, Point2 position, int epoch)
    {
        var rng = new DeterministicRandom(DeterministicRandom.Derive(_seed, [1, epoch, bs, cell, user]));
        return Synthesize(Paths(bs, cell, user, position), rng);
    }

    /// <summary>The realised ‖h‖² of epoch 1 (the paper's Section V formula sums the channels it drew).</summary>
    public double CalibrationGain(int bs, int cell, int user, Point2 position) =>
        ComplexVectors.NormSquared(Channel(bs, cell, user, position, 1));

    /// <summary>h = Σ_q √α_q e^{j w_q} a(θ_q) with w_q ~ N(0, s²) from <paramref name="rng"/>.</summary>
    public Complex[] Synthesize(IReadOnlyList<PathGain> paths, DeterministicRandom rng)
    {
        int n = _settings.TransmitAntennas;
        var h = new Complex[n];
        Span<Complex> a = stackalloc Complex[n];
        foreach (var p in paths)
        {
            double w = DrawPhase(rng);
            _steer.At(p.Angle, a);
            var c = Complex.FromPolarCoordinates(Math.Sqrt(p.Power), w);
            for (int i = 0; i < n; i++) h[i] += c * a[i];
        }
        return h;
    }

    private PathGain[] NlosShape(int cell, int user)
    {
        lock (_nlosShape)
        {
            if (_nlosShape.TryGetValue((cell, user), out var s)) return s;
            var rng = new DeterministicRandom(DeterministicRandom.Derive(_seed, [0, cell, user]));
            s = new PathGain[_settings.IntraCellPaths - 1];
            for (int q = 0; q < s.Length; q++)
                s[q] = new PathGain(rng.NextUniform(-Math.PI, Math.PI), rng.NextUniform(_settings.NlosRatioMin, _settings.NlosRatioMax));
            _nlosShape[(cell, user)] = s;
            return s;
        }
    }
}
