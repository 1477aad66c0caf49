using Complex = System.Numerics.Complex;
using Isac.Modeling;
using Isac.Modeling.Expressions;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Slp;

/// <summary>
/// Paper A's robust constructive-interference constraints for M-PSK ((46), (52)-(53), (60)-(61)).
/// </summary>
/// <remarks>
/// <para>For user u and slot s let ŷ = h_uᵀx_s·d_us* (the received noiseless signal rotated by the
/// intended symbol's phase, eq. (45)); with ψ = π/M the symbol lies in its constructive region with
/// SINR γ when |Im ŷ| ≤ (Re ŷ − √γ·σ_eff)·tanψ (eq. (46)). Over the error ball ‖e‖ ≤ ρ both sides move by a
/// real-linear function of e; the worst case of tanψ·Re ŷ ∓ Im ŷ = Re((tanψ ± j)ŷ) drops by
/// |tanψ ± j|·ρ‖x_s‖ = ρ‖x_s‖/cosψ, which is exactly (52)-(53) since ‖x̂ ∓ x̂′tanψ‖ = ‖x_s‖/cosψ.
/// So the constraints are the two linear inequalities</para>
/// <para>tanψ·Re ŷ ∓ Im ŷ − (ρ/cosψ)·ν_s ≥ tanψ·√γ·σ_eff, with ν_s ≥ ‖x_s‖ (one second-order cone per slot,
/// shared by every user of that slot).</para>
/// </remarks>
internal static class ConstructiveConstraints
{
    /// <summary>ν_c ≥ ‖x̂_c‖ for every column (slot class, <see cref="SymbolClasses"/>) of the symbols (null when ρ = 0: no norm is needed).</summary>
    public static Expression[]? SlotNorms(Model model, Variable symbols, double radius, string prefix)
    {
        if (radius == 0) return null;
        var norms = new Expression[symbols.Cols];
        for (int s = 0; s < symbols.Cols; s++)
        {
            var nu = Sdp.ModelVariables.NonNegative(model, $"{prefix}nu{s + 1}");
            model.Add(Expr.Soc(SymbolLifting.Column(symbols, s), nu), $"{prefix}norm{s + 1}");
            norms[s] = nu;
        }
        return norms;
    }

    /// <summary>
    /// Adds both branches for one user and slot: <paramref name="channel"/> h (the user's channel from
    /// the antennas of <paramref name="symbols"/>), <paramref name="symbol"/> d, <paramref name="threshold"/>
    /// the affine √γ·σ_eff (normalised), <paramref name="norms"/> from <see cref="SlotNorms"/>.
    /// </summary>
    public static void Add(Model model, Variable symbols, int slot, Vector<Complex> channel, Complex symbol, double tanPsi, double cosPsi,
        Expression threshold, double radius, Expression[]? norms, string name)
    {
        var rotated = channel * Complex.Conjugate(symbol) / symbol.Magnitude;
        var y = Expr.Constant(rotated.ToRowMatrix()) * SymbolLifting.Column(symbols, slot);
        Expression re = Expr.Re(y), im = Expr.Im(y);
        Expression left = tanPsi * re;
        if (norms is not null) left = left - (radius / cosPsi) * norms[slot];
        var right = tanPsi * threshold;
        model.Add(left - im >= right, $"{name}a");
        model.Add(left + im >= right, $"{name}b");
    }
}
