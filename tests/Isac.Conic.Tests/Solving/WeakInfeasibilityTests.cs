using Isac.Conic.Problem;

namespace Isac.Conic.Tests.Solving;

/// <summary>
/// Hard infeasible problems. Weakly infeasible ones: infeasible, yet within any ε of feasible, so no exact certificate
/// exists, only rays that certify to any tolerance. The solver ends them with the infeasibility status
/// and such a ray (CSDP's test, ratio below 1e-8), not with NumericalError. (CSDP 6.2 reports the
/// same files as solved, its iterate being feasible to 1e-8; both readings are legitimate.)
/// </summary>
public class WeakInfeasibilityTests
{
    private static readonly SolverSettings Quiet = new() { Verbosity = Verbosity.Silent };

    [Fact]
    public void WeaklyInfeasiblePrimal_EndsPrimalInfeasibleWithApproximateRay()
    {
        // X ⪰ 0 (2×2) with X₁₁ = 0 and X₁₂ = 1: infeasible (X₁₁ = 0 forces X₁₂ = 0), but X₁₁ = ε,
        // X₂₂ = 1/ε is within ε. A ray y needs y₂ < 0 and [[y₁, y₂/2], [y₂/2, 0]] ⪰ 0, possible only
        // in the limit y₁ → ∞.
        var b = new ConicProblemBuilder();
        int psd = b.AddBlock(Cone.Psd(2));
        b.AddTerm(b.AddConstraint(0), psd, SparseBlockMatrix.Entry(0, 0, 1.0));
        b.AddTerm(b.AddConstraint(1), psd, SparseBlockMatrix.Entry(0, 1, 0.5));
        var s = ConicSolver.Solve(b.Build(), Quiet);
        Assert.Equal(SolverStatus.PrimalInfeasible, s.Status);
        Assert.Equal(-1.0, s.Y[1], 9);                       // aᵀy = y₂ = −1
        // Σ yᵢ Aᵢ = [[y₁, y₂/2], [y₂/2, 0]] against the returned Z ⪰ 0: close relative to y₁.
        double[] z = s.Z[0];
        double residual = Math.Sqrt(Math.Pow(s.Y[0] - z[0], 2) + 2 * Math.Pow(s.Y[1] / 2 - z[1], 2) + z[3] * z[3]);
        Assert.True(residual < 1e-8, $"‖Σ y A − Z‖ = {residual}");
    }

    [Fact]
    public void WeaklyInfeasibleDual_EndsDualInfeasibleWithApproximateRay()
    {
        // (D): y₁E₁₁ − C = [[y₁, 1], [1, 0]] ⪰ 0 is infeasible (the zero corner forces the 1 to vanish)
        // but within ε for y₁ = 1/ε. A ray X has X₁₁ = 0 (A(X) = 0) and ⟨C, X⟩ = −X₁₂ > 0.
        var b = new ConicProblemBuilder();
        int psd = b.AddBlock(Cone.Psd(2));
        b.AddObjective(psd, SparseBlockMatrix.Entry(0, 1, -1.0));
        b.AddTerm(b.AddConstraint(0), psd, SparseBlockMatrix.Entry(0, 0, 1.0));
        var s = ConicSolver.Solve(b.Build(), Quiet);
        Assert.Equal(SolverStatus.DualInfeasible, s.Status);
        Assert.Equal(1.0, s.PrimalObjective, 9);             // ⟨C, X⟩ = 1
        Assert.True(Math.Abs(s.X[0][0]) < 1e-8, $"A(X) = X₁₁ = {s.X[0][0]}");
    }

    [SdplibFact]
    public void Infp1WithObjectiveScaledBy1e4Down_StillEndsDualInfeasible()
    {
        // infp1 with F₀ scaled by 1e-4: the iterate runs off along the ray with steps of 1e-4–1e-6
        // for twenty iterations while ‖A(X)‖/⟨C,X⟩ falls; this used to be called a stall
        // (NumericalError). CSDP 6.2 declares dual infeasibility on the same file after 37 iterations.
        var p = Isac.Conic.Io.SdpaReader.ReadFile(Path.Combine(TestData.SdplibDir, "infp1.dat-s"));
        var scaled = new ConicProblem(p.Cones,
            p.Objective.Select(t => new BlockTerm(t.Block, Scaled(t.Matrix, 1e-4))).ToArray(), p.Constraints, p.Sense);
        var s = ConicSolver.Solve(scaled, Quiet);
        Assert.Equal(SolverStatus.DualInfeasible, s.Status);
        Assert.Equal(1.0, s.PrimalObjective, 9);             // ⟨C, X⟩ = 1
        // A(X) = 0 to the infeasibility tolerance (the ray is scaled to ⟨C, X⟩ = 1).
        double ax2 = 0;
        foreach (var row in scaled.Constraints)
        {
            double v = 0;
            foreach (var term in row.Terms)
            {
                int n = scaled.Cones[term.Block].Size;
                var a = new double[scaled.Cones[term.Block].StoredLength];
                term.Matrix.AddTo(a, n, scaled.Cones[term.Block].IsMatrix);
                v += a.Zip(s.X[term.Block]).Sum(z => z.First * z.Second);
            }
            ax2 += v * v;
        }
        Assert.True(Math.Sqrt(ax2) < Quiet.InfeasibilityTolerance, $"‖A(X)‖ = {Math.Sqrt(ax2)}");
    }

    private static SparseBlockMatrix Scaled(BlockMatrix m, double factor)
    {
        var sparse = (SparseBlockMatrix)m;
        return new SparseBlockMatrix(sparse.Rows, sparse.Columns, sparse.Values.Select(v => factor * v).ToArray());
    }
}
