using Isac.Conic.Cones;
using Isac.Conic.Kkt;
using Isac.Conic.LinearAlgebra;
using Isac.Core.Random;

namespace Isac.Conic.Tests.Cones;

/// <summary>LP and second-order cone blocks: step lengths, NT scaling, centrality, Schur entries.</summary>
public class VectorConeTests
{
    private static readonly IDenseKernels K = ManagedKernels.Instance;

    private static double BisectStep(Func<double, bool> inside)
    {
        double lo = 0, hi = 1e4;
        for (int it = 0; it < 200; it++)
        {
            double mid = 0.5 * (lo + hi);
            if (inside(mid))
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    [Fact]
    public void NonnegativeMaxStep_MatchesBisection()
    {
        var rng = new DeterministicRandom(41);
        var block = new NonnegativeBlock(6, []);
        for (int k = 0; k < 6; k++)
        {
            block.X[k] = rng.NextUniform(0.5, 2);
        }
        var d = RandomData.Vector(rng, 6);
        double expected = BisectStep(a => block.X.Zip(d, (x, dd) => x + a * dd).All(v => v > 0));
        Assert.True(Math.Abs(block.MaxStep(d, primal: true, K) - expected) <= 1e-9 * expected);
    }

    [Fact]
    public void SecondOrderMaxStep_MatchesBisection()
    {
        var rng = new DeterministicRandom(42);
        for (int trial = 0; trial < 20; trial++)
        {
            var x = RandomData.Vector(rng, 5);
            x[0] = Math.Sqrt(x.Skip(1).Sum(v => v * v)) + rng.NextUniform(0.1, 1);
            var d = RandomData.Vector(rng, 5);
            double alpha = SecondOrderBlock.MaxStepInCone(x, d);
            double expected = BisectStep(a =>
            {
                var t = x.Zip(d, (xx, dd) => xx + a * dd).ToArray();
                return t[0] > 0 && SecondOrderBlock.Det(t) > 0;
            });
            if (expected >= 1e4 * (1 - 1e-9))
            {
                Assert.True(alpha > 1e3);
            }
            else
            {
                Assert.True(Math.Abs(alpha - expected) <= 1e-8 * expected, $"trial {trial}: {alpha} vs {expected}");
            }
        }
    }

    private static SecondOrderBlock RandomInteriorSoc(DeterministicRandom rng, int n)
    {
        var block = new SecondOrderBlock(n, []);
        foreach (var v in new[] { block.X, block.Z })
        {
            var r = RandomData.Vector(rng, n);
            r[0] = Math.Sqrt(r.Skip(1).Sum(t => t * t)) + rng.NextUniform(0.1, 1);
            r.CopyTo(v, 0);
        }
        return block;
    }

    [Fact]
    public void NesterovToddScaling_MapsZToXAndAgreesWithLambda()
    {
        var rng = new DeterministicRandom(43);
        var block = RandomInteriorSoc(rng, 6);
        Assert.True(block.PrepareScaling(K));
        var wz = new double[6];
        var winvx = new double[6];
        block.ApplyW(block.Z, wz, inverse: false);
        block.ApplyW(block.X, winvx, inverse: true);
        Assert.True(wz.Zip(winvx, (a, b) => Math.Abs(a - b)).Max() < Tolerances.Factorization,
            $"W z = [{string.Join(", ", wz)}], W⁻¹ x = [{string.Join(", ", winvx)}]");
        var hz = new double[6];
        block.ApplyH(block.Z, hz, K);
        Assert.True(hz.Zip(block.X, (a, b) => Math.Abs(a - b)).Max() < Tolerances.Factorization,
            $"H z = [{string.Join(", ", hz)}], x = [{string.Join(", ", block.X)}]");
        // W W⁻¹ = I on a random vector.
        var v = RandomData.Vector(rng, 6);
        var t = new double[6];
        var back = new double[6];
        block.ApplyW(v, t, inverse: true);
        block.ApplyW(t, back, inverse: false);
        Assert.True(v.Zip(back, (a, b) => Math.Abs(a - b)).Max() < Tolerances.Factorization);
    }

    [Fact]
    public void ArrowSolve_InvertsJordanProduct()
    {
        var rng = new DeterministicRandom(44);
        var lambda = RandomData.Vector(rng, 5);
        lambda[0] = Math.Sqrt(lambda.Skip(1).Sum(v => v * v)) + 0.3;
        var s = RandomData.Vector(rng, 5);
        var u = new double[5];
        SecondOrderBlock.ArrowSolve(lambda, s, u);
        var back = new double[5];
        SecondOrderBlock.JordanProduct(lambda, u, back);
        Assert.True(s.Zip(back, (a, b) => Math.Abs(a - b)).Max() < Tolerances.Factorization);
    }

    [Fact]
    public void ComplementarityRhs_OnCentralPath_IsZero()
    {
        var rng = new DeterministicRandom(45);
        double mu = 0.8;
        var lp = new NonnegativeBlock(4, []);
        for (int k = 0; k < 4; k++)
        {
            lp.X[k] = rng.NextUniform(0.2, 3);
            lp.Z[k] = mu / lp.X[k];
        }
        Assert.True(lp.PrepareScaling(K));
        lp.ComplementarityRhs(mu, corrector: false, default, K);
        Assert.True(lp.R.Max(Math.Abs) < Tolerances.Factorization);

        // Second-order cone: x ∘ z = μe when z = μ x⁻¹ = μ J x / det(x).
        var soc = RandomInteriorSoc(rng, 5);
        double det = SecondOrderBlock.Det(soc.X);
        for (int k = 0; k < 5; k++)
        {
            soc.Z[k] = mu * (k == 0 ? soc.X[0] : -soc.X[k]) / det;
        }
        Assert.True(soc.PrepareScaling(K));
        soc.ComplementarityRhs(mu, corrector: false, default, K);
        Assert.True(soc.R.Max(Math.Abs) < Tolerances.Factorization * soc.X.Max(Math.Abs));
    }

    [Fact]
    public void SecondOrderSchur_EqualsAiTransposeWSquaredAj()
    {
        var rng = new DeterministicRandom(46);
        var rows = new[]
        {
            new VectorRowData(0, [0, 2, 3], RandomData.Vector(rng, 3)),
            new VectorRowData(1, [1, 2], RandomData.Vector(rng, 2)),
            new VectorRowData(2, [0, 1, 2, 3, 4], RandomData.Vector(rng, 5)),
        };
        var block = new SecondOrderBlock(5, rows);
        var x = RandomData.Vector(rng, 5);
        x[0] = Math.Sqrt(x.Skip(1).Sum(v => v * v)) + 0.5;
        var z = RandomData.Vector(rng, 5);
        z[0] = Math.Sqrt(z.Skip(1).Sum(v => v * v)) + 0.5;
        x.CopyTo(block.X, 0);
        z.CopyTo(block.Z, 0);
        Assert.True(block.PrepareScaling(K));
        var m = new double[9];
        for (int j = 0; j < 3; j++)
        {
            block.Schur.AddColumn(j, m, 3, new SchurScratch(5), K);
        }
        for (int i = 0; i < 3; i++)
        {
            for (int j = i; j < 3; j++)
            {
                var aj = new double[5];
                for (int e = 0; e < rows[j].Index.Length; e++)
                {
                    aj[rows[j].Index[e]] = rows[j].Value[e];
                }
                var h = new double[5];
                block.ApplyH(aj, h, K);
                double expected = rows[i].Dot(h);
                double got = i == j ? m[i * 3 + i] : m[i * 3 + j] + m[j * 3 + i];
                Assert.True(Math.Abs(got - expected) < Tolerances.Factorization * (1 + Math.Abs(expected)));
            }
        }
    }
}
