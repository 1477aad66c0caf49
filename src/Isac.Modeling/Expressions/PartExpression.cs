using Isac.Modeling.Compilation;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Expressions;

/// <summary>The entrywise real part, or imaginary part, of a complex expression.</summary>
internal sealed class PartExpression : Expression
{
    public PartExpression(Expression inner, bool imaginary) : base(inner.Shape, isComplex: false)
    {
        Inner = inner;
        Imaginary = imaginary;
        Curvature = inner.Curvature.IsAffine() ? inner.Curvature : Curvature.Nonconvex;
    }

    public Expression Inner { get; }

    public bool Imaginary { get; }

    public override Curvature Curvature { get; }

    internal override IEnumerable<Expression> Children => [Inner];

    internal override bool IsHermitian => !Imaginary && Inner.IsHermitian;

    internal override string Describe() => $"{(Imaginary ? "im" : "re")}({Inner})";

    internal override AffineMap Lower(Lowering context)
    {
        var map = context.Lower(Inner);
        return Imaginary ? AffineAlgebra.ImaginaryPart(map) : AffineAlgebra.RealPart(map);
    }

    internal override Matrix<Complex> Evaluate(IValueSource values) =>
        Inner.Evaluate(values).Map(z => new Complex(Imaginary ? z.Imaginary : z.Real, 0));
}
