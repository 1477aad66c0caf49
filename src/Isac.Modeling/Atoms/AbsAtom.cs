using Isac.Modeling.Compilation;
using Isac.Modeling.Expressions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Atoms;

/// <summary>|z| of an affine real or complex scalar: the second-order cone (t, Re z, Im z).</summary>
internal sealed class AbsAtom : Atom
{
    public AbsAtom(Expression z)
    {
        if (!z.Shape.IsScalar)
        {
            throw new ModelException("abs", $"'{z}' is {z.Shape}; abs takes a scalar (use norm2 for a vector)");
        }
        Z = z;
    }

    public Expression Z { get; }

    public override bool IsConvex => true;

    internal override string? ArgumentProblem => NeedAffine(Z, "abs");

    internal override bool ArgumentsConstant => Z.Curvature == Curvature.Constant;

    internal override IEnumerable<Expression> Children => [Z];

    internal override string Describe() => $"abs({Z})";

    internal override Matrix<Complex> Evaluate(IValueSource values) =>
        Matrix<Complex>.Build.Dense(1, 1, Z.Evaluate(values)[0, 0].Magnitude);

    internal override (int Cone, int Row)[] Bound(Canonicalizer c, AffineMap bound)
    {
        var body = c.Lowering.Lower(Z);
        int cone = c.AddSecondOrder(bound, body, Z.IsComplex && Canonicalizer.HasImaginaryPart(body));
        return [(cone, 0)];
    }
}
