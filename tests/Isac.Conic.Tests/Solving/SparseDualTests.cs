using Isac.Conic.Problem;
using Isac.Conic.Tests.Kkt;
using Isac.Core.Random;

namespace Isac.Conic.Tests.Solving;

/// <summary>
/// The sparse handling of the dual slack (Z factorised on the aggregate pattern of C and the A_i), and the
/// dual-scaling method chosen for the same structure, against the dense primal-dual path on max-cut
/// relaxations: max ⟨L/4, X⟩ s.t. X_ii = 1, X ⪰ 0 with L a random sparse graph's Laplacian.
/// </summary>
public class SparseDualTests
{
    private static ConicProblem MaxCut(int n, double degree, ulong seed)
    {
        var rng = new DeterministicRandom(seed);
        var c = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                if (rng.NextDouble() < degree / n)
                {
                    double w = 0.25 * (1 + rng.NextInt(3));
                    c[i * n + j] = c[j * n + i] = -w;
                    c[i * n + i] += w;
                    c[j * n + j] += w;
                }
            }
        }
        var b = new ConicProblemBuilder();
        int psd = b.AddBlock(Cone.Psd(n));
        b.AddObjective(psd, new DenseBlockMatrix(c));
        for (int i = 0; i < n; i++)
        {
            b.AddTerm(b.AddConstraint(1), psd, SparseBlockMatrix.Entry(i, i, 1.0));
        }
        return b.Build();
    }

    [Theory]
    [InlineData(150, 4.0, 31UL)]
    [InlineData(220, 3.0, 32UL)]
    [InlineData(300, 2.5, 33UL)]
    [InlineData(400, 3.0, 34UL)]
    public void MaxCut_SparseDualMatchesTheDensePath(int n, double degree, ulong seed)
    {
        var p = MaxCut(n, degree, seed);
        var quiet = new SolverSettings { Verbosity = Verbosity.Summary };
        var log = new StringWriter();
        var sparse = ConicSolver.Solve(p, quiet, log);
        Assert.Contains("sparse dual slack on 1 PSD block", log.ToString());
        var dense = ConicSolver.Solve(p, quiet with { SparseDualSlack = false, DualScaling = false, Verbosity = Verbosity.Silent });
        Assert.Equal("dual-scaling", sparse.Algorithm);
        Assert.Equal("primal-dual", dense.Algorithm);
        var primalDualSparse = ConicSolver.Solve(p, quiet with { DualScaling = false, Verbosity = Verbosity.Silent });
        Assert.Equal(SolverStatus.Solved, primalDualSparse.Status);
        Assert.True(Math.Abs(primalDualSparse.PrimalObjective - dense.PrimalObjective) <= 1e-7 * Math.Abs(dense.PrimalObjective));
        Assert.Equal(SolverStatus.Solved, sparse.Status);
        Assert.Equal(SolverStatus.Solved, dense.Status);
        Assert.True(Math.Abs(sparse.PrimalObjective - dense.PrimalObjective) <= 1e-7 * Math.Abs(dense.PrimalObjective),
            $"{sparse.PrimalObjective:R} against {dense.PrimalObjective:R}");
        TerminationReasonTests.AssertStatusHonest(sparse, quiet, "sparse max-cut");
        var kkt = KktCheck.Of(p, sparse);
        Assert.True(kkt.Max < Tolerances.Kkt, $"KKT residuals {kkt}");
    }

    [Fact]
    public void DenseObjective_KeepsTheDensePath()
    {
        // C with every entry nonzero makes Z dense: no sparse factor is used.
        int n = 120;
        var b = new ConicProblemBuilder();
        int psd = b.AddBlock(Cone.Psd(n));
        b.AddObjective(psd, new DenseBlockMatrix(Enumerable.Repeat(1.0, n * n).ToArray()));
        for (int i = 0; i < n; i++)
        {
            b.AddTerm(b.AddConstraint(1), psd, SparseBlockMatrix.Entry(i, i, 1.0));
        }
        var log = new StringWriter();
        var s = ConicSolver.Solve(b.Build(), new SolverSettings { Verbosity = Verbosity.Summary }, log);
        Assert.DoesNotContain("sparse dual slack", log.ToString());
        Assert.Equal(SolverStatus.Solved, s.Status);
        // ⟨J, X⟩ = eᵀ X e ≤ λ_max(X)·n ≤ tr(X)·n = n², attained at X = e eᵀ.
        Assert.True(Math.Abs(s.PrimalObjective - n * n) <= 1e-6 * n * n, $"{s.PrimalObjective:R}");
    }
}
