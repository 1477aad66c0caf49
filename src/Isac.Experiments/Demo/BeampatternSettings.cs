using Isac.Core.Json;

namespace Isac.Experiments.Demo;

/// <summary>Settings of <see cref="BeampatternExperiment"/> (scenario section <c>"beampattern"</c>).</summary>
/// <param name="SpacingWavelengths">Element spacing d in wavelengths (<c>spacing_wavelengths</c>, default 0.5).</param>
/// <param name="AngleStepDeg">Step of the angle grid from −90° to 90° (<c>angle_step_deg</c>, default 0.5).</param>
/// <param name="FloorDb">Lowest gain shown in the plots (<c>floor_db</c>, default −40); the CSV keeps the exact values.</param>
public sealed record BeampatternSettings(double SpacingWavelengths = 0.5, double AngleStepDeg = 0.5, double FloorDb = -40)
{
    /// <summary>Reads the section (null: defaults); unknown fields are errors.</summary>
    public static BeampatternSettings Parse(JsonCursor? section)
    {
        var d = new BeampatternSettings();
        if (section is not JsonCursor s) return d;
        s.ExpectOnly("spacing_wavelengths", "angle_step_deg", "floor_db");
        return new BeampatternSettings(
            s.OptionalField("spacing_wavelengths")?.DoubleInRange(0.01, 10) ?? d.SpacingWavelengths,
            s.OptionalField("angle_step_deg")?.DoubleInRange(0.001, 10) ?? d.AngleStepDeg,
            s.OptionalField("floor_db")?.DoubleInRange(-400, -1) ?? d.FloorDb);
    }
}
