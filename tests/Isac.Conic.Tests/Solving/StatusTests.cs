using Isac.Conic.Problem;

namespace Isac.Conic.Tests.Solving;

/// <summary>Every status other than Solved, with the certificates the statuses promise.</summary>
public class StatusTests
{
    private static readonly SolverSettings Quiet = new() { Verbosity = Verbosity.Silent };

    [Fact]
    public void PrimalInfeasibleSdp_ReturnsCertificateWithNegativeCost()
    {
        // X ⪰ 0 (2×2) with X₁₁ = −1 and X₂₂ = 1: no X exists. A certificate y has aᵀy = −1 and
        // Σ yᵢ Aᵢ ⪰ 0 (here y₁ > 0 weighs X₁₁).
        var b = new ConicProblemBuilder();
        int psd = b.AddBlock(Cone.Psd(2));
        b.AddObjective(psd, SparseBlockMatrix.Entry(0, 1, 1.0));
        b.AddTerm(b.AddConstraint(-1), psd, SparseBlockMatrix.Entry(0, 0, 1.0));
        b.AddTerm(b.AddConstraint(1), psd, SparseBlockMatrix.Entry(1, 1, 1.0));
        var s = ConicSolver.Solve(b.Build(), Quiet);
        Assert.Equal(SolverStatus.PrimalInfeasible, s.Status);
        Assert.Equal(-1.0, -s.Y[0] + s.Y[1], 6);
        // Σ yᵢ Aᵢ = diag(y₁, y₂) must be PSD.
        Assert.True(s.Y[0] >= -1e-6 && s.Y[1] >= -1e-6);
    }

    [Fact]
    public void UnboundedLp_IsDualInfeasibleWithRay()
    {
        // max x₁ s.t. x₁ − x₂ = 0, x ≥ 0: unbounded, ray X = (1, 1)/1 with A X = 0 and ⟨C, X⟩ = 1.
        var b = new ConicProblemBuilder();
        int lp = b.AddBlock(Cone.Nonnegative(2));
        b.AddObjective(lp, SparseBlockMatrix.Vector([0], [1.0]));
        b.AddTerm(b.AddConstraint(0), lp, SparseBlockMatrix.Vector([0, 1], [1.0, -1.0]));
        var s = ConicSolver.Solve(b.Build(), Quiet);
        Assert.Equal(SolverStatus.DualInfeasible, s.Status);
        Assert.Equal(1.0, s.PrimalObjective, 9);
        Assert.True(Math.Abs(s.X[0][0] - s.X[0][1]) < 1e-6);
        Assert.True(s.X[0].All(v => v >= 0));
    }

    [Fact]
    public void IterationLimit_IsMaxIterations()
    {
        var p = RandomFeasibleTests.Generate(201, ObjectiveSense.Maximize);
        var s = ConicSolver.Solve(p, Quiet with { MaxIterations = 2 });
        Assert.Equal(SolverStatus.MaxIterations, s.Status);
        Assert.Equal(2, s.Iterations);
    }

    [Fact]
    public void TinyTimeLimit_IsTimeLimit()
    {
        var p = RandomFeasibleTests.Generate(202, ObjectiveSense.Maximize);
        var s = ConicSolver.Solve(p, Quiet with { TimeLimit = TimeSpan.FromTicks(1) });
        Assert.Equal(SolverStatus.TimeLimit, s.Status);
    }

    [Fact]
    public void CancelledToken_IsCancelledWithTheStartingPoint()
    {
        var p = RandomFeasibleTests.Generate(203, ObjectiveSense.Maximize);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var s = ConicSolver.Solve(p, Quiet, null, cts.Token);
        Assert.Equal(SolverStatus.Cancelled, s.Status);
        Assert.Equal(0, s.Iterations);
        Assert.Equal(p.Cones.Count, s.X.Count);
    }

    [Theory]
    [InlineData("gap")]
    [InlineData("primal")]
    [InlineData("dual")]
    [InlineData("iterations")]
    [InlineData("time")]
    [InlineData("threads")]
    public void InvalidSetting_ThrowsNamingIt(string which)
    {
        var settings = which switch
        {
            "gap" => new SolverSettings { RelativeGapTolerance = 0 },
            "primal" => new SolverSettings { PrimalFeasibilityTolerance = double.NaN },
            "dual" => new SolverSettings { DualFeasibilityTolerance = 2 },
            "iterations" => new SolverSettings { MaxIterations = 0 },
            "time" => new SolverSettings { TimeLimit = TimeSpan.Zero },
            _ => new SolverSettings { Threads = -1 },
        };
        var e = Assert.Throws<ConicInputException>(() => ConicSolver.Solve(RandomFeasibleTests.Generate(204, ObjectiveSense.Maximize), settings));
        Assert.StartsWith("settings:", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Log_HasBannerOneRowPerIterationAndSummary()
    {
        var p = RandomFeasibleTests.Generate(205, ObjectiveSense.Maximize);
        var log = new StringWriter();
        var s = ConicSolver.Solve(p, new SolverSettings(), log);
        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("dense kernels: " + s.Backend));
        Assert.Contains(lines, l => l.Contains("alpha_p"));
        int rows = lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+\d+\s+[-\d]"));
        Assert.Equal(s.Iterations + 1, rows);
        Assert.Contains(lines, l => l.Contains($"status: {s.Status}"));
        var silent = new StringWriter();
        ConicSolver.Solve(p, new SolverSettings { Verbosity = Verbosity.Silent }, silent);
        Assert.Equal("", silent.ToString());
    }
}
