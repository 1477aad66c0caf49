using Isac.Core.Numerics;
using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Network.Beamforming;
using Isac.Network.Numerics;
using Isac.Network.Surrogates;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Network.Tests.Beamforming;

public class DualOptSolverTests
{
    private const int N = 4, K = 3;

    /// <summary>A SALINR/SLINR problem with orthogonal sensing directions and a strictly feasible reference.</summary>
    private static (LocalBeamformingProblem Problem, Complex[][] Reference) Instance(ulong seed, double ratio, LeakageSurrogate surrogate)
    {
        var rng = new DeterministicRandom(seed);
        var h = TestData.Gaussian(rng, K, N);
        var g = TestData.Gaussian(rng, 2, N, 0.3);
        var w = Enumerable.Range(0, K).Select(_ => rng.NextUniform(0.5, 2)).ToArray();
        // Sensing directions: three orthogonal DFT vectors, so the reference below meets every constraint.
        var a = Enumerable.Range(0, K).Select(k => Enumerable.Range(0, N)
            .Select(i => Complex.FromPolarCoordinates(1 / Math.Sqrt(N), 2 * Math.PI * k * i / N)).ToArray()).ToArray();
        var sensing = new SensingConstraints(a, [0.01, 0.02, 0.015], ratio);
        var problem = new LocalBeamformingProblem(h, g, w, 0.1, 1.0, surrogate, sensing);
        var reference = a.Select(ak => ak.Select(x => x * Math.Sqrt(1.0 / (2 * K))).ToArray()).ToArray();
        return (problem, reference);
    }

    private static QuadraticBeamSubproblem Subproblem(LocalBeamformingProblem problem, Complex[][] reference)
    {
        var d = new Complex[N * N];
        foreach (var gt in problem.LeakageChannels) ComplexVectors.AddOuter(d, 1.0, gt);
        return FractionalProgrammingBeamformer.BuildSubproblem(problem, reference, d);
    }

    [Theory]
    [InlineData(0.3, LeakageSurrogate.Salinr, 0)]
    [InlineData(2.0, LeakageSurrogate.Salinr, 0)]
    [InlineData(50.0, LeakageSurrogate.Salinr, 0)]
    [InlineData(0.3, LeakageSurrogate.Slinr, 0)]
    [InlineData(2.0, LeakageSurrogate.Slinr, 0)]
    [InlineData(0.3, LeakageSurrogate.Salinr, 1_000_000)] // the projected-gradient inner loop alone
    [InlineData(50.0, LeakageSurrogate.Salinr, 1_000_000)]
    [InlineData(2.0, LeakageSurrogate.Slinr, 1_000_000)]
    public void Solve_MatchesGenericBarrierSolverOnSubproblem26(double ratio, LeakageSurrogate surrogate, int newtonAfter)
    {
        // Given the convex subproblem (26) of one FP iteration
        var (problem, reference) = Instance(11, ratio, surrogate);
        var sub = Subproblem(problem, reference);

        // When DualOpt's dual method and an independent log-barrier QCQP solver both solve it
        var (dual, _) = new DualOptSolver(new DualOptSettings(MaxInnerIterations: 20000, Tolerance: 1e-9, NewtonAfter: newtonAfter)).Solve(sub, new DualState());
        var (objective, constraints) = RealQcqp.Of(sub);
        var start = RealQcqp.Stack(reference);
        var x = BarrierQcqpSolver.Solve(objective, constraints, start);
        var barrier = RealQcqp.Unstack(x, K, N);

        // Then the objective values agree and DualOpt's beams are feasible
        double fDual = sub.Objective(dual), fBarrier = sub.Objective(barrier);
        Assert.True(Math.Abs(fDual - fBarrier) <= Tolerances.SolverVsReference * Math.Abs(fBarrier),
            $"DualOpt objective {fDual} vs barrier {fBarrier}");
        Assert.True(dual.Sum(v => ComplexVectors.NormSquared(v)) <= sub.Power * (1 + 1e-6));
        Assert.All(sub.SensingSlack(dual), s => Assert.True(s >= -1e-6, $"sensing slack {s}"));
    }

    [Fact]
    public void Solve_TightThreshold_HasAnActiveSensingConstraint()
    {
        // The test above is only meaningful if the sensing constraints bind at the optimum for the
        // tight ratio: the barrier optimum has a sensing slack near zero and differs from the
        // power-only optimum.
        var (problem, reference) = Instance(11, 0.3, LeakageSurrogate.Salinr);
        var sub = Subproblem(problem, reference);
        var (objective, constraints) = RealQcqp.Of(sub);
        var barrier = RealQcqp.Unstack(BarrierQcqpSolver.Solve(objective, constraints, RealQcqp.Stack(reference)), K, N);
        var (free, _) = new ExactPowerSolver().Solve(sub with { Sensing = null }, new DualState());
        Assert.Contains(sub.SensingSlack(barrier), s => Math.Abs(s) < 1e-6);
        Assert.True(sub.Objective(free) > sub.Objective(barrier) * (1 + 1e-4));
    }

    [Fact]
    public void ShermanMorrisonPath_EqualsPerUserFactorisationPath()
    {
        // SALINR's shared matrix with rank-one downdates (Remark 1) against a separate Cholesky per
        // user (the path SLINR takes), on the same problem: E_k = 0 makes them the same problem.
        var (problem, reference) = Instance(5, 2.0, LeakageSurrogate.Salinr);
        var sub = Subproblem(problem, reference);
        var withZeros = sub with { PerUser = Enumerable.Range(0, K).Select(_ => new Complex[N * N]).ToArray() };
        var settings = new DualOptSettings(MaxInnerIterations: 5000, Tolerance: 1e-10);
        var (a, _) = new DualOptSolver(settings).Solve(sub, new DualState());
        var (b, _) = new DualOptSolver(settings).Solve(withZeros, new DualState());
        for (int k = 0; k < K; k++)
            for (int i = 0; i < N; i++)
                Assert.True((a[k][i] - b[k][i]).Magnitude <= 1e-8, $"beam {k} entry {i}");
    }

    [Fact]
    public void ExactPowerSolver_MeetsBudgetWithEquality_WhenUnconstrainedOptimumExceedsIt()
    {
        var (problem, reference) = Instance(3, 1, LeakageSurrogate.Salinr);
        var sub = Subproblem(problem, reference) with { Sensing = null, Power = 1e-3 };
        var (v, _) = new ExactPowerSolver().Solve(sub, new DualState());
        Assert.Equal(1e-3, v.Sum(x => ComplexVectors.NormSquared(x)), 1e-12);
    }
}

/// <summary>Paper B's subproblem (26) written as a real QCQP for the reference solver.</summary>
internal static class RealQcqp
{
    public static (BarrierQcqpSolver.Quadratic Objective, List<BarrierQcqpSolver.Quadratic> Constraints) Of(QuadraticBeamSubproblem s)
    {
        int n = s.Antennas, k = s.Users, dim = 2 * n * k;
        // minimise −f = Σ_k v_kᴴ(Q+E_k)v_k − 2Re(z_kᴴv_k)
        var p0 = Matrix<double>.Build.Dense(dim, dim);
        var q0 = Vector<double>.Build.Dense(dim);
        for (int u = 0; u < k; u++)
        {
            var form = Full(s.Common, n);
            if (s.PerUser is not null) form = form.Zip(Full(s.PerUser[u], n), (x, y) => x + y).ToArray();
            AddForm(p0, form, n, u, 1.0);
            AddLinear(q0, s.Linear[u], n, u, -2.0);
        }
        var constraints = new List<BarrierQcqpSolver.Quadratic>();
        var pp = Matrix<double>.Build.DenseIdentity(dim);
        constraints.Add(new(pp, Vector<double>.Build.Dense(dim), -s.Power));
        var sc = s.Sensing!;
        for (int u = 0; u < k; u++)
        {
            var aa = new Complex[n * n];
            ComplexVectors.AddOuter(aa, 1.0, sc.Steering[u]);
            var full = Full(aa, n);
            var pk = Matrix<double>.Build.Dense(dim, dim);
            for (int j = 0; j < k; j++) if (j != u) AddForm(pk, full, n, j, 1.0);
            var sk = ComplexVectors.Dot(sc.Steering[u], s.Reference[u]);
            var qk = Vector<double>.Build.Dense(dim);
            AddLinear(qk, sc.Steering[u].Select(x => sk * x).ToArray(), n, u, -2 * sc.Ratio);
            constraints.Add(new(pk, qk, sc.NoiseTerm[u] + sc.Ratio * sk.Magnitude * sk.Magnitude));
        }
        return (new(p0, q0, 0), constraints);
    }

    public static Vector<double> Stack(Complex[][] v)
    {
        int n = v[0].Length;
        var x = Vector<double>.Build.Dense(2 * n * v.Length);
        for (int u = 0; u < v.Length; u++)
            for (int i = 0; i < n; i++) { x[2 * (u * n + i)] = v[u][i].Real; x[2 * (u * n + i) + 1] = v[u][i].Imaginary; }
        return x;
    }

    public static Complex[][] Unstack(Vector<double> x, int k, int n) =>
        Enumerable.Range(0, k).Select(u => Enumerable.Range(0, n).Select(i => new Complex(x[2 * (u * n + i)], x[2 * (u * n + i) + 1])).ToArray()).ToArray();

    private static Complex[] Full(Complex[] lower, int n)
    {
        var m = (Complex[])lower.Clone();
        ComplexVectors.MirrorLower(m, n);
        return m;
    }

    /// <summary>Adds c·vᴴAv for user u's block: Re(conj(v_i)A_ij v_j) in (re, im) coordinates.</summary>
    private static void AddForm(Matrix<double> p, Complex[] a, int n, int u, double c)
    {
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                var z = a[i * n + j];
                int ri = 2 * (u * n + i), rj = 2 * (u * n + j);
                p[ri, rj] += c * z.Real;
                p[ri, rj + 1] -= c * z.Imaginary;
                p[ri + 1, rj] += c * z.Imaginary;
                p[ri + 1, rj + 1] += c * z.Real;
            }
    }

    /// <summary>Adds c·Re(wᴴv_u).</summary>
    private static void AddLinear(Vector<double> q, Complex[] w, int n, int u, double c)
    {
        for (int i = 0; i < n; i++)
        {
            q[2 * (u * n + i)] += c * w[i].Real;
            q[2 * (u * n + i) + 1] += c * w[i].Imaginary;
        }
    }
}
