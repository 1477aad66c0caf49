namespace Isac.Conic.Problem;

/// <summary>The kind of one block of the variable X.</summary>
public enum ConeKind
{
    /// <summary>A symmetric n×n matrix constrained to be positive semidefinite (X ⪰ 0).</summary>
    PositiveSemidefinite,

    /// <summary>A vector of n entries constrained to be nonnegative (an LP block, x ≥ 0).</summary>
    Nonnegative,

    /// <summary>A vector (x₀, x̄) of n entries in the second-order (Lorentz) cone ‖x̄‖₂ ≤ x₀.</summary>
    SecondOrder,

    /// <summary>A vector of n unconstrained entries (its dual slack must vanish: Z = 0 there).</summary>
    Free,
}
