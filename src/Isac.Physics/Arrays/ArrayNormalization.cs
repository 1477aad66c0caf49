namespace Isac.Physics.Arrays;

/// <summary>How a steering vector is scaled. The two papers differ; pick one explicitly.</summary>
public enum ArrayNormalization
{
    /// <summary>
    /// Paper A: a(θ) = [1, e^{jπ sinθ}, …, e^{jπ(N−1) sinθ}]ᵀ, not normalised (‖a‖² = N), first
    /// element as phase reference.
    /// </summary>
    Unnormalized,

    /// <summary>Paper B, eq. (14): the same vector divided by √N (‖a‖ = 1).</summary>
    UnitNorm,
}
