using Complex = System.Numerics.Complex;

namespace Isac.Network.Beamforming;

/// <summary>
/// The sensing-error constraints (17c) of one BS in the form the beamformers use: for every
/// scheduled user k, Σ_{j≠k} |a_kᴴ v_j|² + n_k ≤ ρ·|a_kᴴ v_k|².
/// </summary>
/// <remarks>
/// Eq. (16) gives σ²_{k,i} = a_i²(Σ_{j≠k} Gκ²|β_k|²|a_kᴴv_j|² + σ_z²)/(Gκ²|β_k|²|a_kᴴv_k|²); requiring
/// it ≤ c̄ for the largest a_i (ī = argmax a_i, eq. (23)) and dividing by g_k = Gκ²|β̂_k|² gives the
/// form above with n_k = σ_z²/g_k and ρ = c̄/a_ī². Dividing by g_k leaves the feasible set unchanged
/// and puts every constraint in watts, like the power constraint, so one dual step size fits all
/// multipliers (the paper's μ_k equal ours divided by g_k).
/// </remarks>
/// <param name="Steering">a_k = a(θ̂_k), the transmit response toward each user's estimated angle.</param>
/// <param name="NoiseTerm">n_k = σ_z²/(Gκ²|β̂_k|²), watts.</param>
/// <param name="Ratio">ρ = c̄/max_i a_i².</param>
public sealed record SensingConstraints(IReadOnlyList<Complex[]> Steering, IReadOnlyList<double> NoiseTerm, double Ratio);
