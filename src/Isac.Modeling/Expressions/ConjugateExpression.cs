using Isac.Modeling.Compilation;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Expressions;

/// <summary>The entrywise complex conjugate of a complex expression.</summary>
internal sealed class ConjugateExpression : Expression
{
    public ConjugateExpression(Expression inner) : base(inner.Shape, isComplex: true) => Inner = inner;

    public Expression Inner { get; }

    public override Curvature Curvature => Inner.Curvature;

    internal override IEnumerable<Expression> Children => [Inner];

    internal override bool IsHermitian => Inner.IsHermitian;

    internal override string Describe() => $"conj({Inner})";

    internal override AffineMap Lower(Lowering context) => AffineAlgebra.Conjugate(context.Lower(Inner));

    internal override Matrix<Complex> Evaluate(IValueSource values) => Inner.Evaluate(values).Conjugate();
}
