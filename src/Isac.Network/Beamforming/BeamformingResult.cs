using Complex = System.Numerics.Complex;

namespace Isac.Network.Beamforming;

/// <summary>What a beamformer returns.</summary>
/// <param name="Beams">v_k, aligned with the problem's users.</param>
/// <param name="ObjectiveTrace">The virtual PFR Σ_k w_k log2(1 + γ̃_k) at the start and after each FP iteration (index 0 = initial beams).</param>
/// <param name="InnerIterations">Total inner iterations over all FP iterations (dual steps for DualOpt, interior-point iterations for SDR).</param>
/// <param name="MaxSensingViolation">Largest relative violation max_k (φ_k − ρ|a_kᴴv_k|²)⁺/φ_k of the sensing constraints at the output (0 when none or all met).</param>
public sealed record BeamformingResult(Complex[][] Beams, IReadOnlyList<double> ObjectiveTrace, int InnerIterations, double MaxSensingViolation)
{
    /// <summary>Number of FP (outer) iterations run.</summary>
    public int OuterIterations => ObjectiveTrace.Count - 1;

    /// <summary>Why the iterations stopped early (e.g. a solver status), or null when they ran to their own stopping rule.</summary>
    public string? Failure { get; init; }

    /// <summary>
    /// For a beamformer that relaxes the beams to covariances (the SDR baseline): the largest λ₂/λ₁ over the users'
    /// covariances of the last relaxation solved (0: every covariance of rank one, the relaxation was tight); NaN for
    /// beamformers that work on the beams directly.
    /// </summary>
    public double RelaxationRankRatio { get; init; } = double.NaN;

    /// <summary>For beamformers built on the modelling layer: time spent compiling the models and inside the conic solver (zero otherwise).</summary>
    public (TimeSpan Compile, TimeSpan Solver) ModelTime { get; init; }
}
