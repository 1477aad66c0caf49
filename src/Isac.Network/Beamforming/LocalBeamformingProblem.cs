using Complex = System.Numerics.Complex;
using Isac.Network.Surrogates;

namespace Isac.Network.Beamforming;

/// <summary>
/// One BS's beamforming problem (17): maximise Σ_k w_k log2(1 + γ̃_k) over the beams of its
/// scheduled users, subject to Σ_k ‖v_k‖² ≤ P and, optionally, the sensing constraints.
/// </summary>
/// <param name="Channels">h_k: the BS's channels to its K scheduled users (K rows of N_t).</param>
/// <param name="LeakageChannels">ĥ^{ℓ,t}: the BS's channels to the other cells' scheduled users (from the CKM or perfect).</param>
/// <param name="Weights">w_k = 1/R̂_k, the proportional-fair weights.</param>
/// <param name="Noise">σ_c², watts.</param>
/// <param name="Power">P_ℓ, watts.</param>
/// <param name="Surrogate">SALINR or SLINR.</param>
/// <param name="Sensing">The sensing constraints, or null for a communication-only design.</param>
/// <param name="InitialBeams">Starting beams (null: regularised zero forcing with equal power).</param>
public sealed record LocalBeamformingProblem(
    IReadOnlyList<Complex[]> Channels,
    IReadOnlyList<Complex[]> LeakageChannels,
    IReadOnlyList<double> Weights,
    double Noise,
    double Power,
    LeakageSurrogate Surrogate,
    SensingConstraints? Sensing = null,
    IReadOnlyList<Complex[]>? InitialBeams = null)
{
    /// <summary>Number of scheduled users K.</summary>
    public int Users => Channels.Count;

    /// <summary>Number of transmit antennas N_t.</summary>
    public int Antennas => Channels.Count == 0 ? 0 : Channels[0].Length;
}
