using Isac.Core.Numerics;
using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Network.Channels;
using Isac.Network.Geometry;
using Isac.Network.Numerics;

namespace Isac.Network.Sensing;

/// <summary>
/// Paper B's monostatic sensing of served users from the ISAC echoes (Section III-D): error
/// variances (16) as functions of the transmitted beams, noisy delay, Doppler and angle
/// estimates, and the user location computed from them.
/// </summary>
/// <remarks>
/// <para>After the receive beam f_k = b(θ̂_k^{prev}) (the previous estimate), the echo of user k
/// carries gain g_k·ρ_k with g_k = Gκ²|β_k|², κ² = N_tN_r, ρ_k = |b(θ̂_k^{prev})ᴴb(θ_k)|² (the
/// paper approximates ρ_k ≈ 1, the default; <see cref="SensingSettings.ComputedReceiveGain"/> computes it). The other beams j ≠ k reflected by user k
/// pass the same receive beam, so
/// σ²_{k,i} = a_i²(Σ_{j≠k}|a(θ_k)ᴴv_j|² + σ_z²/(g_kρ_k)) / |a(θ_k)ᴴv_k|².
/// Echoes of other users leaking through receive side lobes are neglected, as in the paper.</para>
/// <para>Estimates: τ̂ = 2d/c + e_τ, μ̂ = 2v_r f_c/c + e_μ, θ̂ = θ + e_θ with real e_i ~ N(0, σ²_{k,i})
/// (the paper calls them complex Gaussian; a real parameter's error is real here, with the full
/// variance). d̂ = max(cτ̂/2, 0), p̂ = BS + d̂(cos θ̂, sin θ̂). The angle is the azimuth: the BS is
/// taken to know on which side of its array the user is (a ULA alone cannot tell θ from π − θ).</para>
/// <para>Arrays and elements come from the layout: a(θ) is evaluated at the angle from the cell's
/// array broadside, and the echo carries the element gain twice (transmit and receive),
/// g_k = Gκ²|β_k|²·G_E(θ_k)²; with the paper's isotropic elements G_E = 1.</para>
/// </remarks>
public sealed class SensingModel
{
    private readonly SensingSettings _settings;
    private readonly ChannelSettings _channel;
    private readonly SteeringVector _tx;
    private readonly SteeringVector _rx;
    private readonly NetworkLayout _layout;

    /// <summary>Creates the model.</summary>
    /// <param name="settings">Sensing parameters.</param>
    /// <param name="channel">Channel parameters (N_t, f_c).</param>
    /// <param name="communicationNoise">σ_c² (σ_z² is a multiple of it).</param>
    /// <param name="layout">The BSs, their array orientations and element pattern.</param>
    public SensingModel(SensingSettings settings, ChannelSettings channel, double communicationNoise, NetworkLayout layout)
    {
        _settings = settings;
        _layout = layout;
        _channel = channel;
        _tx = new SteeringVector(channel.TransmitAntennas);
        _rx = new SteeringVector(settings.ReceiveAntennas);
        EchoNoise = settings.EchoNoiseFactor * communicationNoise;
    }

    /// <summary>The settings.</summary>
    public SensingSettings Settings => _settings;

    /// <summary>σ_z², watts.</summary>
    public double EchoNoise { get; }

    /// <summary>|β|² at distance d (the chosen radar-equation form).</summary>
    public double ReflectionPower(double distance)
    {
        double d = Math.Max(distance, 1.0);
        return _settings.Form switch
        {
            RadarEquationForm.TwoWay => _channel.Wavelength * _channel.Wavelength * _settings.RadarCrossSection / (Math.Pow(4 * Math.PI, 3) * d * d * d * d),
            _ => _settings.ReflectionFactor * _settings.ReflectionFactor / (4 * d * d),
        };
    }

    /// <summary>g = Gκ²|β|² at distance d.</summary>
    public double EchoGain(double distance) =>
        _settings.MatchedFilterGain * _channel.TransmitAntennas * _settings.ReceiveAntennas * ReflectionPower(distance);

    /// <summary>The echo gain of a user of cell <paramref name="cell"/> at azimuth <paramref name="azimuth"/> and distance <paramref name="distance"/>: Gκ²|β|²·G_E(θ)² (θ from the array broadside).</summary>
    public double EchoGain(int cell, double azimuth, double distance)
    {
        double g = _layout.ElementGain(_layout.ArrayAngle(cell, azimuth));
        return EchoGain(distance) * g * g;
    }

    /// <summary>BS <paramref name="cell"/>'s sensing constraint data for a user it believes at (θ̂, d̂): a(θ̂) and n = σ_z²/(Gκ²|β̂|²G_E(θ̂)²).</summary>
    public (Complex[] Steering, double NoiseTerm) ConstraintData(int cell, SensedUser belief) =>
        (_tx.At(_layout.ArrayAngle(cell, belief.Angle)), EchoNoise / EchoGain(cell, belief.Angle, belief.Distance));

    /// <summary>ρ = c̄/a_ī², the ratio of the constraints' normalised form.</summary>
    public double ConstraintRatio => _settings.Threshold / (_settings.LargestCoefficient * _settings.LargestCoefficient);

    /// <summary>
    /// Senses user <paramref name="index"/> of a cell from the echo of its BS's beams: draws the
    /// estimates and returns the new belief (or the previous one when the user got no power in
    /// its own direction) and the error statistics.
    /// </summary>
    /// <param name="cell">The serving cell (its BS senses the user).</param>
    /// <param name="user">The user's true state.</param>
    /// <param name="beams">All beams the BS transmitted this epoch.</param>
    /// <param name="index">The user's position in <paramref name="beams"/>.</param>
    /// <param name="previous">The BS's previous belief (its receive beam points at previous.Angle).</param>
    /// <param name="epoch">The epoch of the echo.</param>
    /// <param name="rng">The stream for the estimation errors.</param>
    /// <param name="maxSpeed">The user speed the BS assumes when ageing its previous belief, m/s.</param>
    /// <param name="epochSeconds">ΔT, s.</param>
    /// <remarks>
    /// The BS keeps whichever is more accurate by its own prediction: the new estimate (variance
    /// σ_d² + d̂²σ_θ² from (16)) or the previous belief aged by the motion since
    /// (variance + (v·ΔT·age)²). Without this, one echo of a user whose beam carried almost no
    /// power toward it (σ² → ∞ in (16)) would replace a good location by a meaningless one.
    /// </remarks>
    public (SensedUser Belief, SensingOutcome Outcome) Sense(int cell, UserState user, IReadOnlyList<Complex[]> beams, int index,
        SensedUser previous, int epoch, DeterministicRandom rng, double maxSpeed, double epochSeconds)
    {
        var bs = _layout.BaseStations[cell];
        var rel = user.Position - bs;
        double d = rel.Length, theta = rel.Azimuth;
        double radialSpeed = d > 0 ? (rel.X * user.Velocity.X + rel.Y * user.Velocity.Y) / d : 0;
        var a = _tx.At(_layout.ArrayAngle(cell, theta));
        double own = 0, others = 0;
        for (int j = 0; j < beams.Count; j++)
        {
            double pj = ComplexVectors.AbsDotSquared(a, beams[j]);
            if (j == index) own = pj; else others += pj;
        }
        double rxGain = _settings.ComputedReceiveGain
            ? ComplexVectors.AbsDotSquared(_rx.At(_layout.ArrayAngle(cell, previous.Angle)), _rx.At(_layout.ArrayAngle(cell, theta)))
            : 1.0;
        double effective = EchoGain(cell, theta, d) * rxGain;
        double ratio = (others + (effective > 0 ? EchoNoise / effective : double.PositiveInfinity)) / own;
        if (!(own > 0) || !double.IsFinite(ratio))
        {
            return (previous, new SensingOutcome(double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity,
                previous.Position.DistanceTo(user.Position)));
        }
        double vTheta = _settings.AngleCoefficient * _settings.AngleCoefficient * ratio;
        double vTau = _settings.DelayCoefficient * _settings.DelayCoefficient * ratio;
        double vMu = _settings.DopplerCoefficient * _settings.DopplerCoefficient * ratio;
        double c = ChannelSettings.SpeedOfLight;
        double tauHat = 2 * d / c + Math.Sqrt(vTau) * rng.NextGaussian();
        double thetaHat = theta + Math.Sqrt(vTheta) * rng.NextGaussian();
        _ = 2 * radialSpeed * _channel.CarrierHz / c + Math.Sqrt(vMu) * rng.NextGaussian(); // Doppler estimate: drawn for the stream's sake, unused for the location
        double dHat = Math.Max(c * tauHat / 2, 0);
        var p = bs.Offset(dHat, thetaHat);
        double variance = c * c / 4 * vTau + dHat * dHat * vTheta;
        var fresh = new SensedUser(thetaHat, dHat, p, epoch, variance);
        double drift = maxSpeed * epochSeconds * (epoch - previous.Epoch);
        var belief = variance <= previous.PositionVariance + drift * drift ? fresh : previous;
        return (belief, new SensingOutcome(vTheta, vTau, vMu, belief.Position.DistanceTo(user.Position)));
    }

    /// <summary>The belief from initial access: the true position plus N(0, s²) per coordinate.</summary>
    public SensedUser InitialBelief(Point2 bs, Point2 position, DeterministicRandom rng)
    {
        double s = _settings.InitialLocationError;
        var p = new Point2(position.X + s * rng.NextGaussian(), position.Y + s * rng.NextGaussian());
        var rel = p - bs;
        return new SensedUser(rel.Azimuth, rel.Length, p, 0, 2 * s * s);
    }
}
