using Isac.Conic.Io;
using Isac.Conic.Problem;
using Isac.Conic.Tests.Kkt;

namespace Isac.Conic.Tests.Solving;

/// <summary>
/// Problems with m = 0 rows: max ⟨C, X⟩ over the cones alone. (P) is bounded exactly when −C lies in
/// the dual cone K* = K, and then its optimum is 0 at X = 0 with Z = −C; otherwise any X ∈ K with
/// ⟨C, X⟩ > 0 is a ray (A(X) = 0 holds trivially), status DualInfeasible.
/// </summary>
public class NoConstraintTests
{
    private static readonly SolverSettings Quiet = new() { Verbosity = Verbosity.Silent };

    private static ConicProblem Problem(double[] psdC, double[] lpC, double[] socC)
    {
        var b = new ConicProblemBuilder();
        int psd = b.AddBlock(Cone.Psd(2));
        int lp = b.AddBlock(Cone.Nonnegative(2));
        int soc = b.AddBlock(Cone.SecondOrder(3));
        b.AddObjective(psd, new DenseBlockMatrix(psdC));
        b.AddObjective(lp, new DenseBlockMatrix(lpC));
        b.AddObjective(soc, new DenseBlockMatrix(socC));
        return b.Build();
    }

    [Fact]
    public void MinusCInTheCone_OptimumZeroWithZEqualToMinusC()
    {
        // −C: [[2, 1], [1, 1]] ⪰ 0, (1, 3) ≥ 0, (2; 1, 1) in the second-order cone (2 ≥ √2).
        var p = Problem([-2, -1, -1, -1], [-1, -3], [-2, -1, -1]);
        Assert.Equal(0, p.ConstraintCount);
        var s = ConicSolver.Solve(p, Quiet);
        Assert.Equal(SolverStatus.Solved, s.Status);
        Assert.Empty(s.Y);
        Assert.True(Math.Abs(s.PrimalObjective) < Tolerances.Reference, $"optimum {s.PrimalObjective}");
        var kkt = KktCheck.Of(p, s);
        Assert.True(kkt.Max < Tolerances.Kkt, $"KKT residuals {kkt}");
        Assert.Equal(2, s.Z[0][0], 6);
        Assert.Equal(3, s.Z[1][1], 6);
    }

    [Fact]
    public void CWithPositiveDirection_IsDualInfeasibleWithRay()
    {
        // The PSD part of C has eigenvalue +1 along (1, 1)/√2: ⟨C, X⟩ grows without bound.
        var p = Problem([0, 1, 1, 0], [-1, -1], [-1, 0, 0]);
        var s = ConicSolver.Solve(p, Quiet);
        Assert.Equal(SolverStatus.DualInfeasible, s.Status);
        double value = 0;
        double[] c = [0, 1, 1, 0];
        for (int k = 0; k < 4; k++)
        {
            value += c[k] * s.X[0][k];
        }
        value -= s.X[1][0] + s.X[1][1] + s.X[2][0];
        Assert.Equal(1, value, 6);
    }

    [Fact]
    public void SdpaFile_WithNoConstraints_ReadsWritesAndSolves()
    {
        // max ⟨−I, X⟩ over the 2×2 PSD cone and max −x over x ≥ 0, m = 0: optimum 0.
        const string text = "0 = mDIM\n2 = nBLOCK\n2 -1\n\n0 1 1 1 -1\n0 1 2 2 -1\n0 2 1 1 -1\n";
        var p = SdpaReader.Read(new StringReader(text), "m0.dat-s");
        Assert.Equal(0, p.ConstraintCount);
        var w = new StringWriter();
        SdpaWriter.Write(p, w);
        var q = SdpaReader.Read(new StringReader(w.ToString()), "again.dat-s");
        Assert.Equal(0, q.ConstraintCount);
        var s = ConicSolver.Solve(q, Quiet);
        Assert.Equal(SolverStatus.Solved, s.Status);
        Assert.True(Math.Abs(s.PrimalObjective) < Tolerances.Reference);
    }
}
