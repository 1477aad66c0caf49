using Isac.Modeling.Compilation;
using Isac.Modeling.Expressions;

namespace Isac.Modeling.Atoms;

/// <summary>
/// A real scalar convex or concave function of expressions, turned into cone constraints when the
/// model is compiled: a convex atom f in a convex position is replaced by t with f ≤ t (its
/// epigraph), a concave one by t with f ≥ t.
/// </summary>
internal abstract class Atom : Expression
{
    private protected Atom() : base(Shape.Scalar, isComplex: false) { }

    /// <summary>True for a convex atom, false for a concave one.</summary>
    public abstract bool IsConvex { get; }

    /// <summary>Why the arguments break the atom's rule, or null when they follow it.</summary>
    internal abstract string? ArgumentProblem { get; }

    /// <summary>True when every argument is constant (the atom is then a number).</summary>
    internal abstract bool ArgumentsConstant { get; }

    public override Curvature Curvature =>
        ArgumentsConstant ? Curvature.Constant
        : ArgumentProblem is not null ? Curvature.Nonconvex
        : IsConvex ? Curvature.Convex : Curvature.Concave;

    internal override bool IsHermitian => true;

    internal override AffineMap Lower(Lowering context) =>
        throw new InvalidOperationException($"atom '{this}' reached the affine lowering (the canonicaliser replaces atoms)");

    /// <summary>
    /// Adds cone constraints saying f(args) ≤ bound (convex atom) or f(args) ≥ bound (concave atom)
    /// for a real 1×1 map <paramref name="bound"/>; returns the rows in which the bound appears with
    /// coefficient 1 (their multipliers add up to the multiplier of the bound).
    /// </summary>
    internal abstract (int Cone, int Row)[] Bound(Canonicalizer canonicalizer, AffineMap bound);

    internal override (Expression Term, string Reason)? Offender(bool wantConvex)
    {
        if (wantConvex ? Curvature.IsConvex() : Curvature.IsConcave())
        {
            return null;
        }
        return ArgumentProblem is string problem ? (this, problem) : (this, $"is {Curvature.Describe()}");
    }

    private protected static string? NeedAffine(Expression e, string atom) =>
        e.Curvature.IsAffine() ? null : $"needs an affine argument, but '{e}' is {e.Curvature.Describe()} ({atom} of a non-affine term is not DCP)";
}
