using Isac.Modeling.Atoms;
using Isac.Modeling.Compilation;
using Isac.Modeling.Expressions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Constraints;

/// <summary>a ≤ b entrywise for real expressions, a convex and b concave.</summary>
/// <remarks>An atom bounded by a scalar (‖x‖ ≤ t, λ_max(H) ≤ t, t ≤ min(…)) becomes the atom's cone
/// with the bound in place of an auxiliary variable, which saves a scalar and a row.</remarks>
internal sealed class InequalityConstraint : Constraint
{
    public InequalityConstraint(Expression smaller, Expression larger)
    {
        ArgumentNullException.ThrowIfNull(smaller);
        ArgumentNullException.ThrowIfNull(larger);
        Shape = Broadcast(smaller, larger, "<=");
        foreach (var e in new[] { smaller, larger })
        {
            if (e.IsComplex)
            {
                throw new ModelException("<=", $"'{e}' is complex; inequalities compare real expressions (take re(...), abs(...) or norm2(...))");
            }
        }
        Smaller = smaller;
        Larger = larger;
    }

    public Expression Smaller { get; }

    public Expression Larger { get; }

    public Shape Shape { get; }

    public override ConstraintKind Kind => ConstraintKind.Inequality;

    internal override IEnumerable<Expression> Expressions => [Smaller, Larger];

    internal override string Describe() => $"{Smaller} <= {Larger}";

    internal override void CheckConvex(string where)
    {
        RequireCurvature(Smaller, convex: true, where, "the smaller side");
        RequireCurvature(Larger, convex: false, where, "the larger side");
    }

    internal override DualReader Canonicalize(Canonicalizer c, string where)
    {
        // c·f(x) ≤ b with c > 0 and a convex atom f is f(x) ≤ b/c (likewise b ≤ c·g(x) for a concave g);
        // the multiplier of the constraint as written is that of the bound divided by c.
        if (ScaledAtom(Smaller) is ({ IsConvex: true } convex, double cs) && Larger.Shape.IsScalar)
        {
            return Direct(convex.Bound(c, AffineAlgebra.Scale(c.Lowering.Lower(Larger), 1 / cs)), cs);
        }
        if (ScaledAtom(Larger) is ({ IsConvex: false } concave, double cl) && Smaller.Shape.IsScalar)
        {
            return Direct(concave.Bound(c, AffineAlgebra.Scale(c.Lowering.Lower(Smaller), 1 / cl)), cl);
        }
        var g = AffineAlgebra.Add(c.Lowering.Lower(Larger), c.Lowering.Lower(Smaller), -Complex.One);
        int cone = c.AddNonnegative(g);
        int rows = g.Rows, cols = g.Cols;
        return mu =>
        {
            var m = mu(cone);
            return Matrix<Complex>.Build.Dense(rows, cols, (i, j) => m[i * cols + j]);
        };
    }

    /// <summary>The scalar multiplier λ = Σ μ / c over the rows holding the bound.</summary>
    private static DualReader Direct((int Cone, int Row)[] rows, double scale) => mu =>
    {
        double lambda = 0;
        foreach (var (cone, row) in rows)
        {
            lambda += mu(cone)[row];
        }
        return Matrix<Complex>.Build.Dense(1, 1, lambda / scale);
    };

    /// <summary>An atom, or a positive real constant times an atom, with its factor; null otherwise.</summary>
    private static (Atom Atom, double Scale)? ScaledAtom(Expression e) => e switch
    {
        Atom a => (a, 1.0),
        ScaledExpression { Factor: ConstantExpression { ScalarSign: 1 } f, Inner: Atom a } => (a, f.Value[0, 0].Real),
        _ => null,
    };
}
