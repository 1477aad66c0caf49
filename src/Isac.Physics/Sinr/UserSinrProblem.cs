using Complex = System.Numerics.Complex;
using Isac.Physics.Channels;
using Isac.Physics.Numerics;
using Isac.Physics.Uncertainty;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Sinr;

/// <summary>
/// Everything that fixes one user's block-level SINR under a bounded CSI error:
/// SINR(e) = (h̃ᵀ S h̃*) / (Σ_i h̃ᵀ S_i h̃* + σ_C²) with h̃ = h + T·e, ‖e‖ ≤ ρ.
/// </summary>
/// <remarks>
/// <para>h is the user's stacked nominal channel, S its own stream's covariance, S_i the other
/// streams' covariances, T and ρ the error model (<see cref="CsiErrorModel"/>). For beamformers,
/// h̃ᵀ S h̃* = |h̃ᵀ w|². With CBF streams (each confined to its BS) this is paper A eq. (20):
/// the intra-cell terms Σ_{l≠k} |h̃_{m,mk}ᵀ w_ml|² and the inter-cell terms
/// Σ_{n≠m} Σ_l |h̃_{n,mk}ᵀ w_nl|²; with CoMP streams it is eq. (38c).</para>
/// <para>In the variable f = e*, each term is a Hermitian quadratic
/// fᴴ (TᵀST) f + 2 Re(fᴴ TᵀS h*) + hᵀS h*, which is what <see cref="WorstCaseSinr"/> minimises over.</para>
/// </remarks>
public sealed class UserSinrProblem
{
    /// <summary>Creates a problem from its parts (for models other than paper A's two).</summary>
    /// <param name="channel">h, the nominal (estimated) channel, length N.</param>
    /// <param name="errorMap">T, N×n_e: the true channel is h + T·e.</param>
    /// <param name="errorRadius">ρ ≥ 0: ‖e‖ ≤ ρ.</param>
    /// <param name="signal">S, N×N Hermitian PSD.</param>
    /// <param name="interference">S_i, each N×N Hermitian PSD.</param>
    /// <param name="noiseVariance">σ_C² &gt; 0.</param>
    public UserSinrProblem(Vector<Complex> channel, Matrix<Complex> errorMap, double errorRadius,
        Matrix<Complex> signal, IReadOnlyList<Matrix<Complex>> interference, double noiseVariance)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(errorMap);
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(interference);
        int n = channel.Count;
        if (errorMap.RowCount != n) throw new ArgumentException($"T must have {n} rows, got {errorMap.RowCount}", nameof(errorMap));
        if (!(errorRadius >= 0) || !double.IsFinite(errorRadius)) throw new ArgumentOutOfRangeException(nameof(errorRadius), errorRadius, "ρ must be finite and non-negative");
        if (!(noiseVariance > 0) || !double.IsFinite(noiseVariance)) throw new ArgumentOutOfRangeException(nameof(noiseVariance), noiseVariance, "σ_C² must be positive and finite");
        CheckSquare(signal, n, nameof(signal));
        foreach (var s in interference) CheckSquare(s, n, nameof(interference));
        Channel = channel.Clone();
        ErrorMap = errorMap.Clone();
        ErrorRadius = errorRadius;
        Signal = HermitianMatrix.HermitianPart(signal);
        Interference = interference.Select(HermitianMatrix.HermitianPart).ToArray();
        NoiseVariance = noiseVariance;
    }

    /// <summary>
    /// The problem of user <paramref name="user"/> of cell <paramref name="cell"/> in paper A's
    /// network: the stream of that user is the signal, every other stream interference.
    /// </summary>
    /// <exception cref="ArgumentException">CBF with streams that are not confined to their own BS.</exception>
    public static UserSinrProblem ForUser(MultiCellChannels channels, TransmitStreams streams, CsiErrorModel errors,
        int cell, int user, double noiseVariance)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(errors);
        if (streams.Cells != channels.Cells || streams.UsersPerCell != channels.UsersPerCell || streams.TransmitElements != channels.TransmitElements)
            throw new ArgumentException($"streams ({streams.Cells} cells × {streams.UsersPerCell} users × {streams.TransmitElements} antennas) do not match the channels ({channels.Cells} × {channels.UsersPerCell} × {channels.TransmitElements})");
        if (errors.Mode == CoordinationMode.Cbf && !streams.IsCellConfined())
            throw new ArgumentException("CBF streams must be sent by their own BS only (block-diagonal precoder); use CoMP for joint transmission");
        int u = channels.GlobalUser(cell, user);
        var interference = Enumerable.Range(0, streams.Users).Where(i => i != u).Select(streams.CovarianceView).ToArray();
        return new UserSinrProblem(channels.Stacked(cell, user), errors.ErrorMap(channels.Cells, channels.TransmitElements),
            errors.Radius(channels.Cells), streams.CovarianceView(u), interference, noiseVariance);
    }

    /// <summary>h: the nominal stacked channel.</summary>
    public Vector<Complex> Channel { get; }

    /// <summary>T: the true channel is h + T·e.</summary>
    public Matrix<Complex> ErrorMap { get; }

    /// <summary>ρ: ‖e‖ ≤ ρ.</summary>
    public double ErrorRadius { get; }

    /// <summary>S: the user's own stream covariance.</summary>
    public Matrix<Complex> Signal { get; }

    /// <summary>S_i: every other stream's covariance.</summary>
    public IReadOnlyList<Matrix<Complex>> Interference { get; }

    /// <summary>σ_C².</summary>
    public double NoiseVariance { get; }

    /// <summary>The length n_e of the error e.</summary>
    public int ErrorDimension => ErrorMap.ColumnCount;

    /// <summary>The SINR at the nominal channel (e = 0).</summary>
    public double NominalSinr => Sinr(null);

    /// <summary>The SINR at the channel h + T·e (e = null: the nominal channel). e may lie outside the ball.</summary>
    public double Sinr(Vector<Complex>? error)
    {
        var h = Channel.Clone();
        if (error is not null)
        {
            if (error.Count != ErrorDimension) throw new ArgumentException($"the error has {ErrorDimension} entries, got {error.Count}", nameof(error));
            h += ErrorMap * error;
        }
        double signal = Power(h, Signal);
        double interference = Interference.Sum(s => Power(h, s));
        return signal / (interference + NoiseVariance);
    }

    /// <summary>The received power of the signal term at f = conj(e), as a quadratic in f.</summary>
    internal HermitianQuadratic SignalQuadratic() => Quadratic(Signal);

    /// <summary>Interference plus noise as a quadratic in f = conj(e).</summary>
    internal HermitianQuadratic DenominatorQuadratic()
    {
        var q = new HermitianQuadratic(Matrix<Complex>.Build.Dense(ErrorDimension, ErrorDimension),
            Vector<Complex>.Build.Dense(ErrorDimension), NoiseVariance);
        foreach (var s in Interference) q = q.Plus(Quadratic(s));
        return q;
    }

    /// <summary>hᵀ S h* (real for Hermitian S).</summary>
    internal static double Power(Vector<Complex> h, Matrix<Complex> s) => HermitianMatrix.TransposeFormConjugate(h, s, h).Real;

    // (h* + T f)ᴴ S (h* + T f) with T real: P = TᵀST, g = TᵀS h*, c = hᵀS h*.
    private HermitianQuadratic Quadratic(Matrix<Complex> s)
    {
        var tT = ErrorMap.Transpose();
        var sh = s * Channel.Conjugate();
        return new HermitianQuadratic(HermitianMatrix.HermitianPart(tT * s * ErrorMap), tT * sh, Power(Channel, s));
    }

    private static void CheckSquare(Matrix<Complex> m, int n, string name)
    {
        ArgumentNullException.ThrowIfNull(m, name);
        if (m.RowCount != n || m.ColumnCount != n) throw new ArgumentException($"{name}: expected {n}×{n}, got {m.RowCount}×{m.ColumnCount}", name);
    }
}
