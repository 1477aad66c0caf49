using Isac.Core.Json;

namespace Isac.Experiments.Demo;

/// <summary>Settings of <see cref="PhaseErrorExperiment"/> (scenario section <c>"phase_errors"</c>).</summary>
/// <param name="Realizations">Phase-error realizations averaged within one draw (<c>realizations</c>, default 200).</param>
/// <param name="SteeringDeg">Steering angle θ₀ in degrees (<c>steering_deg</c>, default 0).</param>
/// <param name="SpacingWavelengths">Element spacing in wavelengths (<c>spacing_wavelengths</c>, default 0.5).</param>
public sealed record PhaseErrorSettings(int Realizations = 200, double SteeringDeg = 0, double SpacingWavelengths = 0.5)
{
    /// <summary>Reads the section (null: defaults); unknown fields are errors.</summary>
    public static PhaseErrorSettings Parse(JsonCursor? section)
    {
        var d = new PhaseErrorSettings();
        if (section is not JsonCursor s) return d;
        s.ExpectOnly("realizations", "steering_deg", "spacing_wavelengths");
        return new PhaseErrorSettings(
            s.OptionalField("realizations")?.Int(1, 100_000_000) ?? d.Realizations,
            s.OptionalField("steering_deg")?.DoubleInRange(-90, 90) ?? d.SteeringDeg,
            s.OptionalField("spacing_wavelengths")?.DoubleInRange(0.01, 10) ?? d.SpacingWavelengths);
    }
}
