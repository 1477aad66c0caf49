using Isac.Conic.Problem;

namespace Isac.Conic.Ipm;

/// <summary>The interior-point loop (work in progress: the API is committed first for the modelling layer).</summary>
internal static class InteriorPointMethod
{
    public static ConicSolution Run(ConicProblem problem, SolverSettings settings, TextWriter? log, CancellationToken ct) =>
        throw new NotSupportedException("the interior-point method is not in this commit yet");
}
