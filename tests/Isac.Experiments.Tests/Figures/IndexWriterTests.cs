using Isac.Experiments.Definitions;
using Isac.Experiments.Runs;
using Isac.Experiments.Scenarios;
using Isac.Experiments.Sweeps;
using Isac.Experiments.Tests.Support;

namespace Isac.Experiments.Tests.Figures;

public class IndexWriterTests
{
    [Fact]
    public void DemoQuick_EndToEnd_WritesCsvPngSvgAndAnIndexThatLinksThem()
    {
        using var tmp = new TempFolder();
        var items = ExperimentRegistry.Catalog.Select("demo", null)
            .Select(e => new JobItem(ScenarioReader.BuiltIn(e, SweepSize.Quick), ExperimentJob.FolderFor(tmp.Path, e)))
            .ToList();

        var outcome = ExperimentJob.Run(items, tmp.Path, new SweepOptions { Threads = 2 }, SilentSweepObserver.Instance, CancellationToken.None);

        Assert.All(outcome.Sweeps, s => Assert.True(s.Complete));
        string index = File.ReadAllText(outcome.IndexPath!);
        foreach (var list in outcome.Figures)
        {
            Assert.Contains($"(`{list.Experiment}`)", index);
            foreach (var f in list.Figures)
            {
                foreach (string file in f.Files)
                {
                    string rel = list.Experiment.Replace('.', '/') + "/" + file;
                    Assert.True(File.Exists(Path.Combine(tmp.Path, rel)), rel);
                    Assert.Contains($"]({rel})", index);
                }
            }
        }
        Assert.Contains("| `elements` |  | 4, 8, 16 |", index);
        Assert.Contains("Seed 1; 8 draws per parameter combination; 144 points", index);
    }
}
