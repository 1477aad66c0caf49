namespace Isac.Network.Geometry;

/// <summary>The radiation pattern of every element of a BS's arrays.</summary>
public enum ElementPattern
{
    /// <summary>Isotropic elements, gain 1 in every direction (paper B's model).</summary>
    Omnidirectional,

    /// <summary>The sector element of 3GPP TR 38.901 Table 7.3-1 (65° beamwidth, 30 dB front-to-back, 8 dBi), horizontal cut.</summary>
    Tr38901Sector,
}
