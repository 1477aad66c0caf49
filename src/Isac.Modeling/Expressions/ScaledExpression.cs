using Isac.Modeling.Compilation;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Expressions;

/// <summary>f·E for a constant 1×1 factor f (a number or a parameter) and any expression E.</summary>
internal sealed class ScaledExpression : Expression
{
    public ScaledExpression(Expression factor, Expression inner)
        : base(inner.Shape, factor.IsComplex || inner.IsComplex)
    {
        Factor = factor;
        Inner = inner;
        Sign = SignOf(factor);
        Curvature = inner.Curvature.IsAffine() ? inner.Curvature
            : factor.IsComplex || Sign is null ? Curvature.Nonconvex
            : Sign > 0 ? inner.Curvature
            : Sign < 0 ? CurvatureRules.Negate(inner.Curvature)
            : Curvature.Constant;
    }

    public Expression Factor { get; }

    public Expression Inner { get; }

    /// <summary>+1 if the factor is known to be ≥ 0, −1 if ≤ 0 (0 if zero), null if unknown or complex.</summary>
    public int? Sign { get; }

    public bool IsNegation => Factor is ConstantExpression c && c.Value[0, 0] == new Complex(-1, 0);

    public override Curvature Curvature { get; }

    internal override IEnumerable<Expression> Children => [Factor, Inner];

    internal override int Precedence => 2;

    internal override bool IsHermitian => Inner.IsHermitian && !Factor.IsComplex;

    internal override string Describe() => IsNegation ? $"-{Inner.Format(3)}" : $"{Factor.Format(2)}*{Inner.Format(3)}";

    internal override AffineMap Lower(Lowering context) =>
        AffineAlgebra.Scale(context.Lower(Inner), context.ConstantValue(Factor)[0, 0]);

    internal override Matrix<Complex> Evaluate(IValueSource values) => Inner.Evaluate(values) * Factor.Evaluate(values)[0, 0];

    internal override (Expression Term, string Reason)? Offender(bool wantConvex)
    {
        if (wantConvex ? Curvature.IsConvex() : Curvature.IsConcave())
        {
            return null;
        }
        if (!Inner.Curvature.IsAffine() && (Factor.IsComplex || Sign is null))
        {
            string why = Factor.IsComplex
                ? $"multiplies the {Inner.Curvature.Describe()} term '{Inner}' by a complex factor"
                : $"multiplies the {Inner.Curvature.Describe()} term '{Inner}' by '{Factor}', whose sign is unknown (declare the parameter nonnegative)";
            return (this, why);
        }
        // Name the scaled term itself ("-norm2(x) is concave") rather than the atom inside it.
        var found = Inner.Offender(Sign >= 0 ? wantConvex : !wantConvex);
        return found is null || ReferenceEquals(found.Value.Term, Inner) ? (this, $"is {Curvature.Describe()}") : found;
    }

    /// <summary>+1 for a factor known ≥ 0, −1 for ≤ 0, null otherwise.</summary>
    internal static int? SignOf(Expression factor) => factor switch
    {
        ConstantExpression c => c.ScalarSign is int s ? (s >= 0 ? 1 : -1) : null,
        Parameter p when p.IsNonnegative => 1,
        ScaledExpression s => s.Sign is int a && SignOf(s.Inner) is int b ? a * b : null,
        _ => null,
    };
}
