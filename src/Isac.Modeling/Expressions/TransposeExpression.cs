using Isac.Modeling.Compilation;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Expressions;

/// <summary>Eᵀ, or the conjugate transpose Eᴴ.</summary>
internal sealed class TransposeExpression : Expression
{
    public TransposeExpression(Expression inner, bool conjugate)
        : base(inner.Shape.Transposed, inner.IsComplex)
    {
        Inner = inner;
        Conjugate = conjugate;
    }

    public Expression Inner { get; }

    public bool Conjugate { get; }

    public override Curvature Curvature => Inner.Curvature;

    internal override IEnumerable<Expression> Children => [Inner];

    internal override bool IsHermitian => Inner.IsHermitian;

    internal override string Describe() => Inner.Format(3) + (Conjugate && IsComplex ? "ᴴ" : "ᵀ");

    internal override AffineMap Lower(Lowering context) => AffineAlgebra.Transpose(context.Lower(Inner), Conjugate);

    internal override Matrix<Complex> Evaluate(IValueSource values) =>
        Conjugate ? Inner.Evaluate(values).ConjugateTranspose() : Inner.Evaluate(values).Transpose();
}
