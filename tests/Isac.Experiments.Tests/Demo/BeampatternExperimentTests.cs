using Isac.Experiments.Demo;
using Isac.Experiments.Definitions;
using Isac.Experiments.Scenarios;

namespace Isac.Experiments.Tests.Demo;

public class BeampatternExperimentTests
{
    private const double Tight = 1e-9;

    private static List<(double Angle, double Gain)> Pattern(int n, double steeringDeg, string section = "")
    {
        var s = ScenarioReader.Parse($$"""
            { "experiment": "demo.beampattern", "sweep": { "elements": [{{n}}], "steering_deg": [{{steeringDeg}}] } {{section}} }
            """, "t.json", ExperimentRegistry.Catalog, SweepSize.Full);
        return s.Experiment.Evaluate(s.Grid.Point(0), s.Settings, CancellationToken.None)
            .Select(r => (r.Number("angle_deg"), r.Number("gain"))).ToList();
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(16, 40)]
    [InlineData(7, -20)]
    public void Peak_IsTheArrayGainN_AtTheSteeringAngle(int n, double steering)
    {
        var p = Pattern(n, steering);
        var peak = p.MaxBy(x => x.Gain);
        Assert.Equal(steering, peak.Angle);
        Assert.Equal(n, peak.Gain, Tight * n);
    }

    [Fact]
    public void Gain_MatchesTheClosedFormArrayFactor()
    {
        // |Σ e^{jπn(sinθ0 − sinθ)}|²/N = sin²(Nψ/2) / (N sin²(ψ/2)), ψ = π(sinθ0 − sinθ): an independent formula.
        const int n = 8;
        double t0 = 30 * Math.PI / 180;
        foreach (var (angle, gain) in Pattern(n, 30, """, "beampattern": { "angle_step_deg": 7.5 }"""))
        {
            double psi = Math.PI * (Math.Sin(t0) - Math.Sin(angle * Math.PI / 180));
            double expected = Math.Abs(Math.Sin(psi / 2)) < 1e-12 ? n : Math.Pow(Math.Sin(n * psi / 2), 2) / (n * Math.Pow(Math.Sin(psi / 2), 2));
            Assert.Equal(expected, gain, 1e-9);
        }
    }

    [Fact]
    public void AngleGrid_RunsFromMinus90To90WithTheGivenStep()
    {
        var p = Pattern(4, 0, """, "beampattern": { "angle_step_deg": 0.25 }""");
        Assert.Equal(721, p.Count);
        Assert.Equal(-90, p[0].Angle);
        Assert.Equal(90, p[^1].Angle);
        Assert.Equal(-45, p[180].Angle);
    }

    [Fact]
    public void RadiatedPower_IntegratesToTheInputPower()
    {
        // For d = λ/2, (1/2)∫ G(θ) cosθ dθ over [−π/2, π/2] = (1/2)∫ G du over u = sinθ ∈ [−1, 1] = ‖w‖² = 1:
        // the gain is relative to one isotropic element fed with the same power. Trapezoid rule on a fine grid.
        var p = Pattern(10, 17, """, "beampattern": { "angle_step_deg": 0.01 }""");
        double integral = 0;
        for (int k = 1; k < p.Count; k++)
        {
            double a0 = p[k - 1].Angle * Math.PI / 180, a1 = p[k].Angle * Math.PI / 180;
            integral += 0.5 * (p[k - 1].Gain * Math.Cos(a0) + p[k].Gain * Math.Cos(a1)) * (a1 - a0);
        }
        Assert.Equal(1.0, integral / 2, 1e-6);
    }
}
