using System.Diagnostics;
using Isac.Conic.Io;
using Isac.Conic.Ipm;
using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Tests.Ipm;

/// <summary>
/// The double-double primal-dual run on its own, from the start, on well-posed SDPLIB problems: it must
/// converge to the tolerances (judged by the double measures at the rounded point) and agree with the
/// double solver's objective. And it is not created where it does not apply.
/// </summary>
public class ExtendedPrecisionMethodTests
{
    [SdplibTheory]
    [InlineData("control1")]
    [InlineData("truss1")]
    [InlineData("hinf1")]
    public void FromTheStart_ConvergesToTheDoubleSolversObjective(string name)
    {
        var problem = SdpaReader.ReadFile(Path.Combine(TestData.SdplibDir, name + ".dat-s"));
        var settings = new SolverSettings { Verbosity = Verbosity.Silent };
        var model = InternalModel.Build(problem, settings.DetectLowRank);
        var state = new IpmState(model, ManagedKernels.Instance, settings.PrimalFeasibilityTolerance, settings.DualFeasibilityTolerance);
        var method = ExtendedPrecisionMethod.TryCreate(model, state);
        Assert.NotNull(method);
        var (iterations, reason) = method.Run(state, settings, new IterationLogger(null, Verbosity.Silent), Stopwatch.StartNew(), default);
        var measures = state.ComputeResiduals();
        var reference = ConicSolver.Solve(problem, settings);
        if (name == "hinf1")
        {
            // No strictly feasible primal point: the double run ends ReducedAccuracy; this one must do no worse.
            Assert.True(measures.Accuracy <= reference.Accuracy, $"{name}: {measures.Accuracy:E2} vs double {reference.Accuracy:E2} ({reason})");
        }
        else
        {
            Assert.Equal(TerminationReason.Converged, reason);
            Assert.True(measures.IsOptimal(settings), $"{name}: accuracy {measures.Accuracy:E2} after {iterations} iterations");
        }
        // hinf1 against its published 2.0326 at SDPLIB's 1e-3 (the two runs stop at different points of a flat
        // end: 2.03260 here, 2.03266 in double); the others against the double solver's objective.
        var (expected, tolerance) = name == "hinf1" ? (2.0326, 1e-3) : (reference.PrimalObjective, 1e-6);
        foreach (double objective in new[] { measures.PrimalObjective, measures.DualObjective })
        {
            Assert.True(Math.Abs(objective - expected) <= tolerance * Math.Abs(expected), $"{name}: {objective:R} vs {expected:R}");
        }
    }

    [SdplibFact]
    public void LargeProblems_AreLeftToTheDoubleRun()
    {
        // theta1: m = 104 rows on a 50×50 block, about 5e7 double-double multiply-adds per iteration.
        var problem = SdpaReader.ReadFile(Path.Combine(TestData.SdplibDir, "theta1.dat-s"));
        var model = InternalModel.Build(problem, detectLowRank: true);
        var state = new IpmState(model, ManagedKernels.Instance, 1e-8, 1e-8);
        Assert.Null(ExtendedPrecisionMethod.TryCreate(model, state));
    }
}
