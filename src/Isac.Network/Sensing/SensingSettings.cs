namespace Isac.Network.Sensing;

/// <summary>Parameters of the echo model and the sensing-error variances (16).</summary>
/// <param name="AngleCoefficient">a_θ (paper: 0.1).</param>
/// <param name="DelayCoefficient">a_τ (paper: 6.7e−7).</param>
/// <param name="DopplerCoefficient">a_μ (paper: 0.1).</param>
/// <param name="MatchedFilterGain">G (paper: 10).</param>
/// <param name="Threshold">c̄, the bound on every error variance in (17c) (paper: 1).</param>
/// <param name="ReceiveAntennas">N_r (paper: 64); κ² = N_t·N_r.</param>
/// <param name="Form">The radar-equation form (erratum 4).</param>
/// <param name="RadarCrossSection">σ_RCS, m², for <see cref="RadarEquationForm.TwoWay"/>.</param>
/// <param name="ReflectionFactor">|η| for <see cref="RadarEquationForm.InverseDistance"/>.</param>
/// <param name="EchoNoiseFactor">σ_z² = factor·σ_c² (the paper does not give σ_z²; default: the same thermal noise).</param>
/// <param name="InitialLocationError">Standard deviation (m, per coordinate) of the location each BS has for its users before the first echo (initial access).</param>
/// <param name="ComputedReceiveGain">False (default, the paper's approximation after (14)): the receive beam b(θ̂_prev) is taken to capture the whole echo, |b(θ̂_prev)ᴴb(θ)| = 1. True: the gain |b(θ̂_prev)ᴴb(θ)|² is computed, so a poor previous estimate weakens the next echo.</param>
public sealed record SensingSettings(
    double AngleCoefficient = 0.1,
    double DelayCoefficient = 6.7e-7,
    double DopplerCoefficient = 0.1,
    double MatchedFilterGain = 10,
    double Threshold = 1,
    int ReceiveAntennas = 64,
    RadarEquationForm Form = RadarEquationForm.TwoWay,
    double RadarCrossSection = 1,
    double ReflectionFactor = 1e-3,
    double EchoNoiseFactor = 1,
    double InitialLocationError = 1,
    bool ComputedReceiveGain = false)
{
    /// <summary>The largest coefficient a_ī = max(a_θ, a_τ, a_μ) (the binding one in (23)).</summary>
    public double LargestCoefficient => Math.Max(AngleCoefficient, Math.Max(DelayCoefficient, DopplerCoefficient));
}
