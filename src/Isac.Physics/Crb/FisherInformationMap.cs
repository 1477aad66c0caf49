using Complex = System.Numerics.Complex;
using Isac.Physics.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Crb;

/// <summary>
/// The Fisher information matrix of one BS as an affine function of a transmit covariance:
/// F[l,p](R) = tr(B_lp·R) + F0[l,p], with Hermitian coefficient matrices B_lp and a real
/// constant F0, for l, p ∈ {θ, Re α, Im α}.
/// </summary>
/// <remarks>
/// <para>This is the form an SDP needs. For Hermitian R, tr(B·R) is real and linear in R, so the
/// 3×3 matrix F(R) is a real symmetric affine matrix function of R, and the CRB constraint of paper
/// A (19a)/(38a), [F(R) e_l; e_lᵀ t_l] ⪰ 0 (equivalently t_l ≥ [F⁻¹]_ll by the Schur complement), is
/// a linear matrix inequality in (R, t_l): assemble F as Σ_{l≤p} E_lp·tr(B_lp·R) + F0 with
/// E_lp = e_l e_pᵀ + e_p e_lᵀ (l ≠ p) or e_l e_lᵀ (l = p). In the real embedding used by conic
/// solvers, tr(B·R) = ⟨[Re B, −Im B; Im B, Re B], [Re R, −Im R; Im R, Re R]⟩ / 2.</para>
/// <para>What R is depends on the mode: in CBF it is BS m's own covariance R_Xm (Ntx×Ntx) and the
/// map holds for a fixed interference covariance C_m (paper A's alternating optimisation
/// recomputes C_m from the other BSs' latest covariances, then solves the LMI); in CoMP it is the
/// stacked covariance R_X of all BSs (J·Ntx×J·Ntx), including the cross-BS blocks. R = Σ_k W_k for
/// block-level precoding and R = (1/L)·Σ_s R_Xs for symbol-level precoding.</para>
/// <para>Derivation (docs/derivations.md): the mean of the echo is μ = Σ_i D_i(ζ)·X with
/// ∂μ/∂ζ_l = D_l·X, D_l = Σ_i p_li q_liᵀ (rank-one terms), and F[l,p] = 2 Re tr((D_l X)ᴴ C⁻¹ (D_p X))
/// summed over the L snapshots, = 2L Re tr(M_lp R) with M_lp = D_lᴴ C⁻¹ D_p, so
/// B_lp = L·(M_lp + M_lpᴴ).</para>
/// </remarks>
public sealed class FisherInformationMap
{
    private readonly Matrix<Complex>[,] _coefficients; // [l, p], symmetric in (l, p)
    private readonly Matrix<double> _constant;

    internal FisherInformationMap(Matrix<Complex>[,] coefficients, Matrix<double> constant)
    {
        _coefficients = coefficients;
        _constant = constant;
        Dimension = coefficients[0, 0].RowCount;
    }

    /// <summary>The number of parameters (3).</summary>
    public const int Parameters = 3;

    /// <summary>The size of the covariance R the map acts on (Ntx in CBF, J·Ntx in CoMP).</summary>
    public int Dimension { get; }

    /// <summary>B_lp, Hermitian, Dimension×Dimension (a copy). B_pl = B_lp.</summary>
    public Matrix<Complex> Coefficient(SensingParameter l, SensingParameter p) => _coefficients[(int)l, (int)p].Clone();

    /// <summary>B_lp by index (0 = θ, 1 = Re α, 2 = Im α).</summary>
    public Matrix<Complex> Coefficient(int l, int p) => _coefficients[l, p].Clone();

    /// <summary>F0, the part of the Fisher information that does not depend on R (a copy; zero for paper A's FIM).</summary>
    public Matrix<double> Constant => _constant.Clone();

    /// <summary>F(R) = [tr(B_lp R) + F0[l,p]], a real symmetric 3×3 matrix.</summary>
    public Matrix<double> Evaluate(Matrix<Complex> covariance)
    {
        CheckCovariance(covariance);
        var f = Matrix<double>.Build.Dense(Parameters, Parameters);
        for (int l = 0; l < Parameters; l++)
            for (int p = l; p < Parameters; p++)
            {
                double v = HermitianMatrix.TraceOfProduct(_coefficients[l, p], covariance).Real + _constant[l, p];
                f[l, p] = v;
                f[p, l] = v;
            }
        return f;
    }

    /// <summary>
    /// The gradient G of the bound [F⁻¹]_ll with respect to R: d[F⁻¹]_ll = tr(G·dR), with
    /// G = −Σ_pq u_p u_q B_pq and u = F⁻¹ e_l (Hermitian). Useful for first-order methods and to
    /// check an SDP's optimality conditions.
    /// </summary>
    public Matrix<Complex> BoundGradient(Matrix<Complex> covariance, SensingParameter parameter)
    {
        var f = Evaluate(covariance);
        var u = f.Inverse().Column((int)parameter);
        var g = Matrix<Complex>.Build.Dense(Dimension, Dimension);
        for (int p = 0; p < Parameters; p++)
            for (int q = 0; q < Parameters; q++)
                g -= _coefficients[p, q] * (u[p] * u[q]);
        return g;
    }

    /// <summary>An upper bound of |tr(B_ll R)| + |F0[l,l]| from ‖B_ll‖_F·tr(R): the scale against which
    /// F[l,l] is judged to be zero.</summary>
    internal double InformationScale(int l, Matrix<Complex> covariance)
    {
        double trace = 0;
        for (int i = 0; i < covariance.RowCount; i++) trace += Math.Abs(covariance[i, i].Real);
        // ‖B_ll‖_F once per map: an O(N²) pass that was half of a CRB evaluation at N = 256.
        _diagonalNorms ??= Enumerable.Range(0, Parameters).Select(p => _coefficients[p, p].FrobeniusNorm()).ToArray();
        return _diagonalNorms[l] * trace + Math.Abs(_constant[l, l]);
    }

    private double[]? _diagonalNorms;

    private void CheckCovariance(Matrix<Complex> covariance)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        if (covariance.RowCount != Dimension || covariance.ColumnCount != Dimension)
            throw new ArgumentException($"this Fisher map acts on {Dimension}×{Dimension} covariances, got {covariance.RowCount}×{covariance.ColumnCount}", nameof(covariance));
    }
}
