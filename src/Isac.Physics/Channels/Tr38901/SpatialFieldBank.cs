using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Isac.Core.Random;

namespace Isac.Physics.Channels.Tr38901;

/// <summary>
/// A bank of independent, spatially consistent standard Gaussian random fields over the plane with
/// the exponential autocorrelation of 3GPP TR 38.901 eq. (7.4-5), E[f(p)f(q)] = exp(−‖p − q‖/d_corr),
/// all sharing one correlation distance: what the spatial consistency of the large-scale parameters
/// (Section 7.4.4, 7.5 step 1) and of the cluster random variables (Section 7.6.3.1) needs.
/// </summary>
/// <remarks>
/// <para>Spectral (random Fourier feature) construction: f(p) = √(2/M) Σ_i cos(k_i·p + φ_i) with
/// phases φ_i ~ U(0, 2π) and wave vectors k_i = Z_i/(d_corr|W_i|), Z_i ~ N(0, I₂), W_i ~ N(0, 1).
/// k_i/‖·‖ is a bivariate Cauchy (Student t with one degree of freedom) vector, whose characteristic
/// function is exp(−‖t‖/d_corr), so E[cos(k·(p − q))] = exp(−‖p − q‖/d_corr): the covariance is exactly
/// the exponential one in expectation over the bank, and the field is approximately Gaussian by the
/// central limit theorem over the M terms. Every field of a bank shares the wave vectors and has its
/// own phases (independent fields, uncorrelated for any wave vectors), so evaluating all F fields at
/// a point costs M sine-cosine pairs and 2FM multiply-adds instead of FM cosines.</para>
/// <para>Unlike the grid filtering that 38.901 suggests, the field is defined everywhere (no grid, no
/// storage) and is evaluated at any location directly: a BS's field at a user's position and at a
/// map grid point are the same function.</para>
/// </remarks>
public sealed class SpatialFieldBank
{
    private readonly double[] _kx, _ky;
    private readonly double[] _cosPhase, _sinPhase; // [field * M + i]
    private readonly double _scale;

    /// <summary>Draws a bank of <paramref name="fields"/> fields with <paramref name="terms"/> terms each.</summary>
    public SpatialFieldBank(double correlationDistance, int fields, int terms, DeterministicRandom rng)
    {
        if (!(correlationDistance > 0)) throw new ArgumentOutOfRangeException(nameof(correlationDistance), correlationDistance, "must be positive");
        if (fields < 1 || terms < 1) throw new ArgumentOutOfRangeException(nameof(terms), "a bank needs fields and terms");
        CorrelationDistance = correlationDistance;
        Fields = fields;
        Terms = terms;
        _kx = new double[terms];
        _ky = new double[terms];
        for (int i = 0; i < terms; i++)
        {
            double w = Math.Max(Math.Abs(rng.NextGaussian()), 1e-12);
            _kx[i] = rng.NextGaussian() / (correlationDistance * w);
            _ky[i] = rng.NextGaussian() / (correlationDistance * w);
        }
        _cosPhase = new double[fields * terms];
        _sinPhase = new double[fields * terms];
        for (int j = 0; j < fields * terms; j++)
        {
            double phi = rng.NextUniform(0, 2 * Math.PI);
            _cosPhase[j] = Math.Cos(phi);
            _sinPhase[j] = Math.Sin(phi);
        }
        _scale = Math.Sqrt(2.0 / terms);
    }

    /// <summary>d_corr, m.</summary>
    public double CorrelationDistance { get; }

    /// <summary>Number of fields F.</summary>
    public int Fields { get; }

    /// <summary>Terms per field M.</summary>
    public int Terms { get; }

    /// <summary>Writes every field's value at (<paramref name="x"/>, <paramref name="y"/>) into <paramref name="values"/> (length F).</summary>
    public void Evaluate(double x, double y, Span<double> values)
    {
        int m = Terms;
        Span<double> c = m <= 256 ? stackalloc double[m] : new double[m];
        Span<double> s = m <= 256 ? stackalloc double[m] : new double[m];
        int vec = Vector256.IsHardwareAccelerated ? m / 4 * 4 : 0;
        ref double c0 = ref MemoryMarshal.GetReference(c);
        ref double s0 = ref MemoryMarshal.GetReference(s);
        // Scalar library sine-cosine: .NET's 256-bit vector sine costs ten times more instructions.
        for (int i = 0; i < m; i++) (s[i], c[i]) = Math.SinCos(_kx[i] * x + _ky[i] * y);
        for (int f = 0; f < Fields; f++)
        {
            // cos(θ + φ) = cos θ cos φ − sin θ sin φ
            ref double cp = ref _cosPhase[f * m];
            ref double sp = ref _sinPhase[f * m];
            var acc = Vector256<double>.Zero;
            for (nuint i = 0; i < (nuint)vec; i += 4)
                acc += Vector256.LoadUnsafe(ref c0, i) * Vector256.LoadUnsafe(ref cp, i) - Vector256.LoadUnsafe(ref s0, i) * Vector256.LoadUnsafe(ref sp, i);
            double sum = Vector256.Sum(acc);
            for (int i = vec; i < m; i++) sum += c[i] * _cosPhase[f * m + i] - s[i] * _sinPhase[f * m + i];
            values[f] = _scale * sum;
        }
    }

    /// <summary>One field's value at a point.</summary>
    public double Evaluate(int field, double x, double y)
    {
        Span<double> all = Fields <= 256 ? stackalloc double[Fields] : new double[Fields];
        Evaluate(x, y, all);
        return all[field];
    }
}
