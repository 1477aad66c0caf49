using Isac.Conic.Io;
using Isac.Conic.Problem;

namespace Isac.Conic.Tests.Solving;

/// <summary>
/// Every exit of the interior-point loop names its reason (<see cref="ConicSolution.Termination"/>), and
/// <see cref="SolverStatus.Solved"/> is reported only when every measure met its tolerance, the
/// scale-free objective gap included.
/// </summary>
public class TerminationReasonTests
{
    private static readonly SolverSettings Quiet = new() { Verbosity = Verbosity.Silent };

    /// <summary>The invariant behind every status: Solved means the four measures are within the
    /// tolerances at the returned point; ReducedAccuracy within 1000× of them.</summary>
    internal static void AssertStatusHonest(ConicSolution s, SolverSettings settings, string name)
    {
        double tol = Math.Max(settings.RelativeGapTolerance, Math.Max(settings.PrimalFeasibilityTolerance, settings.DualFeasibilityTolerance));
        double objectiveGap = Math.Abs(s.PrimalObjective - s.DualObjective) / (Math.Abs(s.PrimalObjective) + Math.Abs(s.DualObjective));
        switch (s.Status)
        {
            case SolverStatus.Solved:
                Assert.Equal(TerminationReason.Converged, s.Termination);
                Assert.True(s.Accuracy <= tol, $"{name}: Solved at accuracy {s.Accuracy:E2}");
                Assert.True(s.Dimacs.PrimalInfeasibility <= settings.PrimalFeasibilityTolerance
                            && s.Dimacs.DualInfeasibility <= settings.DualFeasibilityTolerance,
                    $"{name}: Solved with DIMACS {string.Join(" ", s.Dimacs.ToArray())}");
                // Unless the objectives' terms cancel (then the gap is relative to the terms), the
                // objectives agree to the tolerance relative to themselves, not to 1 + |objective|.
                Assert.True(objectiveGap <= tol || s.ObjectiveGap <= tol && Math.Abs(s.PrimalObjective) < 1e-6,
                    $"{name}: Solved with objectives {s.PrimalObjective:R} / {s.DualObjective:R} ({objectiveGap:E2} apart)");
                break;
            case SolverStatus.ReducedAccuracy:
                Assert.NotEqual(TerminationReason.Converged, s.Termination);
                Assert.True(s.Accuracy > tol && s.Accuracy <= 1000 * tol, $"{name}: ReducedAccuracy at {s.Accuracy:E2}");
                break;
        }
    }

    [Fact]
    public void IterationLimit_IsNamed()
    {
        var p = RandomFeasibleTests.Generate(211, ObjectiveSense.Maximize);
        var s = ConicSolver.Solve(p, Quiet with { MaxIterations = 3 });
        Assert.Equal(SolverStatus.MaxIterations, s.Status);
        Assert.Equal(TerminationReason.IterationLimit, s.Termination);
        Assert.Equal(3, s.Iterations);
        Assert.True(s.Accuracy > Quiet.RelativeGapTolerance, $"accuracy {s.Accuracy:E2} after 3 iterations");
    }

    [Fact]
    public void TimeLimitAndCancellation_AreNamed()
    {
        var p = RandomFeasibleTests.Generate(212, ObjectiveSense.Maximize);
        var timed = ConicSolver.Solve(p, Quiet with { TimeLimit = TimeSpan.FromTicks(1) });
        Assert.Equal((SolverStatus.TimeLimit, TerminationReason.TimeLimit), (timed.Status, timed.Termination));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var cancelled = ConicSolver.Solve(p, Quiet, null, cts.Token);
        Assert.Equal((SolverStatus.Cancelled, TerminationReason.Cancelled), (cancelled.Status, cancelled.Termination));
    }

    [Fact]
    public void SolvedProblem_IsConvergedWithItsAccuracy()
    {
        var p = RandomFeasibleTests.Generate(213, ObjectiveSense.Minimize);
        var s = ConicSolver.Solve(p, Quiet);
        Assert.Equal((SolverStatus.Solved, TerminationReason.Converged), (s.Status, s.Termination));
        AssertStatusHonest(s, Quiet, "random 213");
        Assert.True(s.ObjectiveGap <= 1e-8 && s.ComplementarityGap <= 1e-8);
    }

    /// <summary>
    /// Two rows that are the same constraint make the Schur complement singular: its plain Cholesky
    /// factorisation fails at the first iteration. With the diagonal shifts switched off that is where
    /// the solve ends, named, and NumericalError (the starting point is far from the tolerances).
    /// With the shifts (the default) the same problem is solved.
    /// </summary>
    [Fact]
    public void SingularSchurComplement_WithoutShifts_IsNamed()
    {
        var b = new ConicProblemBuilder();
        int psd = b.AddBlock(Cone.Psd(2));
        b.AddObjective(psd, SparseBlockMatrix.Entry(0, 1, 1.0));
        b.AddTerm(b.AddConstraint(1), psd, new SparseBlockMatrix([0, 1], [0, 1], [1, 1]));
        b.AddTerm(b.AddConstraint(1), psd, new SparseBlockMatrix([0, 1], [0, 1], [1, 1]));
        var p = b.Build();
        var failed = ConicSolver.Solve(p, Quiet with { SchurShiftAttempts = 0 });
        Assert.Equal(TerminationReason.SchurNotPositiveDefinite, failed.Termination);
        Assert.Equal(SolverStatus.NumericalError, failed.Status);
        Assert.Equal(0, failed.Iterations);
        var solved = ConicSolver.Solve(p, Quiet);
        Assert.Equal(SolverStatus.Solved, solved.Status);
        Assert.Equal(1.0, solved.PrimalObjective, 6);     // max 2 X₁₂ s.t. tr X = 1: X = [[½, ½], [½, ½]]
    }

    /// <summary>
    /// max X₁₁ + 2 X₁₂ s.t. X₁₁ = 1, X₂₂ = 0: X₂₂ = 0 forces X₁₂ = 0, so (P) has no strictly feasible
    /// point and (D) no optimal point (y₂ → ∞); optimum 1. CSDP 6.2 reports "Success" here with its
    /// primal and dual objectives 4.5e-7 apart; Solved means they agree to the tolerance.
    /// </summary>
    [Fact]
    public void NoStrictlyFeasiblePoint_SolvedOnlyWithTheObjectivesAgreeing()
    {
        var b = new ConicProblemBuilder();
        int psd = b.AddBlock(Cone.Psd(2));
        b.AddObjective(psd, new SparseBlockMatrix([0, 0], [0, 1], [1, 1]));
        b.AddTerm(b.AddConstraint(1), psd, SparseBlockMatrix.Entry(0, 0, 1.0));
        b.AddTerm(b.AddConstraint(0), psd, SparseBlockMatrix.Entry(1, 1, 1.0));
        var s = ConicSolver.Solve(b.Build(), Quiet);
        Assert.True(s.Status is SolverStatus.Solved or SolverStatus.ReducedAccuracy, $"{s.Status} ({s.Termination})");
        AssertStatusHonest(s, Quiet, "no interior");
        Assert.Equal(1.0, s.PrimalObjective, 6);
    }

    /// <summary>
    /// qap6 has no strictly feasible primal point: the objective gap stops near 5e-6 while the
    /// complementarity and both infeasibilities converge (the solver at 4416a18 reported Solved there,
    /// primal −381.4263 and dual −381.4324). Now it ends ReducedAccuracy by a stall, or Solved only with
    /// the gap below the tolerance; the objective is right to the published digits either way.
    /// </summary>
    [SdplibFact]
    public void Qap6_StallsWithReducedAccuracyOrReachesTheTolerance()
    {
        var s = ConicSolver.Solve(SdpaReader.ReadFile(Path.Combine(TestData.SdplibDir, "qap6.dat-s")), Quiet);
        AssertStatusHonest(s, Quiet, "qap6");
        if (s.Status == SolverStatus.ReducedAccuracy)
        {
            Assert.Equal(TerminationReason.Stall, s.Termination);
            Assert.True(s.ObjectiveGap > 1e-8, $"objective gap {s.ObjectiveGap:E2}");
        }
        else
        {
            Assert.Equal(SolverStatus.Solved, s.Status);
        }
        Assert.True(Math.Abs(s.DualObjective + 381.44) <= 0.01, $"dual objective {s.DualObjective:R}");
    }

    [Fact]
    public void Log_NamesTheReasonAndTheAccuracy()
    {
        var p = RandomFeasibleTests.Generate(214, ObjectiveSense.Maximize);
        var log = new StringWriter();
        var s = ConicSolver.Solve(p, new SolverSettings { Verbosity = Verbosity.Summary, MaxIterations = 2 }, log);
        string text = log.ToString();
        Assert.Contains("status: MaxIterations (iteration limit)", text);
        Assert.Contains("accuracy reached:", text);
        Assert.Equal(TerminationReason.IterationLimit, s.Termination);
    }
}
