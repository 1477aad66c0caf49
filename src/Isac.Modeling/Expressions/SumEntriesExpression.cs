using Isac.Modeling.Compilation;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Expressions;

/// <summary>The sum of all entries of an expression.</summary>
internal sealed class SumEntriesExpression : Expression
{
    public SumEntriesExpression(Expression inner) : base(Shape.Scalar, inner.IsComplex) => Inner = inner;

    public Expression Inner { get; }

    public override Curvature Curvature => Inner.Curvature;

    internal override IEnumerable<Expression> Children => [Inner];

    internal override bool IsHermitian => !IsComplex;

    internal override string Describe() => $"sum({Inner})";

    internal override AffineMap Lower(Lowering context) => AffineAlgebra.SumEntries(context.Lower(Inner));

    internal override Matrix<Complex> Evaluate(IValueSource values)
    {
        var v = Inner.Evaluate(values);
        Complex s = Complex.Zero;
        foreach (var z in v.Enumerate())
        {
            s += z;
        }
        return Matrix<Complex>.Build.Dense(1, 1, s);
    }
}
