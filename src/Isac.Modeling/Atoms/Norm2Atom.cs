using Isac.Modeling.Compilation;
using Isac.Modeling.Expressions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Atoms;

/// <summary>
/// ‖x‖₂ (Frobenius for a matrix) of an affine real or complex x, or |z| of a scalar (the same
/// atom under its own name): the second-order cone (t, Re x, Im x).
/// </summary>
internal sealed class Norm2Atom : Atom
{
    private readonly string _name;

    public Norm2Atom(Expression x, string name = "norm2")
    {
        if (name == "abs" && !x.Shape.IsScalar)
        {
            throw new ModelException("abs", $"'{x}' is {x.Shape}; abs takes a scalar (use norm2 for a vector)");
        }
        X = x;
        _name = name;
    }

    public Expression X { get; }

    public override bool IsConvex => true;

    internal override string? ArgumentProblem => NeedAffine(X, _name);

    internal override bool ArgumentsConstant => X.Curvature == Curvature.Constant;

    internal override IEnumerable<Expression> Children => [X];

    internal override string Describe() => $"{_name}({X})";

    internal override Matrix<Complex> Evaluate(IValueSource values) =>
        Matrix<Complex>.Build.Dense(1, 1, Math.Sqrt(X.Evaluate(values).Enumerate().Sum(z => z.Real * z.Real + z.Imaginary * z.Imaginary)));

    internal override (int Cone, int Row)[] Bound(Canonicalizer c, AffineMap bound)
    {
        var body = c.Lowering.Lower(X);
        int cone = c.AddSecondOrder(bound, body, X.IsComplex && Canonicalizer.HasImaginaryPart(body));
        return [(cone, 0)];
    }
}
