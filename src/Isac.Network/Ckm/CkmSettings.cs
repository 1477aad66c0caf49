namespace Isac.Network.Ckm;

/// <summary>How a BS builds its channel knowledge map (Section IV).</summary>
/// <param name="Spacing">Grid step, m (paper: 0.4 = v·ΔT).</param>
/// <param name="AngularBins">N_θ, the number of angle bins of the APS (not stated in the paper).</param>
/// <param name="AngleMin">θ_min, rad (the ULA's visible region starts at −π/2).</param>
/// <param name="AngleMax">θ_max, rad.</param>
/// <param name="CodebookSize">N_b DFT beams of the RSRP measurement (paper: 64).</param>
/// <param name="Snapshots">T: RSRP measurements averaged per grid point (the APS is an expectation over T epochs; not stated).</param>
/// <param name="Sparsity">N_p: non-zero APS entries kept (paper: the number of paths, 4).</param>
public sealed record CkmSettings(
    double Spacing = 0.4,
    int AngularBins = 128,
    double AngleMin = -Math.PI / 2,
    double AngleMax = Math.PI / 2,
    int CodebookSize = 64,
    int Snapshots = 10,
    int Sparsity = 4)
{
    /// <summary>θ_i = θ_min + (i + 0.5)(θ_max − θ_min)/N_θ, i = 0 … N_θ−1 (the paper's bins, 0-based).</summary>
    public double BinAngle(int i) => AngleMin + (i + 0.5) * (AngleMax - AngleMin) / AngularBins;

    /// <summary>Bytes per stored grid point: N_p bin indices (2 bytes) and powers (4 bytes), plus a built flag.</summary>
    public int BytesPerPoint => Sparsity * (sizeof(ushort) + sizeof(float)) + 1;
}
