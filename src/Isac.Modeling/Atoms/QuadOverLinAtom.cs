using Isac.Modeling.Compilation;
using Isac.Modeling.Expressions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Atoms;

/// <summary>
/// ‖x‖₂² / y for an affine x (real or complex) and a concave real scalar y (domain y &gt; 0):
/// t ≥ ‖x‖²/y, y ≥ 0 is the rotated cone ‖(2x, t − y)‖ ≤ t + y.
/// </summary>
internal sealed class QuadOverLinAtom : Atom
{
    public QuadOverLinAtom(Expression x, Expression y)
    {
        if (!y.Shape.IsScalar || y.IsComplex)
        {
            throw new ModelException("quad_over_lin", $"the denominator '{y}' ({y.Shape}{(y.IsComplex ? ", complex" : "")}) must be a real scalar");
        }
        X = x;
        Y = y;
    }

    public Expression X { get; }

    public Expression Y { get; }

    public override bool IsConvex => true;

    internal override string? ArgumentProblem =>
        NeedAffine(X, "quad_over_lin")
        ?? (Y.Curvature.IsConcave() ? null : $"needs a concave denominator, but '{Y}' is {Y.Curvature.Describe()}");

    internal override bool ArgumentsConstant => X.Curvature == Curvature.Constant && Y.Curvature == Curvature.Constant;

    internal override IEnumerable<Expression> Children => [X, Y];

    internal override string Describe() => Y is ConstantExpression { Shape.IsScalar: true } c && c.Value[0, 0] == Complex.One
        ? $"sum_squares({X})" : $"quad_over_lin({X}, {Y})";

    internal override Matrix<Complex> Evaluate(IValueSource values)
    {
        double num = X.Evaluate(values).Enumerate().Sum(z => z.Real * z.Real + z.Imaginary * z.Imaginary);
        double den = Y.Evaluate(values)[0, 0].Real;
        double v = den > 0 ? num / den : num == 0 && den == 0 ? 0 : double.PositiveInfinity;
        return Matrix<Complex>.Build.Dense(1, 1, v);
    }

    internal override (int Cone, int Row)[] Bound(Canonicalizer c, AffineMap bound)
    {
        var y = c.Lowering.Lower(Y);
        var body = c.Lowering.Lower(X);
        bool complex = X.IsComplex && Canonicalizer.HasImaginaryPart(body);
        var rows = c.NewRows();
        rows.AddPart(bound, 0, imaginary: false);
        rows.AddPart(y, 0, imaginary: false);
        rows.EndRow();
        rows.AddPart(bound, 0, imaginary: false);
        rows.AddPart(y, 0, imaginary: false, -1.0);
        rows.EndRow();
        for (int e = 0; e < body.Size; e++)
        {
            rows.AddPart(body, e, imaginary: false, 2.0);
            rows.EndRow();
            if (complex)
            {
                rows.AddPart(body, e, imaginary: true, 2.0);
                rows.EndRow();
            }
        }
        int cone = c.Add(new ConeConstraint(ConeType.SecondOrder, rows.Count, rows.Build()));
        return [(cone, 0), (cone, 1)];
    }
}
