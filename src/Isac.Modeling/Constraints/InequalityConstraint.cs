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
        if (Smaller is Atom { IsConvex: true } convex && Larger.Shape.IsScalar)
        {
            return Direct(convex.Bound(c, c.Lowering.Lower(Larger)));
        }
        if (Larger is Atom { IsConvex: false } concave && Smaller.Shape.IsScalar)
        {
            return Direct(concave.Bound(c, c.Lowering.Lower(Smaller)));
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

    /// <summary>The scalar multiplier λ = Σ μ over the rows holding the bound.</summary>
    private static DualReader Direct((int Cone, int Row)[] rows) => mu =>
    {
        double lambda = 0;
        foreach (var (cone, row) in rows)
        {
            lambda += mu(cone)[row];
        }
        return Matrix<Complex>.Build.Dense(1, 1, lambda);
    };
}
