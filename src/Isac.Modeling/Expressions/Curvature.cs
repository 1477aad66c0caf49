namespace Isac.Modeling.Expressions;

/// <summary>The curvature of an expression under the disciplined-convex-programming rules.</summary>
/// <remarks>
/// Constant ⊂ affine ⊂ convex ∩ concave. A sum is convex if every term is convex, a positive
/// multiple keeps the curvature and a negative one flips it; atoms state their own curvature and
/// what they need of their arguments. Anything the rules cannot prove convex or concave is
/// <see cref="Nonconvex"/>, and the model refuses it where convexity is needed.
/// </remarks>
public enum Curvature
{
    /// <summary>No variable: a number (or a parameter).</summary>
    Constant,

    /// <summary>Affine in the variables.</summary>
    Affine,

    /// <summary>Convex (and not known to be affine).</summary>
    Convex,

    /// <summary>Concave (and not known to be affine).</summary>
    Concave,

    /// <summary>Neither provably convex nor concave.</summary>
    Nonconvex,
}

/// <summary>Rules for combining curvatures.</summary>
public static class CurvatureRules
{
    /// <summary>True for constant or affine.</summary>
    public static bool IsAffine(this Curvature c) => c is Curvature.Constant or Curvature.Affine;

    /// <summary>True for constant, affine or convex.</summary>
    public static bool IsConvex(this Curvature c) => c is Curvature.Constant or Curvature.Affine or Curvature.Convex;

    /// <summary>True for constant, affine or concave.</summary>
    public static bool IsConcave(this Curvature c) => c is Curvature.Constant or Curvature.Affine or Curvature.Concave;

    /// <summary>The curvature of a sum of two terms.</summary>
    public static Curvature Add(Curvature a, Curvature b)
    {
        if (a == Curvature.Constant)
        {
            return b;
        }
        if (b == Curvature.Constant)
        {
            return a;
        }
        if (a == Curvature.Affine)
        {
            return b;
        }
        if (b == Curvature.Affine)
        {
            return a;
        }
        return a == b ? a : Curvature.Nonconvex;
    }

    /// <summary>The curvature after multiplying by −1.</summary>
    public static Curvature Negate(Curvature c) => c switch
    {
        Curvature.Convex => Curvature.Concave,
        Curvature.Concave => Curvature.Convex,
        _ => c,
    };

    /// <summary>A lower-case adjective for messages.</summary>
    public static string Describe(this Curvature c) => c switch
    {
        Curvature.Constant => "constant",
        Curvature.Affine => "affine",
        Curvature.Convex => "convex",
        Curvature.Concave => "concave",
        _ => "neither convex nor concave",
    };
}
