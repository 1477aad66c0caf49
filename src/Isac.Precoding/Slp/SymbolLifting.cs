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
    /// <summary>
    /// Adds the lift of the frame X = X̂·E of the class symbols <paramref name="symbols"/> (n×C, normalised,
    /// <see cref="SymbolClasses"/>) and returns R (n×n Hermitian expression): R ⪰ (1/L)XXᴴ = Σ_c (n_c/L)·x̂_c x̂_cᴴ.
    /// </summary>
    public static Expression Add(Model model, Variable symbols, SymbolClasses classes, SymbolLift lift, string prefix)
    {
        int n = symbols.Rows, l = classes.Length;
        if (lift == SymbolLift.Averaged)
        {
            var r = model.Hermitian($"{prefix}R", n);
            var scaled = classes.Weighted(symbols) * (1 / Math.Sqrt(l));
            var block = new Expression?[2, 2] { { r, scaled }, { scaled.H, Expr.Identity(classes.Count) } };
            model.Add(Expr.Psd(Expr.Block(block)), $"{prefix}lift");
            return r;
        }
        var perSymbol = new Expression[classes.Count];
        for (int c = 0; c < classes.Count; c++)
        {
            var rs = model.Hermitian($"{prefix}R{c + 1}", n);
            var x = Column(symbols, c);
            var block = new Expression?[2, 2] { { rs, x }, { x.H, Expr.Constant(1.0) } };
            model.Add(Expr.Psd(Expr.Block(block)), $"{prefix}lift{c + 1}");
            perSymbol[c] = rs * (classes.Sizes[c] / (double)l);
        }
        return Expr.Sum(perSymbol);
    }

    /// <summary>
    /// The refinement step's covariance: a Hermitian R with R ⪯ (1/L)(X₀Xᴴ + XX₀ᴴ − X₀X₀ᴴ) ⪯ (1/L)XXᴴ for the frame
    /// X = X̂·E of the class symbols, so that the Fisher information of R (a monotone map) never exceeds that of the
    /// transmitted (1/L)XXᴴ. The relaxation's lower bound R ⪰ (1/L)XXᴴ is not added (together they would pin X to X₀),
    /// so power and leakage must be constrained on X itself.
    /// </summary>
    public static Expression AddInner(Model model, Variable symbols, SymbolClasses classes, MathNet.Numerics.LinearAlgebra.Matrix<System.Numerics.Complex> anchor, string prefix)
    {
        var r = model.Hermitian($"{prefix}R", symbols.Rows);
        model.Add(Expr.Psd(Linearization(symbols, classes, anchor) - r), $"{prefix}inner");
        return r;
    }

    /// <summary>(1/L)·‖rows of X‖_F² ≤ bound for the frame X = X̂·E, i.e. the transmitted power of those antennas:
    /// ‖(X̂·diag(√n_c))_rows‖_F ≤ √(L·bound).</summary>
    public static void AddTransmittedPower(Model model, Variable symbols, SymbolClasses classes, int[] rows, double bound, string name)
    {
        var weighted = classes.Weighted(symbols);
        var block = rows.Length == symbols.Rows ? weighted : Expr.Select(weighted, rows, Enumerable.Range(0, symbols.Cols).ToArray());
        model.Add(Expr.Norm2(block) <= Math.Sqrt(classes.Length * bound), name);
    }

    /// <summary>
    /// (1/L)(X₀Xᴴ + XX₀ᴴ − X₀X₀ᴴ) with X = X̂·E: the linearisation of (1/L)XXᴴ at X₀ (normalised units). Since
    /// (X − X₀)(X − X₀)ᴴ ⪰ 0 it never exceeds (1/L)XXᴴ, with equality at X = X₀. X₀Xᴴ = (X₀Eᴴ)·X̂ᴴ.
    /// </summary>
    public static Expression Linearization(Variable symbols, SymbolClasses classes, MathNet.Numerics.LinearAlgebra.Matrix<System.Numerics.Complex> anchor)
    {
        int l = classes.Length;
        var a = Expr.Constant(anchor * classes.Expansion().ConjugateTranspose(), "X0EH");
        var cross = a * symbols.H;
        return (cross + cross.H - Expr.Constant(anchor * anchor.ConjugateTranspose(), "X0X0H")) * (1.0 / l);
    }

    /// <summary>Column s of a matrix expression (n×1).</summary>
    public static Expression Column(Expression matrix, int s) => Expr.Slice(matrix, Range.All, s..(s + 1));
}
