using Isac.Modeling.Compilation;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Expressions;

/// <summary>s·M for a 1×1 expression s in the variables and a constant matrix M (for example t·I).</summary>
internal sealed class ScalarTimesMatrixExpression : Expression
{
    public ScalarTimesMatrixExpression(Expression scalar, Expression matrix)
        : base(matrix.Shape, scalar.IsComplex || matrix.IsComplex)
    {
        Scalar = scalar;
        Matrix = matrix;
        Curvature = scalar.Curvature.IsAffine() ? Curvature.Affine : Curvature.Nonconvex;
    }

    public Expression Scalar { get; }

    public Expression Matrix { get; }

    public override Curvature Curvature { get; }

    internal override IEnumerable<Expression> Children => [Scalar, Matrix];

    internal override int Precedence => 2;

    internal override bool IsHermitian => Matrix.IsHermitian && !Scalar.IsComplex;

    internal override string Describe() => $"{Scalar.Format(2)}*{Matrix.Format(3)}";

    internal override AffineMap Lower(Lowering context) =>
        AffineAlgebra.ScalarTimesMatrix(context.Lower(Scalar), context.ConstantValue(Matrix));

    internal override Matrix<Complex> Evaluate(IValueSource values) => Matrix.Evaluate(values) * Scalar.Evaluate(values)[0, 0];

    internal override (Expression Term, string Reason)? Offender(bool wantConvex) =>
        Curvature != Curvature.Nonconvex ? base.Offender(wantConvex)
            : (this, $"multiplies the {Scalar.Curvature.Describe()} term '{Scalar}' by a constant matrix (only affine terms can be)");
}
