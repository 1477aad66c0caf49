using Isac.Modeling.Compilation;
using Isac.Modeling.Expressions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Constraints;

/// <summary>Reads a user constraint's dual value from the multipliers μ of its cone constraints (by cone index).</summary>
internal delegate Matrix<Complex> DualReader(Func<int, double[]> multipliers);

/// <summary>
/// A constraint on expressions: built with <c>==</c>, <c>&lt;=</c>, <c>&gt;=</c>, <c>&gt;&gt;</c>,
/// <see cref="Expr.Psd"/> or <see cref="Expr.Soc"/>, and handed to <see cref="Model.Add(Constraint, string?)"/>,
/// which checks its convexity.
/// </summary>
/// <remarks>
/// <para>Dual values (<see cref="Solutions.ModelSolution.Dual"/>) are the multipliers of the
/// minimisation form (a maximisation of f is the minimisation of −f) with the Lagrangian
/// L = f − Σ ⟨Λ, g(x)⟩, where g = b − a for a ≤ b, g = a − b for a = b and for a ⪰ b, and
/// ⟨Λ, G⟩ = Re Σ conj(Λ_ij) G_ij. So Λ ≥ 0 for inequalities and Λ ⪰ 0 for LMIs, and Λ is the rate at
/// which the optimal value improves when the constraint is relaxed. The dual of ‖x‖ ≤ t made with
/// <see cref="Expr.Soc"/> is the cone vector (λ_t; λ_x) (complex λ_x for a complex x); that of
/// an inequality on an atom (norm2(x) &lt;= t) is the scalar λ.</para>
/// </remarks>
public abstract class Constraint
{
    private protected Constraint() { }

    /// <summary>The name given when the constraint was added to a model, if any.</summary>
    public string? Name { get; internal set; }

    /// <summary>What the constraint says.</summary>
    public abstract ConstraintKind Kind { get; }

    /// <summary>The constraint written out.</summary>
    public override string ToString() => Describe();

    internal abstract string Describe();

    /// <summary>The expressions the constraint is made of.</summary>
    internal abstract IEnumerable<Expression> Expressions { get; }

    /// <summary>Throws <see cref="ModelException"/> naming the offending term if the constraint is not convex.</summary>
    internal abstract void CheckConvex(string where);

    /// <summary>Adds the cone constraints; returns how to read the dual value.</summary>
    internal abstract DualReader Canonicalize(Canonicalizer canonicalizer, string where);

    /// <summary>Throws if a term of <paramref name="e"/> is not affine.</summary>
    private protected static void RequireAffine(Expression e, string where, string role)
    {
        if (!e.Curvature.IsAffine())
        {
            var found = FindNonAffine(e);
            throw new ModelException(where, $"{role} '{e}' must be affine, but its term '{found}' is {found.Curvature.Describe()}");
        }
    }

    /// <summary>Throws if <paramref name="e"/> is not convex (or concave), naming the offending term.</summary>
    private protected static void RequireCurvature(Expression e, bool convex, string where, string role)
    {
        var found = e.Offender(convex);
        if (found is { } f)
        {
            string want = convex ? "convex" : "concave";
            string term = ReferenceEquals(f.Term, e) ? "it" : $"the term '{f.Term}'";
            throw new ModelException(where, $"{role} '{e}' must be {want}, but {term} {f.Reason}");
        }
    }

    private static Expression FindNonAffine(Expression e)
    {
        foreach (var c in e.Children)
        {
            if (!c.Curvature.IsAffine())
            {
                return FindNonAffine(c);
            }
        }
        return e;
    }

    /// <summary>The broadcast shape of a ∘ b for entrywise comparisons.</summary>
    private protected static Shape Broadcast(Expression a, Expression b, string operation)
    {
        if (a.Shape == b.Shape || b.Shape.IsScalar)
        {
            return a.Shape;
        }
        if (a.Shape.IsScalar)
        {
            return b.Shape;
        }
        throw new ModelException(operation, $"shapes {a.Shape} ('{a}') and {b.Shape} ('{b}') differ");
    }
}
