namespace Isac.Network.Ckm;

/// <summary>How a BS builds its channel knowledge map (Section IV).</summary>
/// <param name="Spacing">Grid step, m (paper: 0.4 = v·ΔT).</param>
/// <param name="AngularBins">N_θ, the number of angle bins of the APS (not stated in the paper).</param>
/// <param name="AngleMin">θ_min, rad (the ULA's visible region starts at −π/2).</param>
/// <param name="AngleMax">θ_max, rad.</param>
/// <param name="CodebookSize">N_b DFT beams of the RSRP measurement (paper: 64).</param>
/// <param name="Snapshots">T: RSRP measurements averaged per grid point (the APS is an expectation over T epochs; not stated).</param>
/// <param name="Sparsity">N_p: non-zero APS entries kept (paper: the number of paths, 4).</param>
/// <param name="MeasurementNoiseDb">The noise power of one RSRP snapshot relative to σ_c², dB (paper: 0, "the measurement noise power equals σ_c²").
/// A real RSRP averages the reference signal over many resource elements, which lowers it: −27 dB is an average over ~500.</param>
/// <param name="LeakageEstimate">How a map's recovered APS enters a BS's leakage: as the paper's channel estimate ĥ = Σ√α̂_i a(θ_i) (eq. (36)), or as the
/// covariance Σα̂_i a(θ_i)a(θ_i)ᴴ (the expected leakage when the path phases are random).</param>
public sealed record CkmSettings(
    double Spacing = 0.4,
    int AngularBins = 128,
    double AngleMin = -Math.PI / 2,
    double AngleMax = Math.PI / 2,
    int CodebookSize = 64,
    int Snapshots = 10,
    int Sparsity = 4,
    double MeasurementNoiseDb = 0,
    LeakageEstimate LeakageEstimate = LeakageEstimate.Channel)
{
    /// <summary>θ_i = θ_min + (i + 0.5)(θ_max − θ_min)/N_θ, i = 0 … N_θ−1 (the paper's bins, 0-based).</summary>
    public double BinAngle(int i) => AngleMin + (i + 0.5) * (AngleMax - AngleMin) / AngularBins;

    /// <summary>Bytes per stored grid point: N_p bin indices (2 bytes) and powers (4 bytes), plus a built flag.</summary>
    public int BytesPerPoint => Sparsity * (sizeof(ushort) + sizeof(float)) + 1;
}

/// <summary>How the channel knowledge map's APS enters the leakage matrix D of a BS's problem.</summary>
public enum LeakageEstimate
{
    /// <summary>
    /// Paper B, eq. (36): ĥ = Σ_i √α̂_i a(θ_i), and D = Σ_t ĥ_tĥ_tᴴ: the paths are taken as adding in phase,
    /// which suits the paper's channel model (four paths, phases within N(0, (π/5)²)).
    /// </summary>
    Channel,

    /// <summary>
    /// D = Σ_t Σ_i α̂_{t,i} a(θ_i)a(θ_i)ᴴ, the expectation of Σ_t ĥ_tĥ_tᴴ when the paths' phases are independent and
    /// uniform (38.901): E|hᴴv|² = vᴴ(Σ_i α_i a_ia_iᴴ)v. Each user contributes one rank-one term per recovered path.
    /// </summary>
    Covariance,
}
