using Isac.Core.Numerics;
using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Network.Channels;
using Isac.Network.Numerics;

namespace Isac.Network.Ckm;

/// <summary>
/// RSRP measurements with the DFT codebook, eq. (34), and the dictionary of problem (35).
/// </summary>
/// <remarks>
/// Codeword b (b = 0 … N_b−1) is the unit-norm beam w̄_b = N_t^−½[e^{jπ i u_b}]_i with
/// u_b = −1 + (2b+1)/N_b (a DFT grid in sinθ, oversampled N_b/N_t times). The paper writes
/// r_b = P_T|w_bᴴh|²/√N_t with W = N_t^−½[w_1 … w_N_b], which double-counts the normalisation;
/// here r_b = P_T|w̄_bᴴh|², consistent with (34)'s matrix form P_T|Wᴴh|². One measurement is
/// y_b = √P_T·w̄_bᴴh(t) + n_b, n_b ~ CN(0, σ²), and the reported RSRP is the average of |y_b|²
/// over T snapshots minus σ² (the noise floor a receiver knows), so E[r̄_b] = P_T·E|w̄_bᴴh|².
/// Dictionary: Φ_{b,i} = P_T|w̄_bᴴa(θ_i)|², so E[r̄] = Φᾱ when the paths' phases are independent.
/// The paths' phases in each snapshot are drawn as the channel model draws them (paper B: N(0, (π/5)²);
/// 38.901: uniform). For a few paths the beam responses w̄_bᴴa(θ_q) are computed once and reused;
/// for many (a 38.901 link has hundreds of rays) each snapshot's channel is synthesised and
/// projected on the codebook instead, which costs N_t per path rather than N_b.
/// </remarks>
public sealed class RsrpMeasurement
{
    private readonly Complex[][] _codebook;
    private readonly Complex[][] _binSteering;
    private readonly ChannelSettings _channel;
    private readonly Func<DeterministicRandom, double> _phase;

    /// <summary>Creates the codebook and the dictionary; <paramref name="phase"/> draws a path's phase in one snapshot (null: paper B's N(0, s²)).</summary>
    public RsrpMeasurement(CkmSettings settings, ChannelSettings channel, double transmitPower, double noise, Func<DeterministicRandom, double>? phase = null)
    {
        Settings = settings;
        _channel = channel;
        _phase = phase ?? (rng => channel.PhaseStdRad * rng.NextGaussian());
        TransmitPower = transmitPower;
        Noise = noise;
        int n = channel.TransmitAntennas;
        _codebook = new Complex[settings.CodebookSize][];
        for (int b = 0; b < settings.CodebookSize; b++)
        {
            double u = -1 + (2.0 * b + 1) / settings.CodebookSize;
            _codebook[b] = Enumerable.Range(0, n).Select(i => Complex.FromPolarCoordinates(1 / Math.Sqrt(n), Math.PI * i * u)).ToArray();
        }
        var steer = new SteeringVector(n);
        _binSteering = Enumerable.Range(0, settings.AngularBins).Select(i => steer.At(settings.BinAngle(i))).ToArray();
        Dictionary = _binSteering
            .Select(a => _codebook.Select(w => transmitPower * ComplexVectors.AbsDotSquared(w, a)).ToArray())
            .ToArray();
    }

    /// <summary>True when every path phase is uniform on [0, 2π) (the 38.901 models): snapshots then draw unit phasors directly.</summary>
    public bool UniformPhases { get; init; }

    /// <summary>The map settings.</summary>
    public CkmSettings Settings { get; }

    /// <summary>P_T, watts.</summary>
    public double TransmitPower { get; }

    /// <summary>Measurement noise σ² (paper: σ_c²).</summary>
    public double Noise { get; }

    /// <summary>Dictionary columns φ_i (one per angle bin, N_b entries).</summary>
    public double[][] Dictionary { get; }

    /// <summary>a(θ_i) for every bin (for the reconstruction (36)).</summary>
    public IReadOnlyList<Complex[]> BinSteering => _binSteering;

    /// <summary>The averaged, noise-floor-corrected RSRP vector r̄ at a location with the given paths.</summary>
    public double[] Measure(IReadOnlyList<PathGain> paths, DeterministicRandom rng)
    {
        int nb = _codebook.Length, np = paths.Count, n = _channel.TransmitAntennas;
        if (np > ManyPaths) return MeasureBySynthesis(paths, rng);
        // Beam responses of each path, computed once: c_{b,q} = w̄_bᴴ a(θ_q).
        var steer = new SteeringVector(n);
        var response = new Complex[np, nb];
        var a = new Complex[n];
        for (int q = 0; q < np; q++)
        {
            steer.At(paths[q].Angle, a);
            for (int b = 0; b < nb; b++) response[q, b] = ComplexVectors.Dot(_codebook[b], a);
        }
        var r = new double[nb];
        var gain = new Complex[np];
        double sqrtP = Math.Sqrt(TransmitPower);
        int t = Settings.Snapshots;
        for (int s = 0; s < t; s++)
        {
            for (int q = 0; q < np; q++)
                gain[q] = Complex.FromPolarCoordinates(Math.Sqrt(paths[q].Power), _phase(rng));
            for (int b = 0; b < nb; b++)
            {
                Complex y = rng.NextComplexGaussian(Noise);
                for (int q = 0; q < np; q++) y += sqrtP * gain[q] * response[q, b];
                r[b] += y.Real * y.Real + y.Imaginary * y.Imaginary;
            }
        }
        for (int b = 0; b < nb; b++) r[b] = r[b] / t - Noise;
        return r;
    }

    /// <summary>Above this many paths a snapshot is synthesised and projected instead of combining precomputed beam responses.</summary>
    private const int ManyPaths = 16;

    private double[] MeasureBySynthesis(IReadOnlyList<PathGain> paths, DeterministicRandom rng)
    {
        int nb = _codebook.Length, n = _channel.TransmitAntennas;
        var r = new double[nb];
        var h = new Complex[n];
        double sqrtP = Math.Sqrt(TransmitPower);
        int t = Settings.Snapshots;
        var rays = RaySynthesis.ForThread();
        rays.Reset(paths.Select(p => p.Angle).ToArray(), paths.Select(p => p.Power).ToArray(), n);
        for (int s = 0; s < t; s++)
        {
            rays.Snapshot(UniformPhases ? null : _phase, rng, h);
            for (int b = 0; b < nb; b++)
            {
                Complex y = rng.NextComplexGaussian(Noise) + sqrtP * ComplexVectors.Dot(_codebook[b], h);
                r[b] += y.Real * y.Real + y.Imaginary * y.Imaginary;
            }
        }
        for (int b = 0; b < nb; b++) r[b] = r[b] / t - Noise;
        return r;
    }
}
