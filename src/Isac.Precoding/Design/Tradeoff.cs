namespace Isac.Precoding.Design;

/// <summary>
/// The objective of (P1)-(P4): maximise ρ·(−CRB)/NF_R + (1−ρ)·γ/NF_C, with the normalisation
/// factors from the ρ = 1 and ρ = 0 designs.
/// </summary>
/// <param name="Weight">ρ ∈ [0, 1].</param>
/// <param name="BoundNormalizer">NF_R per unit (BS in CBF, network in CoMP): the CRB(θ) in rad² of the ρ = 1 design (1 when ρ ∈ {0, 1}).</param>
/// <param name="GammaNormalizer">NF_C per unit: the linear γ of the ρ = 0 design (1 when ρ ∈ {0, 1}).</param>
internal sealed record Tradeoff(double Weight, double[] BoundNormalizer, double[] GammaNormalizer)
{
    /// <summary>ρ = 1: minimise the CRB with γ fixed at the threshold.</summary>
    public bool SensingOnly => Weight == 1;

    /// <summary>γ is a variable (ρ &lt; 1), else fixed at the threshold.</summary>
    public bool GammaIsVariable => Weight < 1;

    /// <summary>The pure objective ρ = <paramref name="weight"/> without normalisation (ρ = 0 or 1).</summary>
    public static Tradeoff Pure(double weight, int units) => new(weight, Enumerable.Repeat(1.0, units).ToArray(), Enumerable.Repeat(1.0, units).ToArray());
}
