using Isac.Experiments.Demo;
using Isac.Experiments.Definitions;
using Isac.Experiments.Scenarios;

namespace Isac.Experiments.Tests.Demo;

public class PhaseErrorExperimentTests
{
    private static Scenario Scenario(string sweep, string section) => ScenarioReader.Parse(
        $$"""{ "experiment": "demo.phase-errors", "seed": 11, "sweep": {{sweep}}, "phase_errors": {{section}} }""",
        "t.json", ExperimentRegistry.Catalog, SweepSize.Full);

    [Fact]
    public void NoPhaseError_GivesExactlyTheArrayGain()
    {
        var s = Scenario("""{ "elements": [12], "phase_error_std_deg": [0], "draws": 1 }""", """{ "realizations": 5, "steering_deg": 25 }""");
        var row = s.Experiment.Evaluate(s.Grid.Point(0), s.Settings, CancellationToken.None).Single();
        Assert.Equal(12, row.Number("mean_gain"), 1e-9);
        Assert.Equal(12, row.Number("closed_form_gain"), 1e-12);
    }

    [Theory]
    [InlineData(4, 30)]
    [InlineData(16, 20)]
    [InlineData(32, 60)]
    public void MonteCarlo_AgreesWithTheClosedForm_WithinFourStandardErrors(int n, double sigmaDeg)
    {
        // Each draw is a batch mean of 2000 realizations; 20 draws give the standard error of their mean.
        var s = Scenario($$"""{ "elements": [{{n}}], "phase_error_std_deg": [{{sigmaDeg}}], "draws": 20 }""", """{ "realizations": 2000 }""");
        var draws = s.Grid.Points().Select(p => s.Experiment.Evaluate(p, s.Settings, CancellationToken.None).Single().Number("mean_gain")).ToList();
        double mean = draws.Average();
        double se = Math.Sqrt(draws.Sum(g => (g - mean) * (g - mean)) / (draws.Count - 1) / draws.Count);
        double expected = PhaseErrorExperiment.ExpectedGain(n, sigmaDeg * Math.PI / 180);
        Assert.InRange(mean, expected - 4 * se, expected + 4 * se);
        Assert.True(se < 0.02 * expected, $"the standard error {se} should be small against {expected}");
    }

    [Fact]
    public void ClosedForm_LimitsAreNAndOne()
    {
        Assert.Equal(9, PhaseErrorExperiment.ExpectedGain(9, 0), 1e-15);
        Assert.Equal(1, PhaseErrorExperiment.ExpectedGain(9, 100), 1e-15);
    }
}
