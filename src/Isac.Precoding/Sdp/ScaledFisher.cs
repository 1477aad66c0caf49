using Complex = System.Numerics.Complex;
using Isac.Modeling.Constraints;
using Isac.Modeling.Expressions;
using Isac.Physics.Crb;
using Isac.Physics.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Sdp;

/// <summary>
/// The CRB constraint of paper A ((19a), (38a), (48a), (62a)) for one BS, scaled for the solver:
/// [[F̂(R̃), e₁], [e₁ᵀ, t̂]] ⪰ 0 with F̂ = D F D, R̃ = R/P_t and t̂ = CRB bound / d₀².
/// </summary>
/// <remarks>
/// <para>F(R) = [tr(B_lp R)] (Isac.Physics, docs/derivations.md §2.3). For a diagonal D = diag(d₀, d₁, d₂)
/// with d_l &gt; 0, [(DFD)⁻¹]₀₀ = [F⁻¹]₀₀/d₀², so t̂ ≥ [(DFD)⁻¹]₀₀ ⇔ d₀²t̂ ≥ CRB(θ). We take
/// d_l = 1/√F_ll(R_ref) at a reference covariance (isotropic full power), so F̂ is O(1) and t̂ is
/// the CRB relative to the isotropic one: paper A's |α|² ~ σ_R²/(L P_t) makes the raw entries differ
/// by many orders of magnitude between θ and α.</para>
/// <para>Only the l = 1 (angle) LMI is built: in (P1.A)-(P4) the bounds t₂, t₃ of Re α and Im α appear
/// nowhere else, so their LMIs only ask F ⪰ 0, which the angle LMI already implies.</para>
/// </remarks>
internal sealed class ScaledFisher
{
    private readonly Expression[,] _coefficients;

    /// <summary>Scales <paramref name="map"/> at <paramref name="reference"/> (absolute units) for variables in units of <paramref name="powerUnit"/>.</summary>
    /// <param name="map">The Fisher map of one BS.</param>
    /// <param name="reference">R_ref, where each F_ll is normalised to 1.</param>
    /// <param name="powerUnit">P_t: the SDP variables are R/P_t.</param>
    /// <param name="angleScale">d₀ to use instead of 1/√F₀₀(R_ref) (CoMP shares one across the BSs so t̂ compare).</param>
    /// <param name="coordinates">Maps a coefficient on the antennas to the coordinates of the model's covariance
    /// (B_nᴴ·C·B_n, <see cref="Design.DesignSpace"/>); null: the antennas. The scaling is computed on the antennas
    /// at <paramref name="reference"/>, so it does not depend on the coordinates.</param>
    public ScaledFisher(FisherInformationMap map, Matrix<Complex> reference, double powerUnit, double? angleScale = null,
        Func<Matrix<Complex>, Matrix<Complex>>? coordinates = null)
    {
        Map = map;
        var f = map.Evaluate(reference);
        var d = new double[3];
        for (int l = 0; l < 3; l++)
        {
            if (!(f[l, l] > 0)) throw new InvalidOperationException($"the reference covariance gives no Fisher information about parameter {l}");
            d[l] = 1 / Math.Sqrt(f[l, l]);
        }
        if (angleScale is double a) d[0] = a;
        AngleScale = d[0];
        _coefficients = new Expression[3, 3];
        for (int l = 0; l < 3; l++)
            for (int p = l; p < 3; p++)
            {
                var b = HermitianMatrix.HermitianPart(map.Coefficient(l, p) * (powerUnit * d[l] * d[p]));
                if (coordinates is not null) b = HermitianMatrix.HermitianPart(coordinates(b));
                var e = Expr.Constant(b, $"B{l}{p}");
                _coefficients[l, p] = e;
                _coefficients[p, l] = e;
            }
    }

    /// <summary>The unscaled map.</summary>
    public FisherInformationMap Map { get; }

    /// <summary>d₀: CRB(θ) = d₀²·t̂.</summary>
    public double AngleScale { get; }

    /// <summary>1/√F_θθ(R) for a covariance: the d₀ that normalises that BS.</summary>
    public static double NaturalAngleScale(FisherInformationMap map, Matrix<Complex> reference) => 1 / Math.Sqrt(map.Evaluate(reference)[0, 0]);

    /// <summary>CRB(θ) in rad² for a bound t̂.</summary>
    public double Crb(double scaledBound) => scaledBound * AngleScale * AngleScale;

    /// <summary>t̂ for a CRB(θ) in rad².</summary>
    public double ScaledBound(double crb) => crb / (AngleScale * AngleScale);

    /// <summary>
    /// The LMI [[F̂(R̃), e₁], [e₁ᵀ, t̂]] ⪰ 0, where <paramref name="trace"/> maps a constant Hermitian
    /// coefficient C to the real expression tr(C·R̃) (e.g. Σ_k tr(C·W̃_k) for block level).
    /// </summary>
    public Constraint Lmi(Func<Expression, Expression> trace, Expression bound)
    {
        var entries = new Expression?[4, 4];
        for (int l = 0; l < 3; l++)
            for (int p = l; p < 3; p++)
            {
                var v = trace(_coefficients[l, p]);
                entries[l, p] = v;
                entries[p, l] = v;
            }
        entries[0, 3] = Expr.Constant(1.0);
        entries[3, 0] = Expr.Constant(1.0);
        entries[1, 3] = Expr.Constant(0.0);
        entries[3, 1] = Expr.Constant(0.0);
        entries[2, 3] = Expr.Constant(0.0);
        entries[3, 2] = Expr.Constant(0.0);
        entries[3, 3] = bound;
        return Expr.Psd(Expr.Block(entries));
    }
}
