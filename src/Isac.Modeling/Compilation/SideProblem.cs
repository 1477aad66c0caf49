using Isac.Conic;
using Isac.Conic.Problem;
using Isac.Modeling.Solutions;

namespace Isac.Modeling.Compilation;

/// <summary>A cone program put on one side of the duality, with the maps back to the model's scalars and multipliers.</summary>
internal sealed class SideProblem
{
    public required ConicProblem Problem { get; init; }

    /// <summary>Maps a solution of <see cref="Problem"/> (after any block rewrite) to the blocks the maps below read.</summary>
    public Func<ConicSolution, ConicSolution> MapBack { get; init; } = s => s;

    public required FormulationSide Side { get; init; }

    /// <summary>The model's real scalars x (zero where unused) from a solver solution.</summary>
    public required Func<ConicSolution, double[]> Scalars { get; init; }

    /// <summary>The multipliers μ of cone constraint k (one per row) from a solver solution.</summary>
    public required Func<ConicSolution, int, double[]> Multipliers { get; init; }

    /// <summary>The constant term of the objective the solver sees (changed by substitutions).</summary>
    public required double ObjectiveConstant { get; init; }

    /// <summary>Number of (row, block) data passed to the solver in low-rank form.</summary>
    public required int LowRankTerms { get; init; }

    /// <summary>f_min at the solver's point of the side that holds x, and the bound from the other side.</summary>
    public (double Value, double Bound) Objectives(ConicSolution s) =>
        Side == FormulationSide.ConeVariables ? (s.PrimalObjective, s.DualObjective) : (-s.DualObjective, -s.PrimalObjective);

    /// <summary>The model's status from the solver's (infeasibility of (P) or (D) means different things on the two sides).</summary>
    public ModelStatus Status(SolverStatus status) => status switch
    {
        SolverStatus.Solved => ModelStatus.Optimal,
        SolverStatus.ReducedAccuracy => ModelStatus.OptimalInaccurate,
        SolverStatus.PrimalInfeasible => Side == FormulationSide.ConeVariables ? ModelStatus.Infeasible : ModelStatus.Unbounded,
        SolverStatus.DualInfeasible => Side == FormulationSide.ConeVariables ? ModelStatus.Unbounded : ModelStatus.Infeasible,
        SolverStatus.MaxIterations => ModelStatus.IterationLimit,
        SolverStatus.TimeLimit => ModelStatus.TimeLimit,
        SolverStatus.Cancelled => ModelStatus.Cancelled,
        _ => ModelStatus.NumericalError,
    };
}
