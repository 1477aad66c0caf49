namespace Isac.Network.Surrogates;

/// <summary>How a BS stands in for the inter-cell interference its users will see.</summary>
public enum LeakageSurrogate
{
    /// <summary>
    /// SALINR, eqs. (10)-(11): every user's ICI is replaced by the average leakage
    /// L̃ = Σ_{j∈S_ℓ} Σ_{t∈S_m, m≠ℓ} |h^{ℓ,t}ᴴ v_j|² / |S_ℓ| of the whole cell.
    /// </summary>
    Salinr,

    /// <summary>
    /// SLINR, eq. (9): user k's ICI is replaced by its own beam's leakage
    /// L̂_k = Σ_{t∈S_m, m≠ℓ} |h^{ℓ,t}ᴴ v_k|².
    /// </summary>
    Slinr,
}
