using Isac.Modeling.Solutions;
using Isac.Precoding.Design;

namespace Isac.Precoding.Sdp;

/// <summary>Maps a model's status to a step outcome of Algorithm 1.</summary>
internal static class SolveOutcome
{
    /// <summary>True when values can be read.</summary>
    public static bool Usable(ModelSolution s) => s.Status is ModelStatus.Optimal or ModelStatus.OptimalInaccurate;

    /// <summary>The step outcome of a solve that was not usable.</summary>
    public static StepOutcome Failed(ModelSolution s, string problem) =>
        s.Status == ModelStatus.Infeasible ? StepOutcome.NotFeasible(problem) : StepOutcome.Failure(problem, s.Status.ToString());
}
