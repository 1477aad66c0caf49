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
        // infp1 with F₀ scaled by 1e-4: with CSDP's ratio ‖A(X)‖/⟨C,X⟩ the iterate ran off along the
        // ray with steps of 1e-4–1e-6 until a stall was declared (NumericalError at 24 iterations; CSDP
        // 6.2 certifies after 37). The scale-free ratio certifies it in 9, as for infp1 itself (8).
        var p = Isac.Conic.Io.SdpaReader.ReadFile(Path.Combine(TestData.SdplibDir, "infp1.dat-s"));
        var scaled = new ConicProblem(p.Cones,
            p.Objective.Select(t => new BlockTerm(t.Block, Scaled(t.Matrix, 1e-4))).ToArray(), p.Constraints, p.Sense);
        var s = ConicSolver.Solve(scaled, Quiet);
        Assert.Equal(SolverStatus.DualInfeasible, s.Status);
        Assert.Equal(1.0, s.PrimalObjective, 9);             // ⟨C, X⟩ = 1
        // A(X) = 0 to the tolerance in the solver's scale-free reading: (‖A(X)‖/max‖A_i‖)/(⟨C,X⟩/‖C‖),
        // with ⟨C, X⟩ = 1 for the returned ray.
        double ax2 = 0, maxRow = 0, c2 = 0;
        foreach (var row in scaled.Constraints)
        {
            double v = 0, r2 = 0;
            foreach (var term in row.Terms)
            {
                var a = Dense(scaled, term);
                v += a.Zip(s.X[term.Block]).Sum(z => z.First * z.Second);
                r2 += a.Sum(e => e * e);
            }
            ax2 += v * v;
            maxRow = Math.Max(maxRow, Math.Sqrt(r2));
        }
        foreach (var term in scaled.Objective)
        {
            c2 += Dense(scaled, term).Sum(e => e * e);
        }
        double ratio = Math.Sqrt(ax2) * Math.Sqrt(c2) / maxRow;
        Assert.True(ratio < Quiet.InfeasibilityTolerance, $"scale-free ‖A(X)‖ = {ratio}");
    }

    /// <summary>
    /// infp1 and infd1 with the objective or the right-hand side scaled by 10⁻⁸ or 10¹²: infeasibility
    /// does not change under scaling, and neither does the status. With CSDP's plain ratios, infd1 with
    /// C·10¹² was called DualInfeasible at the starting point (by CSDP 6.2 too), and four of the others
    /// ended NumericalError (CSDP: two failures).
    /// </summary>
    [SdplibTheory]
    [InlineData("infp1", true, 1e-8, SolverStatus.DualInfeasible)]
    [InlineData("infp1", true, 1e12, SolverStatus.DualInfeasible)]
    [InlineData("infp1", false, 1e-8, SolverStatus.DualInfeasible)]
    [InlineData("infd1", true, 1e-8, SolverStatus.PrimalInfeasible)]
    [InlineData("infd1", true, 1e12, SolverStatus.PrimalInfeasible)]
    [InlineData("infd1", false, 1e-8, SolverStatus.PrimalInfeasible)]
    public void ScaledInfeasibleProblems_KeepTheirStatus(string name, bool scaleObjective, double factor, SolverStatus expected)
    {
        var p = Isac.Conic.Io.SdpaReader.ReadFile(Path.Combine(TestData.SdplibDir, name + ".dat-s"));
        var scaled = scaleObjective
            ? new ConicProblem(p.Cones, p.Objective.Select(t => new BlockTerm(t.Block, Scaled(t.Matrix, factor))).ToArray(), p.Constraints, p.Sense)
            : p.WithRightHandSide(p.Constraints.Select(r => factor * r.Rhs).ToArray());
        Assert.Equal(expected, ConicSolver.Solve(scaled, Quiet).Status);
    }

    private static double[] Dense(ConicProblem p, BlockTerm term)
    {
        var cone = p.Cones[term.Block];
        var a = new double[cone.StoredLength];
        term.Matrix.AddTo(a, cone.Size, cone.IsMatrix);
        return a;
    }

    private static SparseBlockMatrix Scaled(BlockMatrix m, double factor)
    {
        var sparse = (SparseBlockMatrix)m;
        return new SparseBlockMatrix(sparse.Rows, sparse.Columns, sparse.Values.Select(v => factor * v).ToArray());
    }
}
