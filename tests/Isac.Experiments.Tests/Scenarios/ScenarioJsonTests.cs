using Isac.Experiments.Scenarios;

namespace Isac.Experiments.Tests.Scenarios;

public class ScenarioJsonTests
{
    [Fact]
    public void SchemaReference_PointsFromAFolderInsideTheCheckoutToTheScenarioSchema()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Isac.slnx"))) root = root.Parent!;
        string folder = Path.Combine(root.FullName, "results", "demo", "beampattern"); // need not exist

        string reference = ScenarioJson.SchemaReference(folder)!;

        Assert.Equal("../../../docs/schemas/scenario.schema.json", reference);
        Assert.True(File.Exists(Path.GetFullPath(Path.Combine(folder, reference))));
        Assert.Null(ScenarioJson.SchemaReference(Path.Combine(Path.GetTempPath(), "isac-no-checkout", "out")));
    }
}
