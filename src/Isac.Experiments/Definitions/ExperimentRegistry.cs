using Isac.Experiments.Demo;
using Isac.Experiments.PaperA;
using Isac.Experiments.PaperB;

namespace Isac.Experiments.Definitions;

/// <summary>
/// Every experiment <c>isac reproduce</c> and <c>isac run</c> know. Paper figures are registered
/// in <see cref="PaperAFigures"/> and <see cref="PaperBFigures"/>, one line each.
/// </summary>
public static class ExperimentRegistry
{
    /// <summary>The catalog of registered experiments: demonstrations, then paper A, then paper B.</summary>
    public static ExperimentCatalog Catalog { get; } = new(
        DemoFigures.All.Concat(PaperAFigures.All).Concat(PaperBFigures.All));
}
