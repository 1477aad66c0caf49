using Isac.Conic.Problem;
using Isac.Conic.Tests.Kkt;
using Isac.Core.Random;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Conic.Tests.Solving;

/// <summary>Problems with known solutions, checked by status, by the KKT conditions (independently
/// of the solver's own measures) and by the optimum from a closed form or an independent computation.</summary>
public class ConformanceTests
{
    private static readonly SolverSettings Quiet = new() { Verbosity = Verbosity.Silent };

    private static void AssertSolved(ConicProblem p, ConicSolution s, double expected)
    {
        Assert.Equal(SolverStatus.Solved, s.Status);
        var kkt = KktCheck.Of(p, s);
        Assert.True(kkt.Max < Tolerances.Kkt, $"KKT residuals {kkt}");
        Assert.True(Math.Abs(s.PrimalObjective - expected) <= Tolerances.Reference * (1 + Math.Abs(expected)),
            $"objective {s.PrimalObjective:R}, expected {expected:R}");
        Assert.True(Math.Abs(s.DualObjective - expected) <= Tolerances.Reference * (1 + Math.Abs(expected)));
    }

    [Fact]
    public void Lp_TwoVariables_OptimumAtVertexThreeOne()
    {
        // max x1 + 2 x2 s.t. x1 + x2 + s1 = 4, x1 + 3 x2 + s2 = 6, x, s ≥ 0: the vertices give 4, 5, 4.
        var b = new ConicProblemBuilder();
        int lp = b.AddBlock(Cone.Nonnegative(4));
        b.AddObjective(lp, SparseBlockMatrix.Vector([0, 1], [1, 2]));
        b.AddTerm(b.AddConstraint(4), lp, SparseBlockMatrix.Vector([0, 1, 2], [1, 1, 1]));
        b.AddTerm(b.AddConstraint(6), lp, SparseBlockMatrix.Vector([0, 1, 3], [1, 3, 1]));
        var p = b.Build();
        var s = ConicSolver.Solve(p, Quiet);
        AssertSolved(p, s, 5.0);
        Assert.Equal(3.0, s.X[0][0], 6);
        Assert.Equal(1.0, s.X[0][1], 6);
    }

    [Fact]
    public void Socp_LeastSquaresWithFreeVariables_MatchesNormalEquations()
    {
        // min t s.t. (t, b − A w) ∈ SOC, w free: t* = ‖b − A w_ls‖ (normal equations, MathNet).
        var rng = new DeterministicRandom(51);
        int k = 6, pvars = 3;
        var a = Matrix<double>.Build.Dense(k, pvars, (i, j) => rng.NextGaussian());
        var bvec = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(k, i => rng.NextGaussian());
        double expected = (bvec - a * a.Solve(bvec)).L2Norm();

        var builder = new ConicProblemBuilder(ObjectiveSense.Minimize);
        int soc = builder.AddBlock(Cone.SecondOrder(k + 1));
        int free = builder.AddBlock(Cone.Free(pvars));
        builder.AddObjective(soc, SparseBlockMatrix.Vector([0], [1.0]));
        for (int i = 0; i < k; i++)
        {
            int row = builder.AddConstraint(bvec[i]);
            builder.AddTerm(row, soc, SparseBlockMatrix.Vector([i + 1], [1.0]));
            builder.AddTerm(row, free, new DenseBlockMatrix(Enumerable.Range(0, pvars).Select(j => a[i, j]).ToArray()));
        }
        var p = builder.Build();
        var s = ConicSolver.Solve(p, Quiet);
        AssertSolved(p, s, expected);
        var w = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(s.X[1]);
        Assert.True((w - a.Solve(bvec)).L2Norm() < 1e-5);
    }

    [Fact]
    public void Sdp_LargestEigenvalue_FromBothSides()
    {
        // (D) min t s.t. t I − B ⪰ 0 is λ_max(B); (P) max ⟨B, X⟩ s.t. tr X = 1. Reference: MathNet's EVD.
        var rng = new DeterministicRandom(52);
        int n = 7;
        var bmat = RandomData.Symmetric(rng, n);
        double expected = Matrix<double>.Build.Dense(n, n, (i, j) => bmat[i * n + j]).Evd().EigenValues.Max(e => e.Real);
        var builder = new ConicProblemBuilder();
        int psd = builder.AddBlock(Cone.Psd(n));
        builder.AddObjective(psd, new DenseBlockMatrix(bmat));
        int t = builder.AddVariable(1.0);
        builder.AddTerm(t, psd, new SparseBlockMatrix(Enumerable.Range(0, n).ToArray(), Enumerable.Range(0, n).ToArray(), Enumerable.Repeat(1.0, n).ToArray()));
        var p = builder.Build();
        var s = ConicSolver.Solve(p, Quiet);
        AssertSolved(p, s, expected);
        Assert.Equal(expected, s.Y[0], 6);
    }

    [Fact]
    public void ComplexHermitianSdp_ThroughRealEmbedding_GivesTwiceLargestEigenvalue()
    {
        // max ⟨Ĥ, X̂⟩ s.t. tr X̂ = 2 over the real embedding Ĥ = [[Re H, −Im H], [Im H, Re H]]:
        // Ĥ has the eigenvalues of H twice, so the optimum is 2 λ_max(H) (MathNet's complex EVD).
        var rng = new DeterministicRandom(53);
        int n = 4;
        var h = Matrix<Complex>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
        {
            h[i, i] = rng.NextGaussian();
            for (int j = i + 1; j < n; j++)
            {
                h[i, j] = new Complex(rng.NextGaussian(), rng.NextGaussian());
                h[j, i] = Complex.Conjugate(h[i, j]);
            }
        }
        double expected = 2 * h.Evd().EigenValues.Max(e => e.Real);
        int n2 = 2 * n;
        var embed = new double[n2 * n2];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                embed[i * n2 + j] = h[i, j].Real;
                embed[(i + n) * n2 + j + n] = h[i, j].Real;
                embed[i * n2 + j + n] = -h[i, j].Imaginary;
                embed[(i + n) * n2 + j] = h[i, j].Imaginary;
            }
        }
        var builder = new ConicProblemBuilder();
        int psd = builder.AddBlock(Cone.Psd(n2));
        builder.AddObjective(psd, new DenseBlockMatrix(embed));
        builder.AddTerm(builder.AddConstraint(2.0), psd,
            new SparseBlockMatrix(Enumerable.Range(0, n2).ToArray(), Enumerable.Range(0, n2).ToArray(), Enumerable.Repeat(1.0, n2).ToArray()));
        var p = builder.Build();
        AssertSolved(p, ConicSolver.Solve(p, Quiet), expected);
    }

    [Fact]
    public void ComplexBeamforming_RankTwoEmbeddedConstraint_GivesInverseChannelGain()
    {
        // min tr W s.t. hᴴ W h ≥ 1, W ⪰ 0 (W Hermitian): optimum 1/‖h‖² (W = h hᴴ/‖h‖⁴). In the real
        // embedding hᴴWh = ½⟨a aᵀ + b bᵀ, Ŵ⟩ with a = (Re h, Im h), b = (−Im h, Re h); tr W = ½ tr Ŵ.
        var rng = new DeterministicRandom(54);
        int n = 5;
        var h = Enumerable.Range(0, n).Select(_ => rng.NextComplexGaussian(1.0)).ToArray();
        double norm2 = h.Sum(c => c.Magnitude * c.Magnitude);
        var av = h.Select(c => c.Real).Concat(h.Select(c => c.Imaginary)).ToArray();
        var bv = h.Select(c => -c.Imaginary).Concat(h.Select(c => c.Real)).ToArray();
        var builder = new ConicProblemBuilder(ObjectiveSense.Minimize);
        int psd = builder.AddBlock(Cone.Psd(2 * n));
        int slack = builder.AddBlock(Cone.Nonnegative(1));
        builder.AddObjective(psd, new SparseBlockMatrix(Enumerable.Range(0, 2 * n).ToArray(), Enumerable.Range(0, 2 * n).ToArray(), Enumerable.Repeat(0.5, 2 * n).ToArray()));
        int row = builder.AddConstraint(1.0);
        builder.AddTerm(row, psd, new LowRankBlockMatrix([0.5, 0.5], [av, bv]));
        builder.AddTerm(row, slack, SparseBlockMatrix.Vector([0], [-1.0]));
        var p = builder.Build();
        AssertSolved(p, ConicSolver.Solve(p, Quiet), 1.0 / norm2);
    }

    [Fact]
    public void ReadmeExample_LargestEigenvalueIsThree()
    {
        // The ten-line example of README.md and docs/solver.md, verbatim but for the log writer.
        var b = new ConicProblemBuilder();
        int psd = b.AddBlock(Cone.Psd(3));
        b.AddObjective(psd, DenseBlockMatrix.FromArray(new double[,] { { 2, 1, 0 }, { 1, 2, 0 }, { 0, 0, 1 } }));
        int t = b.AddVariable(cost: 1.0);
        b.AddTerm(t, psd, new SparseBlockMatrix([0, 1, 2], [0, 1, 2], [1, 1, 1]));
        ConicSolution s = ConicSolver.Solve(b.Build(), new SolverSettings(), TextWriter.Null);
        Assert.Equal(SolverStatus.Solved, s.Status);
        Assert.Equal("3.000000", s.Y[t].ToString("F6", System.Globalization.CultureInfo.InvariantCulture));
    }
}
