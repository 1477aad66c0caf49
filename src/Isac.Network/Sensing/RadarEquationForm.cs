namespace Isac.Network.Sensing;

/// <summary>
/// How the echo amplitude β depends on the distance (paper B's erratum 4: its β̂ = η/(τ̂c) leaves
/// η undefined).
/// </summary>
public enum RadarEquationForm
{
    /// <summary>
    /// The monostatic radar equation: |β|² = λ²σ_RCS / ((4π)³d⁴), d = cτ/2 (the default; every
    /// quantity in it is physical and stated: λ from f_c, σ_RCS from the scenario).
    /// </summary>
    TwoWay,

    /// <summary>
    /// The form the paper prints, from its reference [27]: β = η/(2d) = η/(τc), |β|² = |η|²/(4d²),
    /// with η (the reflection factor) given by the scenario.
    /// </summary>
    InverseDistance,
}
