using Isac.Conic.Problem;
using Isac.Conic.Tests.Kkt;
using Isac.Core.Random;

namespace Isac.Conic.Tests.Solving;

/// <summary>
/// Random problems that are strictly primal and dual feasible by construction: pick X₀ and Z₀ in
/// the interior of K and any y₀, then set a = A(X₀) and C = Σ y₀ᵢ Aᵢ − Z₀. Every data kind and cone
/// appears; the solution must meet the KKT conditions to 1e-7.
/// </summary>
public class RandomFeasibleTests
{
    internal static ConicProblem Generate(ulong seed, ObjectiveSense sense, int m = 14)
    {
        var rng = new DeterministicRandom(seed);
        Cone[] cones = [Cone.Psd(9), Cone.Psd(4), Cone.Nonnegative(5), Cone.SecondOrder(4), Cone.Free(2)];
        var x0 = new double[cones.Length][];
        var z0 = new double[cones.Length][];
        x0[0] = RandomData.PositiveDefinite(rng, 9);
        z0[0] = RandomData.PositiveDefinite(rng, 9);
        x0[1] = RandomData.PositiveDefinite(rng, 4);
        z0[1] = RandomData.PositiveDefinite(rng, 4);
        x0[2] = Enumerable.Range(0, 5).Select(_ => rng.NextUniform(0.5, 2)).ToArray();
        z0[2] = Enumerable.Range(0, 5).Select(_ => rng.NextUniform(0.5, 2)).ToArray();
        x0[3] = [3, rng.NextGaussian(), rng.NextGaussian(), rng.NextGaussian()];
        z0[3] = [3, rng.NextGaussian(), rng.NextGaussian(), rng.NextGaussian()];
        x0[4] = RandomData.Vector(rng, 2);
        z0[4] = [0, 0];
        var y0 = RandomData.Vector(rng, m);
        var rows = new List<ConstraintRow>();
        var c = cones.Select(k => new double[k.StoredLength]).ToArray();
        for (int i = 0; i < m; i++)
        {
            var terms = new List<BlockTerm>();
            // PSD 9: alternate sparse, dense, rank one, rank two; PSD 4: sparse; vectors: sparse.
            BlockMatrix big = (i % 4) switch
            {
                0 => new SparseBlockMatrix([i % 9, 0], [(i + 3) % 9 < i % 9 ? i % 9 : (i + 3) % 9, 8], [rng.NextGaussian(), rng.NextGaussian()]),
                1 => new DenseBlockMatrix(RandomData.Symmetric(rng, 9)),
                2 => LowRankBlockMatrix.RankOne(RandomData.Vector(rng, 9), rng.NextGaussian()),
                _ => new LowRankBlockMatrix([1.0, -1.0], [RandomData.Vector(rng, 9), RandomData.Vector(rng, 9)]),
            };
            terms.Add(new BlockTerm(0, big));
            if (i % 2 == 0)
            {
                terms.Add(new BlockTerm(1, SparseBlockMatrix.Entry(i % 4, (i + 1) % 4, rng.NextGaussian())));
            }
            terms.Add(new BlockTerm(2, SparseBlockMatrix.Vector([i % 5], [rng.NextGaussian()])));
            if (i % 3 == 0)
            {
                terms.Add(new BlockTerm(3, SparseBlockMatrix.Vector([0, 1 + i % 3], [rng.NextGaussian(), rng.NextGaussian()])));
            }
            if (i < 2)
            {
                terms.Add(new BlockTerm(4, SparseBlockMatrix.Vector([i], [1.0])));
            }
            double rhs = 0;
            foreach (var (b, mat) in terms)
            {
                rhs += mat.Dot(x0[b], cones[b].Size, cones[b].IsMatrix);
                mat.AddTo(c[b], cones[b].Size, cones[b].IsMatrix, y0[i]);
            }
            rows.Add(new ConstraintRow(rhs, terms));
        }
        // C = Σ y₀ A − Z₀ (for min, the data describe C − Σ y A = Z, so C = Σ y₀ A + Z₀).
        double zSign = sense == ObjectiveSense.Maximize ? -1 : 1;
        var objective = new List<BlockTerm>();
        for (int b = 0; b < cones.Length; b++)
        {
            for (int k = 0; k < c[b].Length; k++)
            {
                c[b][k] += zSign * z0[b][k];
            }
            objective.Add(new BlockTerm(b, new DenseBlockMatrix(c[b])));
        }
        return new ConicProblem(cones, objective, rows, sense);
    }

    [Theory]
    [InlineData(101UL, ObjectiveSense.Maximize)]
    [InlineData(102UL, ObjectiveSense.Minimize)]
    [InlineData(103UL, ObjectiveSense.Maximize)]
    public void StrictlyFeasible_Solved_KktBelowTolerance(ulong seed, ObjectiveSense sense)
    {
        var p = Generate(seed, sense);
        var s = ConicSolver.Solve(p, new SolverSettings { Verbosity = Verbosity.Silent });
        Assert.Equal(SolverStatus.Solved, s.Status);
        var kkt = KktCheck.Of(p, s);
        Assert.True(kkt.Max < Tolerances.Kkt, $"KKT residuals {kkt}");
        Assert.True(s.Dimacs.ToArray().All(v => Math.Abs(v) < Tolerances.Kkt), $"DIMACS {string.Join(", ", s.Dimacs.ToArray())}");
    }

    [Fact]
    public void ManagedAndOpenBlasBackends_AgreeOnTheOptimum()
    {
        var p = Generate(104, ObjectiveSense.Maximize);
        var managed = ConicSolver.Solve(p, new SolverSettings { Verbosity = Verbosity.Silent, Backend = DenseBackend.Managed });
        var auto = ConicSolver.Solve(p, new SolverSettings { Verbosity = Verbosity.Silent, Threads = 1 });
        Assert.Equal(SolverStatus.Solved, managed.Status);
        Assert.Equal(SolverStatus.Solved, auto.Status);
        Assert.Equal("managed", managed.Backend);
        Assert.True(Math.Abs(managed.PrimalObjective - auto.PrimalObjective) < Tolerances.Reference * (1 + Math.Abs(auto.PrimalObjective)));
    }
}
