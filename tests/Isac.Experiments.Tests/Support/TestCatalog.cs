using Isac.Experiments.Definitions;
using Isac.Experiments.Scenarios;

namespace Isac.Experiments.Tests.Support;

public static class TestCatalog
{
    public static ExperimentCatalog Catalog { get; } = new([new NoiseExperiment(), .. ExperimentRegistry.Catalog.All]);

    public static Scenario Parse(string json, SweepSize size = SweepSize.Full) => ScenarioReader.Parse(json, "test.json", Catalog, size);

    public static Scenario Noise(string extra = "", ulong seed = 7) =>
        Parse($$"""{ "experiment": "test.noise", "seed": {{seed}} {{extra}} }""");
}
