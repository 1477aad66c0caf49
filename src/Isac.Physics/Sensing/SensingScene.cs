using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Physics.Arrays;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Sensing;

/// <summary>
/// The sensing geometry of a J-cell network (paper A, Section II-B): one point target per cell,
/// the angles θ_nm from BS n toward target m, the complex amplitudes α_nm of the echo that BS n's
/// signal produces at BS m, the receive noise and the frame length.
/// </summary>
/// <remarks>
/// BS m receives (eq. (5)) Y_m = Σ_n G_nm X_n + Z_m with the target response
/// G_nm = α_nm · a_mm · v_nmᵀ, where a_mm = a_rx(θ_mm) is BS m's receive response toward its own
/// target (every echo of target m arrives from θ_mm) and v_nm = a_tx(θ_nm) is BS n's transmit
/// response toward target m. X_n is BS n's Ntx×L symbol matrix and Z_m has i.i.d. CN(0, σ_R²)
/// entries. The arrays' normalisation is whatever the caller chose (paper A: unnormalised).
/// </remarks>
public sealed class SensingScene
{
    private readonly double[,] _angles;
    private readonly Complex[,] _alphas;

    /// <summary>Creates a scene.</summary>
    /// <param name="transmitArray">Each BS's transmit array (Ntx elements).</param>
    /// <param name="receiveArray">Each BS's receive array (Nrx elements).</param>
    /// <param name="anglesRadians">θ[n, m], J×J, in [−π/2, π/2]: from BS n toward target m; the
    /// estimated angles θ_mm strictly inside (−π/2, π/2).</param>
    /// <param name="reflectionCoefficients">α[n, m], J×J, complex.</param>
    /// <param name="radarNoiseVariance">σ_R² &gt; 0.</param>
    /// <param name="frameLength">L ≥ 1 snapshots.</param>
    public SensingScene(UniformLinearArray transmitArray, UniformLinearArray receiveArray,
        double[,] anglesRadians, Complex[,] reflectionCoefficients, double radarNoiseVariance, int frameLength)
    {
        ArgumentNullException.ThrowIfNull(transmitArray);
        ArgumentNullException.ThrowIfNull(receiveArray);
        ArgumentNullException.ThrowIfNull(anglesRadians);
        ArgumentNullException.ThrowIfNull(reflectionCoefficients);
        int j = anglesRadians.GetLength(0);
        if (j < 1 || anglesRadians.GetLength(1) != j)
            throw new ArgumentException($"angles must be J×J with J ≥ 1, got {anglesRadians.GetLength(0)}×{anglesRadians.GetLength(1)}", nameof(anglesRadians));
        if (reflectionCoefficients.GetLength(0) != j || reflectionCoefficients.GetLength(1) != j)
            throw new ArgumentException($"reflection coefficients must be {j}×{j} like the angles, got {reflectionCoefficients.GetLength(0)}×{reflectionCoefficients.GetLength(1)}", nameof(reflectionCoefficients));
        foreach (double t in anglesRadians)
            if (!double.IsFinite(t) || Math.Abs(t) > Math.PI / 2 + 1e-12)
                throw new ArgumentOutOfRangeException(nameof(anglesRadians), t, "angles must lie in [−π/2, π/2]");
        for (int m = 0; m < j; m++)
            if (Math.Abs(anglesRadians[m, m]) >= Math.PI / 2 - MinimumEndfireDistance)
                throw new ArgumentOutOfRangeException(nameof(anglesRadians), anglesRadians[m, m],
                    $"target {m}'s own angle θ_mm must lie strictly inside (−90°, 90°): a ULA has no angular sensitivity at endfire");
        foreach (Complex a in reflectionCoefficients)
            if (!double.IsFinite(a.Real) || !double.IsFinite(a.Imaginary))
                throw new ArgumentException("reflection coefficients must be finite", nameof(reflectionCoefficients));
        if (!(radarNoiseVariance > 0) || !double.IsFinite(radarNoiseVariance))
            throw new ArgumentOutOfRangeException(nameof(radarNoiseVariance), radarNoiseVariance, "σ_R² must be positive and finite");
        if (frameLength < 1) throw new ArgumentOutOfRangeException(nameof(frameLength), frameLength, "L must be at least 1");

        TransmitArray = transmitArray;
        ReceiveArray = receiveArray;
        _angles = (double[,])anglesRadians.Clone();
        _alphas = (Complex[,])reflectionCoefficients.Clone();
        RadarNoiseVariance = radarNoiseVariance;
        FrameLength = frameLength;
    }

    /// <summary>How close (radians) an estimated angle θ_mm may come to ±90°: 1e-9.</summary>
    public const double MinimumEndfireDistance = 1e-9;

    /// <summary>Number of cells (BSs, targets) J.</summary>
    public int Cells => _angles.GetLength(0);

    /// <summary>Transmit array of every BS (Ntx elements).</summary>
    public UniformLinearArray TransmitArray { get; }

    /// <summary>Receive array of every BS (Nrx elements).</summary>
    public UniformLinearArray ReceiveArray { get; }

    /// <summary>σ_R², the variance of each receive noise entry.</summary>
    public double RadarNoiseVariance { get; }

    /// <summary>L, the number of snapshots in a frame.</summary>
    public int FrameLength { get; }

    /// <summary>θ_nm in radians: from BS n toward target m (θ_mm is also the echo's angle at BS m).</summary>
    public double Angle(int bs, int target) => _angles[bs, target];

    /// <summary>α_nm: the complex amplitude of the echo of BS n's signal off target m, received at BS m.</summary>
    public Complex Reflection(int bs, int target) => _alphas[bs, target];

    /// <summary>a_mm: BS m's receive response toward its own target.</summary>
    public Vector<Complex> ReceiveResponse(int bs) => ReceiveArray.Response(_angles[bs, bs]);

    /// <summary>∂a_mm/∂θ_mm.</summary>
    public Vector<Complex> ReceiveResponseDerivative(int bs) => ReceiveArray.ResponseDerivative(_angles[bs, bs]);

    /// <summary>v_nm: BS n's transmit response toward target m.</summary>
    public Vector<Complex> TransmitResponse(int bs, int target) => TransmitArray.Response(_angles[bs, target]);

    /// <summary>∂v_nm/∂θ_nm.</summary>
    public Vector<Complex> TransmitResponseDerivative(int bs, int target) => TransmitArray.ResponseDerivative(_angles[bs, target]);

    /// <summary>The target response G_nm = α_nm · a_mm · v_nmᵀ (Nrx×Ntx) seen by BS m for BS n's signal.</summary>
    public Matrix<Complex> TargetResponse(int bs, int target)
    {
        var a = ReceiveResponse(target);
        var v = TransmitResponse(bs, target);
        return Matrix<Complex>.Build.Dense(a.Count, v.Count, (i, k) => _alphas[bs, target] * a[i] * v[k]);
    }

    /// <summary>The noiseless echo at BS m, Σ_n G_nm X_n (Nrx×L).</summary>
    /// <param name="bs">The receiving BS m.</param>
    /// <param name="symbols">X_n for every BS n, each Ntx×L.</param>
    public Matrix<Complex> EchoMean(int bs, IReadOnlyList<Matrix<Complex>> symbols)
    {
        CheckSymbols(symbols);
        var y = Matrix<Complex>.Build.Dense(ReceiveArray.Elements, symbols[0].ColumnCount);
        for (int n = 0; n < Cells; n++) y += TargetResponse(n, bs) * symbols[n];
        return y;
    }

    /// <summary>A noisy echo Y_m = Σ_n G_nm X_n + Z_m, the noise drawn from <paramref name="random"/>.</summary>
    public Matrix<Complex> Echo(int bs, IReadOnlyList<Matrix<Complex>> symbols, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var y = EchoMean(bs, symbols);
        for (int j = 0; j < y.ColumnCount; j++)
            for (int i = 0; i < y.RowCount; i++)
                y[i, j] += random.NextComplexGaussian(RadarNoiseVariance);
        return y;
    }

    /// <summary>
    /// The per-snapshot interference-plus-noise covariance of BS m in CBF,
    /// C_m = Σ_{n≠m} G_nm R_Xn G_nmᴴ + σ_R² I (paper A eq. (11) without its factor L, erratum 1).
    /// </summary>
    /// <param name="bs">The sensing BS m.</param>
    /// <param name="perBsCovariances">R_Xn (Ntx×Ntx) for every BS n; entry m is not used.</param>
    /// <remarks>
    /// G_nm R G_nmᴴ = |α_nm|² (v_nmᵀ R v_nm*) a_mm a_mmᴴ: the other BSs' echoes arrive from the
    /// same angle θ_mm as the wanted echo, so C_m = σ_R² I + β a_mm a_mmᴴ with
    /// β = Σ_{n≠m} |α_nm|² v_nmᵀ R_Xn v_nm*.
    /// </remarks>
    public Matrix<Complex> InterferenceCovariance(int bs, IReadOnlyList<Matrix<Complex>> perBsCovariances)
    {
        ArgumentNullException.ThrowIfNull(perBsCovariances);
        if (perBsCovariances.Count != Cells)
            throw new ArgumentException($"expected {Cells} per-BS covariances, got {perBsCovariances.Count}", nameof(perBsCovariances));
        var c = Matrix<Complex>.Build.DenseIdentity(ReceiveArray.Elements) * RadarNoiseVariance;
        for (int n = 0; n < Cells; n++)
        {
            if (n == bs) continue;
            CheckCovariance(perBsCovariances[n], TransmitArray.Elements, $"R_X{n}");
            var g = TargetResponse(n, bs);
            c += g * perBsCovariances[n] * g.ConjugateTranspose();
        }
        return Numerics.HermitianMatrix.HermitianPart(c);
    }

    internal static void CheckCovariance(Matrix<Complex> r, int size, string name)
    {
        ArgumentNullException.ThrowIfNull(r, name);
        if (r.RowCount != size || r.ColumnCount != size)
            throw new ArgumentException($"{name} must be {size}×{size}, got {r.RowCount}×{r.ColumnCount}");
    }

    private void CheckSymbols(IReadOnlyList<Matrix<Complex>> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        if (symbols.Count != Cells) throw new ArgumentException($"expected symbol matrices for {Cells} BSs, got {symbols.Count}", nameof(symbols));
        int l = symbols[0].ColumnCount;
        for (int n = 0; n < Cells; n++)
            if (symbols[n].RowCount != TransmitArray.Elements || symbols[n].ColumnCount != l)
                throw new ArgumentException($"X_{n} must be {TransmitArray.Elements}×{l}, got {symbols[n].RowCount}×{symbols[n].ColumnCount}", nameof(symbols));
    }
}
