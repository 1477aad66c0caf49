using Isac.Modeling;
using Isac.Modeling.Expressions;
using Isac.Precoding.Design;

namespace Isac.Precoding.Slp;

/// <summary>
/// The semidefinite relaxation that ties the symbols X = [x₁ … x_L] to the covariance R that the
/// Fisher information and the power constraints see.
/// </summary>
/// <remarks>
/// <para>Paper A (48d)/(62c): one lift per symbol, [[R_s, x_s], [x_sᴴ, 1]] ⪰ 0 (R_s ⪰ x_s x_sᴴ), and
/// R = (1/L)Σ_s R_s. Every other constraint and the objective involve the R_s only through R.</para>
/// <para>Equivalent small form (docs/derivations.md §6.1): [[R, X/√L], [Xᴴ/√L, I_L]] ⪰ 0, i.e.
/// R ⪰ (1/L)XXᴴ by the Schur complement. If the R_s exist, R = (1/L)Σ R_s ⪰ (1/L)Σ x_s x_sᴴ = (1/L)XXᴴ;
/// conversely, from R ⪰ (1/L)XXᴴ the choice R_s = x_s x_sᴴ + (R − (1/L)XXᴴ) satisfies every lift and
/// averages to R. So both forms allow the same (R, X) and have the same optimum, with one LMI of order
/// N + L instead of L LMIs of order N + 1 and L·N² fewer variables.</para>
/// </remarks>
internal static class SymbolLifting
{
    /// <summary>Adds the lift of <paramref name="symbols"/> (n×L, normalised) and returns R (n×n Hermitian expression).</summary>
    public static Expression Add(Model model, Variable symbols, SymbolLift lift, string prefix)
    {
        int n = symbols.Rows, l = symbols.Cols;
        if (lift == SymbolLift.Averaged)
        {
            var r = model.Hermitian($"{prefix}R", n);
            var scaled = symbols * (1 / Math.Sqrt(l));
            var block = new Expression?[2, 2] { { r, scaled }, { scaled.H, Expr.Identity(l) } };
            model.Add(Expr.Psd(Expr.Block(block)), $"{prefix}lift");
            return r;
        }
        var perSymbol = new Expression[l];
        for (int s = 0; s < l; s++)
        {
            var rs = model.Hermitian($"{prefix}R{s + 1}", n);
            var x = Column(symbols, s);
            var block = new Expression?[2, 2] { { rs, x }, { x.H, Expr.Constant(1.0) } };
            model.Add(Expr.Psd(Expr.Block(block)), $"{prefix}lift{s + 1}");
            perSymbol[s] = rs;
        }
        return Expr.Sum(perSymbol) * (1.0 / l);
    }

    /// <summary>Column s of a matrix expression (n×1).</summary>
    public static Expression Column(Expression matrix, int s) => Expr.Slice(matrix, Range.All, s..(s + 1));
}
