using Isac.Modeling.Compilation;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Expressions;

/// <summary>
/// The trace of a square expression. Real when the matrix is Hermitian, or a product of two
/// Hermitian factors (tr(H·W) is real for Hermitian H and W), which is how tr(Q·W) terms read.
/// </summary>
/// <remarks>tr(A·E) and tr(E·A) with a constant A are lowered directly as Σ_ij A_ij E_ji, in time
/// proportional to the terms of E rather than to the product.</remarks>
internal sealed class TraceExpression : Expression
{
    public TraceExpression(Expression inner)
        : base(Shape.Scalar, inner.IsComplex && !IsRealTrace(inner))
    {
        Inner = inner;
    }

    public Expression Inner { get; }

    public override Curvature Curvature => Inner.Curvature;

    internal override IEnumerable<Expression> Children => [Inner];

    internal override bool IsHermitian => !IsComplex;

    internal override string Describe() => $"tr({Inner})";

    internal override AffineMap Lower(Lowering context)
    {
        AffineMap map = Inner switch
        {
            // tr(A·ΣX) and tr(ΣX·B) straight onto the variables' scalars: g = Aᵀ (or Bᵀ).
            ProductExpression { ConstantLeft: true } p when p.Right.Curvature != Curvature.Constant
                && context.Functional(p.Right, Transposed(context.ConstantValue(p.Left))) is { } f => f,
            ProductExpression { ConstantLeft: false } p
                when context.Functional(p.Left, Transposed(context.ConstantValue(p.Right))) is { } f => f,
            ProductExpression { ConstantLeft: true } p when p.Right.Curvature != Curvature.Constant =>
                AffineAlgebra.TraceOfProduct(context.ConstantValue(p.Left), context.Lower(p.Right)),
            ProductExpression { ConstantLeft: false } p =>
                AffineAlgebra.TraceOfProduct(context.ConstantValue(p.Right), context.Lower(p.Left)),
            _ => AffineAlgebra.Trace(context.Lower(Inner)),
        };
        // A trace known to be real: drop the rounding-level imaginary part.
        return !IsComplex && Inner.IsComplex ? AffineAlgebra.RealPart(map) : map;
    }

    internal override Matrix<Complex> Evaluate(IValueSource values)
    {
        Complex t = Inner.Evaluate(values).Trace();
        return Matrix<Complex>.Build.Dense(1, 1, IsComplex ? t : new Complex(t.Real, 0));
    }

    private static Complex[,] Transposed(Complex[,] a)
    {
        var t = new Complex[a.GetLength(1), a.GetLength(0)];
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int j = 0; j < a.GetLength(1); j++)
            {
                t[j, i] = a[i, j];
            }
        }
        return t;
    }

    private static bool IsRealTrace(Expression inner) =>
        inner.IsHermitian || (inner is ProductExpression p && p.Left.IsHermitian && p.Right.IsHermitian);
}
