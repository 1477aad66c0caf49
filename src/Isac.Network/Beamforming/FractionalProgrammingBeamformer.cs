using Isac.Core.Numerics;
using Complex = System.Numerics.Complex;
using Isac.Network.Numerics;
using Isac.Network.Surrogates;

namespace Isac.Network.Beamforming;

/// <summary>
/// The FP beamformer of paper B: the Lagrangian dual transform (19) and the quadratic transform
/// (20)-(22) turn the weighted surrogate sum rate into a concave quadratic in the beams, and a
/// subproblem solver (DualOpt's projected dual gradient, or the exact λ search when there are no
/// sensing constraints) maximises it; repeat. With DualOpt this is Algorithm 2; with no sensing
/// constraints and perfect CSI it is the "SALINR (perfect CSI)" baseline of Fig. 6.
/// </summary>
/// <remarks>
/// Per FP iteration, with D = Σ_t ĥ_t ĥ_tᴴ over the other cells' scheduled users:
/// ξ_k = γ̃_k (19); ζ_k = √(w_k(1+ξ_k))·Re(h_kᴴv_k) / (Σ_s|h_kᴴv_s|² + L_k + σ²) (from the
/// quadratic transform; erratum 2); z_k = ζ_k√(w_k(1+ξ_k))·h_k; Q = Σ_k ζ_k² h_k h_kᴴ plus
/// (Σ_k ζ_k²)·D/K for SALINR (eq. (28)), or E_k = ζ_k²·D for SLINR. Beams are phase-rotated so
/// h_kᴴv_k is real and positive before each iteration (every term of (17) is invariant to a
/// beam's phase; the real-valued transform needs the alignment). Weights are used with the
/// natural logarithm inside; the reported objective is Σ w_k log2(1+γ̃_k).
/// </remarks>
public sealed class FractionalProgrammingBeamformer : ILocalBeamformer
{
    private readonly IBeamSubproblemSolver _solver;
    private readonly FractionalProgrammingSettings _settings;

    /// <summary>Creates the beamformer.</summary>
    public FractionalProgrammingBeamformer(string name, IBeamSubproblemSolver solver, FractionalProgrammingSettings? settings = null)
    {
        Name = name;
        _solver = solver;
        _settings = settings ?? new FractionalProgrammingSettings();
    }

    /// <summary>Relative violation of a sensing constraint below which an iterate counts as feasible.</summary>
    public const double FeasibilityTolerance = 1e-3;

    /// <summary>Algorithm 2: FP + SCA + projected dual gradient (DualOpt).</summary>
    public static FractionalProgrammingBeamformer DualOpt(DualOptSettings? dual = null, FractionalProgrammingSettings? fp = null) =>
        new("dualopt", new DualOptSolver(dual), fp);

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public BeamformingResult Solve(LocalBeamformingProblem problem)
    {
        int k = problem.Users;
        if (k == 0) return new BeamformingResult([], [0.0], 0, 0);
        int n = problem.Antennas;
        var h = problem.Channels;
        var v = StartingBeams(problem);

        var d = new Complex[n * n];
        foreach (var g in problem.LeakageChannels) ComplexVectors.AddOuter(d, 1.0, g);

        var trace = new List<double>();
        var state = new DualState();
        int inner = 0;
        double previous = double.NegativeInfinity;
        var best = new BestIterate();
        for (int r = 0; ; r++)
        {
            AlignPhases(h, v);
            var terms = SinrTerms.Of(problem, v, d);
            var gamma = terms.Sinr(problem.Noise, problem.Surrogate);
            double objective = LocalSinr.WeightedSumRate(problem.Weights, gamma);
            trace.Add(objective);
            best.Offer(v, objective, SensingViolation(problem, v));
            if (r >= _settings.MaxIterations) break;
            if (r > 0 && objective - previous <= _settings.Tolerance * Math.Abs(objective)) break;
            previous = objective;

            var sub = BuildSubproblem(problem, v, terms, gamma, d);
            var (next, iterations) = _solver.Solve(sub, state);
            inner += iterations;
            ClampPower(next, problem.Power);
            v = next;
        }
        return new BeamformingResult(best.Beams!, trace, inner, SensingViolation(problem, best.Beams!));
    }

    /// <summary>The subproblem (26) at the reference beams <paramref name="v"/> (exposed for tests).</summary>
    public static QuadraticBeamSubproblem BuildSubproblem(LocalBeamformingProblem problem, Complex[][] v, Complex[] leakageMatrix)
    {
        var terms = SinrTerms.Of(problem, v, leakageMatrix);
        return BuildSubproblem(problem, v, terms, terms.Sinr(problem.Noise, problem.Surrogate), leakageMatrix);
    }

    private static QuadraticBeamSubproblem BuildSubproblem(LocalBeamformingProblem problem, Complex[][] v, SinrTerms terms, double[] gamma, Complex[] leakageMatrix)
    {
        int k = problem.Users, n = problem.Antennas;
        var h = problem.Channels;
        double average = terms.Leakage.Sum() / k;
        var z = new Complex[k][];
        var q = new Complex[n * n];
        var zeta2 = new double[k];
        for (int u = 0; u < k; u++)
        {
            double total = problem.Noise + (problem.Surrogate == LeakageSurrogate.Salinr ? average : terms.Leakage[u]);
            for (int s = 0; s < k; s++) total += terms.Power(u, s);
            double c = Math.Sqrt(problem.Weights[u] * (1 + gamma[u]));
            double zeta = c * terms.Cross[u * k + u].Real / total;
            zeta2[u] = zeta * zeta;
            var zu = new Complex[n];
            double f = zeta * c;
            for (int i = 0; i < n; i++) zu[i] = f * h[u][i];
            z[u] = zu;
        }
        ComplexVectors.AddOuters(q, zeta2, h); // Q = Σ_k ζ_k² h_k h_kᴴ in one pass
        Complex[][]? perUser = null;
        if (problem.Surrogate == LeakageSurrogate.Salinr)
        {
            double f = zeta2.Sum() / k;
            for (int i = 0; i < q.Length; i++) q[i] += f * leakageMatrix[i];
        }
        else
        {
            perUser = new Complex[k][];
            for (int u = 0; u < k; u++)
            {
                var e = new Complex[n * n];
                for (int i = 0; i < e.Length; i++) e[i] = zeta2[u] * leakageMatrix[i];
                perUser[u] = e;
            }
        }
        return new QuadraticBeamSubproblem(n, z, q, perUser, problem.Power, problem.Sensing, v.Select(b => (Complex[])b.Clone()).ToArray());
    }

    /// <summary>
    /// The cross terms h_uᴴv_s (K×K) and the beams' leakages v_sᴴDv_s, computed once per FP
    /// iteration. The leakages use the leakage matrix D = Σ_t ĥ_tĥ_tᴴ (O(KN²) per iteration) instead
    /// of the channels themselves (O(K·|leakage|·N)), so the cost does not grow with the number of
    /// users the BS leaks to.
    /// </summary>
    private sealed record SinrTerms(int K, Complex[] Cross, double[] Leakage)
    {
        public static SinrTerms Of(LocalBeamformingProblem p, Complex[][] v, Complex[] leakageMatrix)
        {
            int k = p.Users;
            var cross = new Complex[k * k];
            for (int u = 0; u < k; u++)
                for (int s = 0; s < k; s++) cross[u * k + s] = ComplexVectors.Dot(p.Channels[u], v[s]);
            var leakage = new double[k];
            if (p.LeakageChannels.Count > 0)
                for (int s = 0; s < k; s++) leakage[s] = ComplexVectors.HermitianForm(leakageMatrix, v[s]);
            return new SinrTerms(k, cross, leakage);
        }

        public double Power(int u, int s)
        {
            var c = Cross[u * K + s];
            return c.Real * c.Real + c.Imaginary * c.Imaginary;
        }

        public double[] Sinr(double noise, LeakageSurrogate surrogate)
        {
            double average = K == 0 ? 0 : Leakage.Sum() / K;
            var gamma = new double[K];
            for (int u = 0; u < K; u++)
            {
                double intra = 0;
                for (int s = 0; s < K; s++) if (s != u) intra += Power(u, s);
                gamma[u] = Power(u, u) / (intra + (surrogate == LeakageSurrogate.Salinr ? average : Leakage[u]) + noise);
            }
            return gamma;
        }
    }

    /// <summary>
    /// The FP starting point: the problem's initial beams (default: regularised zero forcing with
    /// equal power), scaled down to the power budget if they exceed it, then made sensing-feasible
    /// (<see cref="MakeSensingFeasible"/>). Copies; the problem's beams are not changed.
    /// </summary>
    public static Complex[][] StartingBeams(LocalBeamformingProblem problem)
    {
        var v = (problem.InitialBeams ?? RegularizedZeroForcing.Beams(problem.Channels, problem.Power, problem.Noise))
            .Select(b => (Complex[])b.Clone()).ToArray();
        ClampPower(v, problem.Power);
        if (problem.Sensing is not null) MakeSensingFeasible(problem, v);
        return v;
    }

    /// <summary>
    /// A sensing-feasible start for the SCA: SCA needs a reference that meets the constraints
    /// (otherwise the linearised subproblem (26) can be infeasible, e.g. when a start beam has a
    /// null toward a(θ̂_k) so that ψ̃_k = 0). Each user whose constraint the start violates gets a
    /// growing share ε of a pure sensing beam, v_k ← √(1−ε)·v_k + √ε·‖v_k‖·a_k, ε = 0.1, 0.2, …, 1,
    /// rescaled to ‖v_k‖ (so every beam keeps its power and the total stays within the budget),
    /// until every constraint holds. If even ε = 1 does not suffice, the capped multipliers of the
    /// dual solver turn the remaining constraints into penalties.
    /// </summary>
    public static void MakeSensingFeasible(LocalBeamformingProblem problem, Complex[][] v)
    {
        var sc = problem.Sensing!;
        var original = v.Select(b => (Complex[])b.Clone()).ToArray();
        for (int step = 1; step <= 10; step++)
        {
            var violating = Violations(sc, v);
            if (violating.Count == 0) return;
            double eps = step / 10.0;
            foreach (int u in violating)
            {
                double norm = Math.Sqrt(ComplexVectors.NormSquared(original[u]));
                if (norm == 0) norm = Math.Sqrt(problem.Power / v.Length);
                for (int i = 0; i < v[u].Length; i++)
                    v[u][i] = Math.Sqrt(1 - eps) * original[u][i] + Math.Sqrt(eps) * norm * sc.Steering[u][i];
                // The blend's norm is ‖v‖·|√(1−ε)·v̂ + √ε·a| (up to 2‖v‖ when v̂ ∥ a): scale it back.
                double blended = Math.Sqrt(ComplexVectors.NormSquared(v[u]));
                if (blended > 0) ComplexVectors.Scale(v[u], norm / blended);
            }
        }
    }

    private static List<int> Violations(SensingConstraints sc, Complex[][] v)
    {
        var list = new List<int>();
        for (int u = 0; u < v.Length; u++)
        {
            double phi = sc.NoiseTerm[u], own = 0;
            for (int j = 0; j < v.Length; j++)
            {
                double p = ComplexVectors.AbsDotSquared(sc.Steering[u], v[j]);
                if (j == u) own = p; else phi += p;
            }
            if (phi > sc.Ratio * own) list.Add(u);
        }
        return list;
    }

    /// <summary>Rotates each v_k by a unit phase so that h_kᴴv_k is real and non-negative.</summary>
    public static void AlignPhases(IReadOnlyList<Complex[]> h, Complex[][] v)
    {
        for (int u = 0; u < v.Length; u++)
        {
            var d = ComplexVectors.Dot(h[u], v[u]);
            double mag = d.Magnitude;
            if (mag > 0) ComplexVectors.Scale(v[u], Complex.Conjugate(d) / mag);
        }
    }

    /// <summary>Largest relative violation (φ_k − ρ|a_kᴴv_k|²)⁺/φ_k of the exact (not linearised) sensing constraints.</summary>
    public static double SensingViolation(LocalBeamformingProblem problem, IReadOnlyList<Complex[]> v)
    {
        if (problem.Sensing is null) return 0;
        var sc = problem.Sensing;
        double worst = 0;
        for (int u = 0; u < v.Count; u++)
        {
            double phi = sc.NoiseTerm[u], own = 0;
            for (int j = 0; j < v.Count; j++)
            {
                double p = ComplexVectors.AbsDotSquared(sc.Steering[u], v[j]);
                if (j == u) own = p; else phi += p;
            }
            worst = Math.Max(worst, Math.Max(0, phi - sc.Ratio * own) / phi);
        }
        return worst;
    }

    private static void ClampPower(Complex[][] v, double power)
    {
        double total = v.Sum(b => ComplexVectors.NormSquared(b));
        if (total > power)
        {
            double f = Math.Sqrt(power / total);
            foreach (var b in v) ComplexVectors.Scale(b, f);
        }
    }
}
