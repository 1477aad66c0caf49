namespace Isac.Network.Channels;

/// <summary>
/// Parameters of the channel model: which model (<see cref="Model"/>), the array and carrier every
/// model uses, paper B's parameters (eqs. (37), (38), Section V, with the values the paper leaves
/// open made explicit), and the heights the 38.901 models need.
/// </summary>
/// <param name="TransmitAntennas">N_t (paper: 32).</param>
/// <param name="CarrierHz">f_c (paper: 30 GHz).</param>
/// <param name="ReferencePathGainDb">α0: path gain at 1 m, dB (paper: −60).</param>
/// <param name="PathLossExponent">η (paper: 2).</param>
/// <param name="IntraCellPaths">N_p of eq. (37): one LoS path plus N_p − 1 NLoS paths (paper: 4, stated for (38); not stated for (37)).</param>
/// <param name="NlosRatioMin">Lower end of α_1/α_q ~ U(a, b) (paper: 4).</param>
/// <param name="NlosRatioMax">Upper end (paper: 9).</param>
/// <param name="PhaseStdRad">Standard deviation of the per-epoch path phases w ~ N(0, s²) (paper: π/5 for (38); the same is used for (37)).</param>
/// <param name="InterCellPaths">N_p of eq. (38) (paper: 4).</param>
/// <param name="ScattererDensityPerKm2">Density of the point scatterers that make the inter-cell paths location-dependent (not in the paper).</param>
/// <param name="Model">The channel model (default: paper B's).</param>
/// <param name="BsHeight">BS antenna height for the 38.901 models, m (null: 10 m for UMi, 25 m for UMa, Table 7.4.1-1).</param>
/// <param name="UtHeight">User antenna height for the 38.901 models, m (1.5 m).</param>
public sealed record ChannelSettings(
    int TransmitAntennas = 32,
    double CarrierHz = 30e9,
    double ReferencePathGainDb = -60,
    double PathLossExponent = 2,
    int IntraCellPaths = 4,
    double NlosRatioMin = 4,
    double NlosRatioMax = 9,
    double PhaseStdRad = Math.PI / 5,
    int InterCellPaths = 4,
    double ScattererDensityPerKm2 = 1000,
    ChannelModelKind Model = ChannelModelKind.Paper,
    double? BsHeight = null,
    double UtHeight = 1.5)
{
    /// <summary>The BS height the 38.901 models use, m.</summary>
    public double BsHeightMeters => BsHeight ?? (Model == ChannelModelKind.Tr38901Uma ? 25 : 10);

    /// <summary>α0 as a linear power gain.</summary>
    public double ReferencePathGain => Math.Pow(10, ReferencePathGainDb / 10);

    /// <summary>Wavelength λ = c/f_c, m.</summary>
    public double Wavelength => SpeedOfLight / CarrierHz;

    /// <summary>Speed of light, m/s.</summary>
    public const double SpeedOfLight = 299_792_458.0;

    /// <summary>Path gain α0·d^−η at distance d (m).</summary>
    public double PathGain(double distance) => ReferencePathGain * Math.Pow(distance, -PathLossExponent);
}
