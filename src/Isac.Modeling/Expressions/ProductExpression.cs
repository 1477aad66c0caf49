using Isac.Modeling.Compilation;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Expressions;

/// <summary>The matrix product L·R with a constant on at least one side.</summary>
internal sealed class ProductExpression : Expression
{
    public ProductExpression(Expression left, Expression right)
        : base(new Shape(left.Rows, right.Cols), left.IsComplex || right.IsComplex)
    {
        Left = left;
        Right = right;
        var varying = left.Curvature == Curvature.Constant ? right : left;
        Curvature = left.Curvature == Curvature.Constant && right.Curvature == Curvature.Constant ? Curvature.Constant
            : varying.Curvature.IsAffine() ? Curvature.Affine
            : Curvature.Nonconvex;
    }

    public Expression Left { get; }

    public Expression Right { get; }

    public bool ConstantLeft => Left.Curvature == Curvature.Constant;

    public override Curvature Curvature { get; }

    internal override IEnumerable<Expression> Children => [Left, Right];

    internal override int Precedence => 2;

    internal override string Describe() => $"{Left.Format(2)}*{Right.Format(3)}";

    internal override AffineMap Lower(Lowering context) => ConstantLeft
        ? AffineAlgebra.LeftMultiply(context.ConstantValue(Left), context.Lower(Right))
        : AffineAlgebra.RightMultiply(context.Lower(Left), context.ConstantValue(Right));

    internal override Matrix<Complex> Evaluate(IValueSource values) => Left.Evaluate(values) * Right.Evaluate(values);

    internal override (Expression Term, string Reason)? Offender(bool wantConvex)
    {
        if (Curvature != Curvature.Nonconvex)
        {
            return base.Offender(wantConvex);
        }
        var varying = ConstantLeft ? Right : Left;
        return (this, $"multiplies the {varying.Curvature.Describe()} term '{varying}' by a constant matrix (only affine terms can be)");
    }
}
