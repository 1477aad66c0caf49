namespace Isac.Conic.Problem;

/// <summary>
/// One equality constraint ⟨A_i, X⟩ = a_i of (P), equivalently one free dual variable y_i of (D)
/// with cost a_i and coefficient A_i in the conic constraint. Blocks not listed have A_i = 0 there.
/// </summary>
/// <param name="Rhs">The right-hand side a_i (the dual cost of y_i).</param>
/// <param name="Terms">The nonzero blocks of A_i; a block may appear more than once (the terms add up).</param>
public sealed record ConstraintRow(double Rhs, IReadOnlyList<BlockTerm> Terms)
{
    /// <summary><see cref="Terms"/> as an array (the same object when it is one; see ConicProblem.ConeArray).</summary>
    internal BlockTerm[] TermArray => Terms as BlockTerm[] ?? [.. Terms];
}
