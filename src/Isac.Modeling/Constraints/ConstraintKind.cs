namespace Isac.Modeling.Constraints;

/// <summary>What a constraint says.</summary>
public enum ConstraintKind
{
    /// <summary>a = b entrywise (complex entries: real and imaginary parts).</summary>
    Equality,

    /// <summary>a ≤ b entrywise (real expressions; a convex, b concave).</summary>
    Inequality,

    /// <summary>‖x‖₂ ≤ t.</summary>
    SecondOrderCone,

    /// <summary>a ⪰ b: a − b Hermitian (or real symmetric) positive semidefinite.</summary>
    Psd,
}
