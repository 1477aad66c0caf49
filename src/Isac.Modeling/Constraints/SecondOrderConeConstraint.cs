using Isac.Modeling.Compilation;
using Isac.Modeling.Expressions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Constraints;

/// <summary>‖x‖₂ ≤ t for an affine x (vector or matrix, real or complex; the Frobenius norm of a matrix) and a real concave scalar t.</summary>
/// <remarks>Dual: the column (λ_t; λ_x) of the second-order cone, λ_x complex for a complex x
/// (its entries pair with Re x and Im x), in the order of x's entries (row-major).</remarks>
internal sealed class SecondOrderConeConstraint : Constraint
{
    public SecondOrderConeConstraint(Expression x, Expression t)
    {
        if (!t.Shape.IsScalar || t.IsComplex)
        {
            throw new ModelException("soc", $"the bound '{t}' ({t.Shape}{(t.IsComplex ? ", complex" : "")}) must be a real scalar");
        }
        X = x;
        Bound = t;
    }

    public Expression X { get; }

    public Expression Bound { get; }

    public override ConstraintKind Kind => ConstraintKind.SecondOrderCone;

    internal override IEnumerable<Expression> Expressions => [X, Bound];

    internal override string Describe() => $"norm2({X}) <= {Bound}";

    internal override void CheckConvex(string where)
    {
        RequireAffine(X, where, "the vector");
        RequireCurvature(Bound, convex: false, where, "the bound");
    }

    internal override DualReader Canonicalize(Canonicalizer c, string where)
    {
        var body = c.Lowering.Lower(X);
        bool complex = X.IsComplex && Canonicalizer.HasImaginaryPart(body);
        int cone = c.AddSecondOrder(c.Lowering.Lower(Bound), body, complex);
        int size = body.Size;
        return mu =>
        {
            var m = mu(cone);
            var dual = Matrix<Complex>.Build.Dense(size + 1, 1);
            dual[0, 0] = m[0];
            for (int e = 0; e < size; e++)
            {
                dual[e + 1, 0] = complex ? new Complex(m[1 + 2 * e], m[2 + 2 * e]) : new Complex(m[1 + e], 0);
            }
            return dual;
        };
    }
}
