namespace Isac.Conic.Problem;

/// <summary>Whether the primal objective ⟨C, X⟩ is maximised (CSDP's convention) or minimised.</summary>
/// <remarks>
/// The dual objective aᵀy always has the opposite sense:
/// <list type="bullet">
/// <item><see cref="Maximize"/>: (P) max ⟨C,X⟩ s.t. ⟨A_i,X⟩ = a_i, X ∈ K;
///   (D) min aᵀy s.t. Σ y_i A_i − C = Z ∈ K (CSDP, and an SDPA file's "primal").</item>
/// <item><see cref="Minimize"/>: (P) min ⟨C,X⟩ s.t. ⟨A_i,X⟩ = a_i, X ∈ K;
///   (D) max aᵀy s.t. C − Σ y_i A_i = Z ∈ K (SeDuMi, MOSEK, Clarabel).</item>
/// </list>
/// </remarks>
public enum ObjectiveSense
{
    /// <summary>Maximise ⟨C, X⟩; the dual minimises aᵀy.</summary>
    Maximize,

    /// <summary>Minimise ⟨C, X⟩; the dual maximises aᵀy.</summary>
    Minimize,
}
