using Complex = System.Numerics.Complex;
using Isac.Physics.Channels;
using Isac.Physics.Uncertainty;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Sinr;

/// <summary>Per-symbol constructive-interference margins of every user (rows: global user u = m·K + k; columns: symbol s).</summary>
/// <param name="Margin">(Re ŷ − √γ σ_eff)·tanψ − |Im ŷ|: ≥ 0 when the symbol lies in its constructive region with SINR ≥ γ.</param>
/// <param name="AchievedSinr">The largest γ for which the margin is ≥ 0: ((Re ŷ − |Im ŷ|/tanψ)₊ / σ_eff)².</param>
public sealed record ConstructiveInterferenceResult(Matrix<double> Margin, Matrix<double> AchievedSinr)
{
    /// <summary>The smallest margin over all users and symbols.</summary>
    public double MinimumMargin => Margin.Enumerate().Min();

    /// <summary>The smallest achieved SINR over all users and symbols (the SLP analogue of the minimum SINR).</summary>
    public double MinimumAchievedSinr => AchievedSinr.Enumerate().Min();
}

/// <summary>
/// Symbol-level precoding metrics of paper A (eqs. (45)-(46), (49a) for CBF, (59)-(61) for CoMP): the
/// constructive-interference (CI) condition per user and symbol for M-PSK data.
/// </summary>
/// <remarks>
/// <para>User u receives y = h̃ᵀ x_s d_s + (interference) + noise with the noiseless part rotated by
/// the intended symbol's phase, ŷ = h̃ᵀ x_s · d_s*/|d_s| (eq. (45)). With ψ = π/M the CI condition for
/// SINR γ is |Im ŷ| ≤ (Re ŷ − √γ σ_eff)·tanψ (eq. (46)), where σ_eff² = σ_C² in CoMP (all
/// interference is aligned) and σ_eff² = σ_C² + Σ_{n≠m} |h̃_{n,mk}ᵀ x_ns|² in CBF (the other BSs'
/// signals are not known to BS m, eq. (49a)). The margin is the slack of that inequality.</para>
/// <para>Worst case over the error ball ‖e‖ ≤ ρ: the two branches tanψ·Re ŷ ∓ Im ŷ are real-linear in
/// e with coefficient norm ‖Tᵀx‖/cosψ, so in CoMP the exact worst margin is
/// margin(0) − ρ‖x_s‖/cosψ (paper A (60)-(61), with ρ = √J·δ). In CBF the error also moves the
/// inter-cell term; <see cref="RobustMargins"/> then bounds each |h̃_{n,mk}ᵀ x_ns| by
/// |h_{n,mk}ᵀ x_ns| + ρ‖x_ns‖ (as paper A (55)-(56)), which gives a guaranteed (not exact) worst margin.</para>
/// </remarks>
public static class ConstructiveInterference
{
    /// <summary>The CI margin of one symbol.</summary>
    /// <param name="rotated">ŷ = h̃ᵀ x · d*/|d|.</param>
    /// <param name="effectiveNoiseStd">σ_eff.</param>
    /// <param name="sinrThreshold">γ (linear, not dB).</param>
    /// <param name="pskOrder">M ≥ 2 (ψ = π/M; QPSK: 4).</param>
    public static double Margin(Complex rotated, double effectiveNoiseStd, double sinrThreshold, int pskOrder)
    {
        double t = Math.Tan(Psi(pskOrder));
        return (rotated.Real - Math.Sqrt(sinrThreshold) * effectiveNoiseStd) * t - Math.Abs(rotated.Imaginary);
    }

    /// <summary>The largest γ for which one symbol meets the CI condition (0 when it is outside its region).</summary>
    public static double AchievedSinr(Complex rotated, double effectiveNoiseStd, int pskOrder)
    {
        double t = Math.Tan(Psi(pskOrder));
        double amplitude = Math.Max(rotated.Real - Math.Abs(rotated.Imaginary) / t, 0) / effectiveNoiseStd;
        return amplitude * amplitude;
    }

    /// <summary>CBF margins (eq. (49a)) at the given (estimated or true) channels.</summary>
    /// <param name="channels">The channels.</param>
    /// <param name="transmitted">x_ns for every BS n: Ntx×S, column s.</param>
    /// <param name="symbols">d[u, s], the intended PSK symbols (nonzero).</param>
    /// <param name="noiseVariance">σ_C².</param>
    /// <param name="sinrThreshold">γ (linear).</param>
    /// <param name="pskOrder">M.</param>
    public static ConstructiveInterferenceResult Cbf(MultiCellChannels channels, IReadOnlyList<Matrix<Complex>> transmitted,
        Complex[,] symbols, double noiseVariance, double sinrThreshold, int pskOrder) =>
        Evaluate(channels, CbfVectors(channels, transmitted), symbols, noiseVariance, sinrThreshold, pskOrder,
            CoordinationMode.Cbf, radius: 0);

    /// <summary>CoMP margins (eqs. (59)-(61)) at the given channels; <paramref name="transmitted"/> is the stacked (J·Ntx)×S matrix.</summary>
    public static ConstructiveInterferenceResult Comp(MultiCellChannels channels, Matrix<Complex> transmitted,
        Complex[,] symbols, double noiseVariance, double sinrThreshold, int pskOrder) =>
        Evaluate(channels, CompVectors(channels, transmitted), symbols, noiseVariance, sinrThreshold, pskOrder,
            CoordinationMode.Comp, radius: 0);

    /// <summary>
    /// Worst-case margins over every user's error ball (exact in CoMP, a guaranteed lower bound in
    /// CBF); the achieved SINR is likewise the level guaranteed for every error in the ball.
    /// </summary>
    /// <param name="channels">The estimated channels.</param>
    /// <param name="transmitted">CBF: one Ntx×S matrix per BS; CoMP: a single stacked (J·Ntx)×S matrix.</param>
    /// <param name="symbols">d[u, s].</param>
    /// <param name="errors">The CSI error model (its mode selects CBF or CoMP).</param>
    /// <param name="noiseVariance">σ_C².</param>
    /// <param name="sinrThreshold">γ (linear).</param>
    /// <param name="pskOrder">M.</param>
    public static ConstructiveInterferenceResult RobustMargins(MultiCellChannels channels, IReadOnlyList<Matrix<Complex>> transmitted,
        Complex[,] symbols, CsiErrorModel errors, double noiseVariance, double sinrThreshold, int pskOrder)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(transmitted);
        var vectors = errors.Mode == CoordinationMode.Cbf
            ? CbfVectors(channels, transmitted)
            : CompVectors(channels, transmitted.Count == 1 ? transmitted[0] : throw new ArgumentException("CoMP takes one stacked matrix", nameof(transmitted)));
        return Evaluate(channels, vectors, symbols, noiseVariance, sinrThreshold, pskOrder, errors.Mode, errors.Radius(channels.Cells));
    }

    private static ConstructiveInterferenceResult Evaluate(MultiCellChannels channels, Matrix<Complex> stackedTransmit,
        Complex[,] symbols, double noiseVariance, double threshold, int pskOrder, CoordinationMode mode, double radius)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        if (!(noiseVariance > 0)) throw new ArgumentOutOfRangeException(nameof(noiseVariance), noiseVariance, "σ_C² must be positive");
        if (!(threshold >= 0)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "γ must be non-negative");
        int frames = stackedTransmit.ColumnCount, ntx = channels.TransmitElements;
        if (symbols.GetLength(0) != channels.Users || symbols.GetLength(1) != frames)
            throw new ArgumentException($"symbols must be {channels.Users}×{frames} (users × symbols), got {symbols.GetLength(0)}×{symbols.GetLength(1)}", nameof(symbols));
        double cosPsi = Math.Cos(Psi(pskOrder));
        var margin = Matrix<double>.Build.Dense(channels.Users, frames);
        var achieved = Matrix<double>.Build.Dense(channels.Users, frames);
        for (int m = 0; m < channels.Cells; m++)
            for (int k = 0; k < channels.UsersPerCell; k++)
            {
                int u = channels.GlobalUser(m, k);
                var h = channels.Stacked(m, k);
                for (int s = 0; s < frames; s++)
                {
                    Complex d = symbols[u, s];
                    if (d == Complex.Zero || !double.IsFinite(d.Real) || !double.IsFinite(d.Imaginary))
                        throw new ArgumentException($"symbol [{u}, {s}] must be a nonzero PSK symbol", nameof(symbols));
                    var x = stackedTransmit.Column(s);
                    Complex rotated;
                    double noisePower = noiseVariance, ownNorm;
                    if (mode == CoordinationMode.Comp)
                    {
                        rotated = h.DotProduct(x) * Complex.Conjugate(d) / d.Magnitude;
                        ownNorm = x.L2Norm();
                    }
                    else
                    {
                        var own = x.SubVector(m * ntx, ntx);
                        rotated = h.SubVector(m * ntx, ntx).DotProduct(own) * Complex.Conjugate(d) / d.Magnitude;
                        ownNorm = own.L2Norm();
                        for (int n = 0; n < channels.Cells; n++)
                        {
                            if (n == m) continue;
                            var xn = x.SubVector(n * ntx, ntx);
                            double amplitude = h.SubVector(n * ntx, ntx).DotProduct(xn).Magnitude + radius * xn.L2Norm();
                            noisePower += amplitude * amplitude;
                        }
                    }
                    // Shifting Re ŷ by −ρ‖x‖/(cosψ·tanψ) lowers the margin by exactly ρ‖x‖/cosψ (both branches).
                    double shift = radius * ownNorm / (cosPsi * Math.Tan(Psi(pskOrder)));
                    var worst = new Complex(rotated.Real - shift, rotated.Imaginary);
                    double sigma = Math.Sqrt(noisePower);
                    margin[u, s] = Margin(worst, sigma, threshold, pskOrder);
                    achieved[u, s] = AchievedSinr(worst, sigma, pskOrder);
                }
            }
        return new ConstructiveInterferenceResult(margin, achieved);
    }

    /// <summary>Stack the per-BS transmit matrices into one (J·Ntx)×S matrix.</summary>
    private static Matrix<Complex> CbfVectors(MultiCellChannels channels, IReadOnlyList<Matrix<Complex>> transmitted)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(transmitted);
        if (transmitted.Count != channels.Cells) throw new ArgumentException($"expected {channels.Cells} per-BS transmit matrices, got {transmitted.Count}", nameof(transmitted));
        int frames = transmitted[0].ColumnCount, ntx = channels.TransmitElements;
        var x = Matrix<Complex>.Build.Dense(channels.StackedDimension, frames);
        for (int n = 0; n < channels.Cells; n++)
        {
            if (transmitted[n].RowCount != ntx || transmitted[n].ColumnCount != frames)
                throw new ArgumentException($"X_{n} must be {ntx}×{frames}, got {transmitted[n].RowCount}×{transmitted[n].ColumnCount}", nameof(transmitted));
            x.SetSubMatrix(n * ntx, 0, transmitted[n]);
        }
        return x;
    }

    private static Matrix<Complex> CompVectors(MultiCellChannels channels, Matrix<Complex> transmitted)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(transmitted);
        if (transmitted.RowCount != channels.StackedDimension)
            throw new ArgumentException($"the stacked transmit matrix must have {channels.StackedDimension} rows, got {transmitted.RowCount}", nameof(transmitted));
        return transmitted;
    }

    private static double Psi(int pskOrder) => pskOrder >= 2
        ? Math.PI / pskOrder
        : throw new ArgumentOutOfRangeException(nameof(pskOrder), pskOrder, "PSK order must be at least 2");
}
