namespace Isac.Conic;

/// <summary>The six DIMACS error measures of a solution (Mittelmann's benchmark convention).</summary>
/// <remarks>
/// For (P) max ⟨C,X⟩, A(X) = a, X ∈ K and (D) Z = Σ y_i A_i − C ∈ K:
/// <list type="number">
/// <item>‖A(X) − a‖₂ / (1 + ‖a‖∞)</item>
/// <item>max(0, −λ_min(X)) / (1 + ‖a‖∞)</item>
/// <item>‖Σ y_i A_i − C − Z‖_F / (1 + ‖C‖_max)</item>
/// <item>max(0, −λ_min(Z)) / (1 + ‖C‖_max)</item>
/// <item>(⟨C,X⟩ − aᵀy) / (1 + |⟨C,X⟩| + |aᵀy|) (negative at a feasible pair for max)</item>
/// <item>⟨X, Z⟩ / (1 + |⟨C,X⟩| + |aᵀy|)</item>
/// </list>
/// λ_min over the whole cone: eigenvalues of PSD blocks, entries of LP blocks, x₀ − ‖x̄‖ of
/// second-order cones. Computed on the problem as given (before any internal scaling).
/// </remarks>
public sealed record DimacsErrors(double PrimalInfeasibility, double PrimalConeViolation,
                                  double DualInfeasibility, double DualConeViolation,
                                  double ObjectiveGap, double ComplementarityGap)
{
    /// <summary>The six numbers in DIMACS order.</summary>
    public double[] ToArray() =>
        [PrimalInfeasibility, PrimalConeViolation, DualInfeasibility, DualConeViolation, ObjectiveGap, ComplementarityGap];
}
