using Isac.Conic.Problem;

namespace Isac.Conic.Tests.Solving;

/// <summary>Bad problems are typed, one-line errors naming the constraint and block.</summary>
public class ProblemValidationTests
{
    private static ConicInputException Build(Action<ConicProblemBuilder> fill)
    {
        var b = new ConicProblemBuilder();
        fill(b);
        var e = Assert.Throws<ConicInputException>(() => b.Build());
        Assert.DoesNotContain('\n', e.Message);
        return e;
    }

    [Fact]
    public void IndexOutsideBlock_NamesConstraintAndBlock()
    {
        var e = Build(b =>
        {
            int psd = b.AddBlock(Cone.Psd(3));
            b.AddTerm(b.AddConstraint(1), psd, SparseBlockMatrix.Entry(0, 3, 1));
        });
        Assert.Contains("constraint 1, block 1", e.Message);
    }

    [Fact]
    public void NaNData_IsRejected()
    {
        var e = Build(b =>
        {
            int lp = b.AddBlock(Cone.Nonnegative(2));
            b.AddObjective(lp, SparseBlockMatrix.Vector([0], [double.NaN]));
        });
        Assert.Contains("objective", e.Message);
        Assert.Contains("NaN", e.Message);
    }

    [Fact]
    public void NonSymmetricDenseBlock_IsRejected()
    {
        var e = Build(b =>
        {
            int psd = b.AddBlock(Cone.Psd(2));
            b.AddTerm(b.AddConstraint(1), psd, new DenseBlockMatrix([1, 2, 3, 4]));
        });
        Assert.Contains("not symmetric", e.Message);
    }

    [Fact]
    public void LowRankOnVectorBlock_IsRejected()
    {
        var e = Build(b =>
        {
            int lp = b.AddBlock(Cone.Nonnegative(2));
            b.AddTerm(b.AddConstraint(1), lp, LowRankBlockMatrix.RankOne([1, 1]));
        });
        Assert.Contains("PSD block", e.Message);
    }

    [Fact]
    public void NoBlocks_IsEmptyProblem()
    {
        var e = Build(_ => { });
        Assert.Contains("no blocks", e.Message);
    }

    [Fact]
    public void ZeroConstraintRow_IsRejectedAtSolve()
    {
        var b = new ConicProblemBuilder();
        int lp = b.AddBlock(Cone.Nonnegative(2));
        b.AddTerm(b.AddConstraint(1), lp, SparseBlockMatrix.Vector([0], [1.0]));
        b.AddConstraint(0);
        var e = Assert.Throws<ConicInputException>(() => ConicSolver.Solve(b.Build()));
        Assert.Contains("constraint 2", e.Message);
    }

    [Fact]
    public void WithRightHandSide_KeepsStructureAndChangesA()
    {
        var p = RandomFeasibleTests.Generate(301, ObjectiveSense.Maximize);
        var q = p.WithRightHandSide(p.Constraints.Select(r => 2 * r.Rhs).ToArray());
        Assert.Same(p.Cones, q.Cones);
        Assert.Equal(2 * p.Constraints[3].Rhs, q.Constraints[3].Rhs);
        Assert.Same(p.Constraints[3].Terms, q.Constraints[3].Terms);
    }
}
