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
/// <para>Phases w_q ~ N(0, s²) are drawn anew each epoch (block fading), from a stream fixed by
/// (seed, epoch, BS, cell, user), so every scheme sees the same channels.</para>
/// </remarks>
public sealed class ChannelModel
{
    private readonly ChannelSettings _settings;
    private readonly ulong _seed;
    private readonly SteeringVector _steer;
    private readonly Dictionary<(int Cell, int User), PathGain[]> _nlosShape = new();

    /// <summary>Creates the model; <paramref name="seed"/> fixes every draw.</summary>
    public ChannelModel(ChannelSettings settings, NetworkLayout layout, ScattererField scatterers, ulong seed)
    {
        _settings = settings;
        Layout = layout;
        Scatterers = scatterers;
        _seed = seed;
        _steer = new SteeringVector(settings.TransmitAntennas);
    }

    /// <summary>The settings.</summary>
    public ChannelSettings Settings => _settings;

    /// <summary>The layout the channels are drawn in.</summary>
    public NetworkLayout Layout { get; }

    /// <summary>The scatterers behind the inter-cell paths.</summary>
    public ScattererField Scatterers { get; }

    /// <summary>The paths from BS <paramref name="bs"/> to a user of cell <paramref name="cell"/> at <paramref name="position"/>.</summary>
    public PathGain[] Paths(int bs, int cell, int user, Point2 position)
    {
        var bsPos = Layout.BaseStations[bs];
        if (bs != cell) return Scatterers.Paths(bsPos, position);
        var shape = NlosShape(cell, user);
        double los = _settings.PathGain(Math.Max(bsPos.DistanceTo(position), 1.0));
        var paths = new PathGain[shape.Length + 1];
        paths[0] = new PathGain((position - bsPos).Azimuth, los);
        for (int q = 0; q < shape.Length; q++) paths[q + 1] = new PathGain(shape[q].Angle, los / shape[q].Power);
        return paths;
    }

    /// <summary>
    /// The channel h from BS <paramref name="bs"/> to user (cell, user) at <paramref name="position"/>
    /// in epoch <paramref name="epoch"/> (phases drawn from that epoch's stream).
    /// </summary>
    public Complex[] Channel(int bs, int cell, int user, Point2 position, int epoch)
    {
        var rng = new DeterministicRandom(DeterministicRandom.Derive(_seed, [1, epoch, bs, cell, user]));
        return Synthesize(Paths(bs, cell, user, position), rng);
    }

    /// <summary>h = Σ_q √α_q e^{j w_q} a(θ_q) with w_q ~ N(0, s²) from <paramref name="rng"/>.</summary>
    public Complex[] Synthesize(IReadOnlyList<PathGain> paths, DeterministicRandom rng)
    {
        int n = _settings.TransmitAntennas;
        var h = new Complex[n];
        Span<Complex> a = stackalloc Complex[n];
        foreach (var p in paths)
        {
            double w = _settings.PhaseStdRad * rng.NextGaussian();
            _steer.At(p.Angle, a);
            var c = Complex.FromPolarCoordinates(Math.Sqrt(p.Power), w);
            for (int i = 0; i < n; i++) h[i] += c * a[i];
        }
        return h;
    }

    /// <summary>All channels of one epoch: h[bs][cell][user].</summary>
    public Complex[][][][] Epoch(IReadOnlyList<UserState[]> users, int epoch)
    {
        int cells = Layout.Cells;
        var h = new Complex[cells][][][];
        for (int m = 0; m < cells; m++)
        {
            h[m] = new Complex[users.Count][][];
            for (int l = 0; l < users.Count; l++)
            {
                h[m][l] = new Complex[users[l].Length][];
                for (int k = 0; k < users[l].Length; k++) h[m][l][k] = Channel(m, l, k, users[l][k].Position, epoch);
            }
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
