using Complex = System.Numerics.Complex;
using Isac.Modeling;
using Isac.Modeling.Constraints;
using Isac.Modeling.Expressions;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Sdp;

/// <summary>
/// Received powers h̃ᵀ W h̃* of a user whose channel is uncertain, h̃ = h + e with ‖e‖ ≤ ρ: the terms
/// of paper A's robust SINR constraints, in both robustness models.
/// </summary>
/// <remarks>
/// <para>Proposition 3 as printed (eqs. (22)-(23)): the signal is taken at its nominal value hᵀWh*,
/// every interference term is bounded by hᵀWh* + ρ² tr W + ρ‖hᵀW‖ + ρ‖Wh*‖. For Hermitian W,
/// ‖hᵀW‖ = ‖Wᵀh‖ = ‖(Wh*)*‖ = ‖Wh*‖, so the bound is hᵀWh* + ρ² tr W + 2ρ‖Wh*‖ (one second-order cone).</para>
/// <para>Exact (S-procedure): with f = e*, (h+e)ᵀΦ(h+e)* = (g+f)ᴴΦ(g+f), g = h*. By the S-lemma (the ball
/// has an interior point when ρ &gt; 0), (g+f)ᴴΦ(g+f) ≥ c for all ‖f‖ ≤ ρ iff some λ ≥ 0 gives
/// [[Φ + λI, Φg], [gᴴΦ, gᴴΦg − c − λρ²]] ⪰ 0, an LMI jointly linear in (Φ, c, λ).
/// At ρ = 0 the constraint is simply gᴴΦg ≥ c (the LMI would push λ to infinity).</para>
/// </remarks>
internal static class RobustQuadratic
{
    /// <summary>hᵀWh* (= tr(Q W) with Q = h*hᵀ, paper A's notation), real.</summary>
    public static Expression Nominal(Vector<Complex> h, Expression w) => Expr.QuadForm(Expr.Constant(h.Conjugate()), w);

    /// <summary>Paper A's (23): hᵀWh* + ρ² tr W + 2ρ‖W h*‖.</summary>
    public static Expression PaperUpperBound(Vector<Complex> h, Expression w, double radius)
    {
        var nominal = Nominal(h, w);
        if (radius == 0) return nominal;
        return nominal + radius * radius * w.Trace() + 2 * radius * Expr.Norm2(w * Expr.Constant(h.Conjugate()));
    }

    /// <summary>
    /// Adds "(h+e)ᵀΦ(h+e)* ≥ c for every ‖e‖ ≤ ρ" to the model (S-lemma LMI with a new multiplier λ ≥ 0,
    /// or the nominal inequality when ρ = 0).
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="name">Base name for the multiplier and the constraint.</param>
    /// <param name="h">The nominal channel (length n = Φ's size).</param>
    /// <param name="phi">Φ, an n×n Hermitian affine expression.</param>
    /// <param name="bound">c, a real affine scalar.</param>
    /// <param name="radius">ρ ≥ 0.</param>
    public static void AddWorstCaseLowerBound(Model model, string name, Vector<Complex> h, Expression phi, Expression bound, double radius)
    {
        var g = Expr.Constant(h.Conjugate());
        if (radius == 0)
        {
            model.Add(Expr.QuadForm(g, phi) >= bound, name);
            return;
        }
        int n = h.Count;
        var lambda = ModelVariables.NonNegative(model, $"lambda_{name}");
        var phiG = phi * g;
        var entries = new Expression?[2, 2]
        {
            { phi + lambda * Expr.Identity(n), phiG },
            { phiG.H, Expr.QuadForm(g, phi) - bound - radius * radius * lambda },
        };
        model.Add(Expr.Psd(Expr.Block(entries)), name);
    }

    /// <summary>Adds "(h+e)ᵀΨ(h+e)* ≤ c for every ‖e‖ ≤ ρ" (the S-lemma applied to −Ψ, −c).</summary>
    public static void AddWorstCaseUpperBound(Model model, string name, Vector<Complex> h, Expression psi, Expression bound, double radius) =>
        AddWorstCaseLowerBound(model, name, h, -psi, -bound, radius);
}
