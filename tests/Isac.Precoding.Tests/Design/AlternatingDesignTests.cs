using Isac.Precoding.Design;

namespace Isac.Precoding.Tests.Design;

/// <summary>Algorithm 1's driver on scripted objectives: the stopping rule, the cap, and failures.</summary>
public class AlternatingDesignTests
{
    [Fact]
    public void ObjectivesThatSettle_StopAtTheFirstIterationWithinTolerance()
    {
        var design = new Scripted([-10, -5, -4, -3.999, -3.998]);
        var outcome = design.Run(new AlternatingSettings(MaxIterations: 10, RelativeTolerance: 1e-3), default);

        Assert.True(outcome.HasSolution);
        Assert.True(outcome.Converged);
        Assert.Equal(4, outcome.Iterations.Count); // |−3.999 − (−4)| = 1e-3·4·0.25 ≤ 1e-3·4
        Assert.Equal(DesignStatus.Solved, outcome.Status);
    }

    [Fact]
    public void ObjectivesThatKeepMoving_StopAtTheCapUnconverged()
    {
        var design = new Scripted([-10, -8, -6, -4, -2]);
        var outcome = design.Run(new AlternatingSettings(MaxIterations: 3), default);

        Assert.Equal(DesignStatus.Solved, outcome.Status);
        Assert.False(outcome.Converged);
        Assert.Equal(3, outcome.Iterations.Count);
        Assert.Contains("iteration cap (3)", outcome.Message);
    }

    [Fact]
    public void InfeasibleFirstIteration_HasNoSolution()
    {
        var design = new Scripted([-1]) { FailA = 1, Infeasible = true };
        var outcome = design.Run(new AlternatingSettings(), default);

        Assert.False(outcome.HasSolution);
        Assert.Equal(DesignStatus.Infeasible, outcome.Status);
        Assert.Equal(1, outcome.FailedIteration);
    }

    [Fact]
    public void SolverFailureInALaterIteration_KeepsTheLastAcceptedIterateAndNamesTheIteration()
    {
        var design = new Scripted([-10, -5, -4]) { FailB = 2 };
        var outcome = design.Run(new AlternatingSettings(), default);

        Assert.True(outcome.HasSolution);
        Assert.Equal(DesignStatus.Solved, outcome.Status);
        Assert.Equal(2, outcome.FailedIteration);
        Assert.Contains("iteration 2: the solver failed on P.B (NumericalError)", outcome.Message);
    }

    private sealed class Scripted(double[] objectives) : AlternatingDesign
    {
        private double _current;

        public int FailA { get; init; }

        public int FailB { get; init; }

        public bool Infeasible { get; init; }

        protected override bool HasCaps => true;

        protected override double[] Objectives => [_current];

        public override RelaxedSolution Solution() => throw new NotSupportedException();

        protected override StepOutcome StepA(int iteration)
        {
            if (iteration == FailA) return Infeasible ? StepOutcome.NotFeasible("P.A") : StepOutcome.Failure("P.A", "NumericalError");
            _current = objectives[Math.Min(iteration - 1, objectives.Length - 1)];
            return StepOutcome.Success;
        }

        protected override StepOutcome StepB(int iteration) => iteration == FailB ? StepOutcome.Failure("P.B", "NumericalError") : StepOutcome.Success;

        protected override IterationRecord Record(int iteration) => new(iteration, [_current], [], [], [], double.NaN, new Dictionary<string, double>());
    }
}
