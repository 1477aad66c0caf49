using Complex = System.Numerics.Complex;
using Isac.Physics.Numerics;
using Isac.Physics.Sensing;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Crb;

/// <summary>
/// Builds the Fisher information of BS m about ζ_m = (θ_mm, Re α_mm, Im α_mm) in paper A's two
/// coordination modes, as an affine map of the transmit covariance (<see cref="FisherInformationMap"/>).
/// </summary>
/// <remarks>
/// <para>Both modes use the Slepian-Bangs mean term, F[l,p] = 2 Re Σ_s ∂μ_sᴴ/∂ζ_l · C⁻¹ · ∂μ_s/∂ζ_p
/// over the L snapshots (paper A eqs. (6)-(7)), with a covariance C that does not depend on ζ.</para>
/// <para>CBF (monostatic, Proposition 1): μ = G_mm X_m = α a vᵀ X_m with a = a_mm, v = v_mm;
/// ∂μ/∂θ = α(ȧ vᵀ + a v̇ᵀ) X_m, ∂μ/∂Re α = a vᵀ X_m, ∂μ/∂Im α = j a vᵀ X_m; C = C_m (the other BSs'
/// echoes as interference). The map acts on R_Xm. Closed forms:
/// with c = α*(ȧᴴC⁻¹a·vᵀRv* + aᴴC⁻¹a·vᵀRv̇*),
/// F_θθ = 2L|α|² Re[ȧᴴC⁻¹ȧ·vᵀRv* + ȧᴴC⁻¹a·v̇ᵀRv* + aᴴC⁻¹ȧ·vᵀRv̇* + aᴴC⁻¹a·v̇ᵀRv̇*],
/// F_θ,Reα = 2L Re c, F_θ,Imα = −2L Im c, F_Reα,Reα = F_Imα,Imα = 2L aᴴC⁻¹a·vᵀRv*, F_Reα,Imα = 0
/// (paper A eqs. (8)-(10) with conj(α) in (9), erratum 2; vᵀRv̇* = v̇ᴴR*v).</para>
/// <para>CoMP (bistatic, Proposition 2): μ = a (bᵀ X) with the stacked b = Σ_n α_nm v'_nm and X
/// all BSs' symbols; ∂μ/∂θ = (ȧ bᵀ + α_mm a v̇'_mmᵀ) X, ∂μ/∂Re α = a v'_mmᵀ X, ∂μ/∂Im α = j a v'_mmᵀ X;
/// C = σ_R² I; α_nm (n ≠ m) known. The map acts on the stacked R_X.</para>
/// </remarks>
public static class FisherInformation
{
    /// <summary>
    /// The CBF Fisher map of BS <paramref name="bs"/> for a given (fixed) interference-plus-noise
    /// covariance C_m; the map acts on BS m's own covariance R_Xm (Ntx×Ntx).
    /// </summary>
    /// <param name="scene">The sensing geometry.</param>
    /// <param name="bs">The sensing BS m.</param>
    /// <param name="interferenceCovariance">C_m, Nrx×Nrx Hermitian positive definite, e.g. from
    /// <see cref="SensingScene.InterferenceCovariance"/> at the other BSs' current covariances.</param>
    public static FisherInformationMap Cbf(SensingScene scene, int bs, Matrix<Complex> interferenceCovariance)
    {
        ArgumentNullException.ThrowIfNull(scene);
        CheckBs(scene, bs);
        var inverse = InverseCovariance(interferenceCovariance, scene.ReceiveArray.Elements);
        return BuildCbf(scene, bs, inverse, Matrix<double>.Build.Dense(3, 3));
    }

    /// <summary>
    /// The CBF Fisher map of BS <paramref name="bs"/> with C_m = Σ_{n≠m} G_nm R_Xn G_nmᴴ + σ_R² I
    /// computed from the other BSs' covariances (entry m of <paramref name="perBsCovariances"/> is not used).
    /// </summary>
    /// <param name="scene">The sensing geometry.</param>
    /// <param name="bs">The sensing BS m.</param>
    /// <param name="perBsCovariances">R_Xn (Ntx×Ntx) for every BS.</param>
    /// <param name="includeCovarianceTerm">
    /// False (paper A): C_m is treated as not depending on ζ. True (beyond the paper): add the
    /// Slepian-Bangs covariance term L·tr(C⁻¹ ∂C/∂θ C⁻¹ ∂C/∂θ) to F_θθ, because the other BSs'
    /// echoes also arrive from θ_mm and their covariance carries angle information. It goes into
    /// <see cref="FisherInformationMap.Constant"/> (it does not depend on R_Xm).
    /// </param>
    public static FisherInformationMap Cbf(SensingScene scene, int bs, IReadOnlyList<Matrix<Complex>> perBsCovariances, bool includeCovarianceTerm = false)
    {
        ArgumentNullException.ThrowIfNull(scene);
        CheckBs(scene, bs);
        var c = scene.InterferenceCovariance(bs, perBsCovariances);
        var inverse = InverseCovariance(c, scene.ReceiveArray.Elements);
        var constant = Matrix<double>.Build.Dense(3, 3);
        if (includeCovarianceTerm)
        {
            constant[0, 0] = CovarianceTerm(scene, bs, perBsCovariances, inverse);
        }
        return BuildCbf(scene, bs, inverse, constant);
    }

    /// <summary>
    /// The CoMP Fisher map of BS <paramref name="bs"/>: bistatic, C = σ_R² I, the other BSs'
    /// amplitudes known; the map acts on the stacked covariance R_X (J·Ntx×J·Ntx).
    /// </summary>
    public static FisherInformationMap Comp(SensingScene scene, int bs)
    {
        ArgumentNullException.ThrowIfNull(scene);
        CheckBs(scene, bs);
        int ntx = scene.TransmitArray.Elements, j = scene.Cells;
        var a = scene.ReceiveResponse(bs);
        var aDot = scene.ReceiveResponseDerivative(bs);
        Complex alpha = scene.Reflection(bs, bs);

        var b = Vector<Complex>.Build.Dense(j * ntx);
        for (int n = 0; n < j; n++)
            b.SetSubVector(n * ntx, ntx, scene.TransmitResponse(n, bs) * scene.Reflection(n, bs));
        var vOwn = Stack(scene.TransmitResponse(bs, bs), bs, j);
        var vOwnDot = Stack(scene.TransmitResponseDerivative(bs, bs), bs, j);

        var terms = new[]
        {
            new[] { new RankOneTerm(aDot, b), new RankOneTerm(a * alpha, vOwnDot) },
            new[] { new RankOneTerm(a, vOwn) },
            new[] { new RankOneTerm(a * Complex.ImaginaryOne, vOwn) },
        };
        var inverse = Matrix<Complex>.Build.DenseIdentity(a.Count) / scene.RadarNoiseVariance;
        return Build(terms, inverse, scene.FrameLength, Matrix<double>.Build.Dense(3, 3));
    }

    /// <summary>
    /// The Fisher map of BS <paramref name="bs"/> in either mode from one stacked covariance R_X
    /// (J·Ntx square): CBF uses its diagonal blocks (BS m's block as the variable, the others for C_m),
    /// CoMP all of it. Evaluate the map at <see cref="Variable"/> of the same covariance.
    /// </summary>
    public static FisherInformationMap ForMode(SensingScene scene, CoordinationMode mode, int bs, Matrix<Complex> stackedCovariance)
    {
        ArgumentNullException.ThrowIfNull(scene);
        return mode switch
        {
            CoordinationMode.Cbf => Cbf(scene, bs, TransmitCovariance.Blocks(stackedCovariance, scene.Cells, scene.TransmitArray.Elements)),
            CoordinationMode.Comp => Comp(scene, bs),
            _ => throw new ArgumentOutOfRangeException(nameof(mode)),
        };
    }

    /// <summary>The covariance the mode's Fisher map of BS <paramref name="bs"/> acts on: R_Xm (CBF) or the stacked R_X (CoMP).</summary>
    public static Matrix<Complex> Variable(SensingScene scene, CoordinationMode mode, int bs, Matrix<Complex> stackedCovariance)
    {
        ArgumentNullException.ThrowIfNull(scene);
        return mode == CoordinationMode.Cbf
            ? TransmitCovariance.Block(stackedCovariance, bs, scene.TransmitArray.Elements)
            : stackedCovariance;
    }

    private static FisherInformationMap BuildCbf(SensingScene scene, int bs, Matrix<Complex> inverse, Matrix<double> constant)
    {
        var a = scene.ReceiveResponse(bs);
        var aDot = scene.ReceiveResponseDerivative(bs);
        var v = scene.TransmitResponse(bs, bs);
        var vDot = scene.TransmitResponseDerivative(bs, bs);
        Complex alpha = scene.Reflection(bs, bs);
        var terms = new[]
        {
            new[] { new RankOneTerm(aDot * alpha, v), new RankOneTerm(a * alpha, vDot) },
            new[] { new RankOneTerm(a, v) },
            new[] { new RankOneTerm(a * Complex.ImaginaryOne, v) },
        };
        return Build(terms, inverse, scene.FrameLength, constant);
    }

    /// <summary>F[l,p] = 2L Re tr(M_lp R), M_lp = D_lᴴ C⁻¹ D_p = Σ_ij (p_liᴴ C⁻¹ p_pj) q_li* q_pjᵀ; B_lp = L(M_lp + M_lpᴴ).</summary>
    private static FisherInformationMap Build(RankOneTerm[][] terms, Matrix<Complex> inverse, int frameLength, Matrix<double> constant)
    {
        int dim = terms[0][0].Right.Count;
        var coefficients = new Matrix<Complex>[3, 3];
        for (int l = 0; l < 3; l++)
            for (int p = l; p < 3; p++)
            {
                var m = Matrix<Complex>.Build.Dense(dim, dim);
                foreach (var tl in terms[l])
                {
                    var cInvTimesLeft = inverse * tl.Left; // C⁻¹ p_li, reused for every p_pj
                    foreach (var tp in terms[p])
                    {
                        Complex s = tp.Left.ConjugateDotProduct(cInvTimesLeft); // conj: p_liᴴ C⁻¹ p_pj = (C⁻¹p_li)ᴴ p_pj
                        s = Complex.Conjugate(s);
                        m += HermitianMatrix.Outer(tl.Right.Conjugate(), tp.Right) * s;
                    }
                }
                var b = (m + m.ConjugateTranspose()) * frameLength;
                coefficients[l, p] = b;
                coefficients[p, l] = b;
            }
        return new FisherInformationMap(coefficients, constant);
    }

    /// <summary>L·tr(C⁻¹ Ċ C⁻¹ Ċ) with Ċ = β(ȧaᴴ + aȧᴴ), β = Σ_{n≠m} |α_nm|² v_nmᵀ R_Xn v_nm*.</summary>
    private static double CovarianceTerm(SensingScene scene, int bs, IReadOnlyList<Matrix<Complex>> perBs, Matrix<Complex> inverse)
    {
        double beta = 0;
        for (int n = 0; n < scene.Cells; n++)
        {
            if (n == bs) continue;
            var v = scene.TransmitResponse(n, bs);
            beta += SquaredMagnitude(scene.Reflection(n, bs)) * HermitianMatrix.TransposeFormConjugate(v, perBs[n], v).Real;
        }
        if (beta == 0) return 0;
        var a = scene.ReceiveResponse(bs);
        var aDot = scene.ReceiveResponseDerivative(bs);
        var cDot = (aDot.OuterProduct(a.Conjugate()) + a.OuterProduct(aDot.Conjugate())) * beta;
        var k = inverse * cDot;
        return scene.FrameLength * HermitianMatrix.TraceOfProduct(k, k).Real;
    }

    private static Matrix<Complex> InverseCovariance(Matrix<Complex> c, int size)
    {
        ArgumentNullException.ThrowIfNull(c);
        var problem = HermitianMatrix.CheckPositiveSemidefinite(c, size);
        if (problem is not null) throw new ArgumentException($"interference covariance: {problem}", nameof(c));
        var h = HermitianMatrix.HermitianPart(c);
        try
        {
            var inv = h.Cholesky().Solve(Matrix<Complex>.Build.DenseIdentity(size));
            return HermitianMatrix.HermitianPart(inv);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("interference covariance is not positive definite", nameof(c), e);
        }
    }

    private static double SquaredMagnitude(Complex z) => z.Real * z.Real + z.Imaginary * z.Imaginary;

    private static Vector<Complex> Stack(Vector<Complex> block, int index, int blocks)
    {
        var s = Vector<Complex>.Build.Dense(block.Count * blocks);
        s.SetSubVector(index * block.Count, block.Count, block);
        return s;
    }

    private static void CheckBs(SensingScene scene, int bs)
    {
        if (bs < 0 || bs >= scene.Cells) throw new ArgumentOutOfRangeException(nameof(bs), bs, $"BS index must be in [0, {scene.Cells})");
    }

    /// <summary>One rank-one piece p·qᵀ of a derivative matrix D_l (Nrx×dim): p on the receive side, q on the transmit side.</summary>
    private readonly record struct RankOneTerm(Vector<Complex> Left, Vector<Complex> Right);
}
