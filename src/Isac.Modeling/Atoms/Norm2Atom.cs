using Isac.Modeling.Compilation;
using Isac.Modeling.Expressions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Atoms;

/// <summary>‖x‖₂ (Frobenius for a matrix) of an affine real or complex x: the second-order cone (t, Re x, Im x).</summary>
internal sealed class Norm2Atom : Atom
{
    public Norm2Atom(Expression x) => X = x;

    public Expression X { get; }

    public override bool IsConvex => true;

    internal override string? ArgumentProblem => NeedAffine(X, "norm2");

    internal override bool ArgumentsConstant => X.Curvature == Curvature.Constant;

    internal override IEnumerable<Expression> Children => [X];

    internal override string Describe() => $"norm2({X})";

    internal override Matrix<Complex> Evaluate(IValueSource values) =>
        Matrix<Complex>.Build.Dense(1, 1, Math.Sqrt(X.Evaluate(values).Enumerate().Sum(z => z.Real * z.Real + z.Imaginary * z.Imaginary)));

    internal override (int Cone, int Row)[] Bound(Canonicalizer c, AffineMap bound)
    {
        var body = c.Lowering.Lower(X);
        int cone = c.AddSecondOrder(bound, body, X.IsComplex && Canonicalizer.HasImaginaryPart(body));
        return [(cone, 0)];
    }
}
