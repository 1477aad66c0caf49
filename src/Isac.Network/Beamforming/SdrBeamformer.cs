using Isac.Core.Numerics;
using Isac.Conic;
using Isac.Modeling;
using Isac.Modeling.Expressions;
using Isac.Modeling.Solutions;
using Isac.Network.Surrogates;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Network.Beamforming;

/// <summary>
/// The SDR-based ISAC beamformer, paper B's baseline in Fig. 5 and Table I (its reference [1]):
/// the same FP outer loop as DualOpt, but each iteration relaxes the beams to covariances
/// V_k = v_kv_kᴴ ⪰ 0 and solves a semidefinite program with the modelling layer (Isac.Modeling)
/// and the conic interior-point solver (Isac.Conic); beams are the principal eigenvectors.
/// </summary>
/// <remarks>
/// <para>With V in place of vvᴴ every term of problem (17) is linear in V except the logarithm:
/// γ̃_k(V) = hᴴ_kV_kh_k / (Σ_{s≠k} hᴴ_kV_sh_k + L_k(V) + σ²), L_k = tr(D Σ_jV_j)/K (SALINR) or
/// tr(D V_k) (SLINR), and the sensing constraint (17c) becomes exactly linear,
/// Σ_{j≠k} a_kᴴV_ja_k + n_k ≤ ρ·a_kᴴV_ka_k, so no SCA is needed. The Lagrangian dual transform
/// (19) leaves Σ_k w_k(1+ξ_k)·hᴴ_kV_kh_k / B_k(V), B_k the SALINR denominator including the own
/// signal; the quadratic transform of a ratio with a linear numerator A_k gives
/// 2ζ_k√A_k − ζ_k²B_k with ζ_k = √A_k/B_k, and √A_k ≥ t_k is the convex constraint t_k² ≤ A_k(V).
/// Each FP iteration therefore solves</para>
/// <para>max Σ_k 2ζ_kt_k − Σ_s tr(M_sV_s) s.t. t_k² ≤ w_k(1+ξ_k)hᴴ_kV_kh_k, Σ_k tr V_k ≤ P,
/// the linear sensing constraints, V_k ⪰ 0, with M_s = Σ_k ζ_k²h_kh_kᴴ + (Σ_kζ_k²/K)·D (SALINR) or
/// + ζ_s²·D (SLINR). For rank-one V it is exactly the vector subproblem (26) without the SCA;
/// without sensing constraints the relaxation is tight (one linear functional of each V_k in the
/// objective's coupling; docs/derivations-paper-b.md §7). ξ and ζ are updated from the relaxed
/// V, so the relaxed virtual PFR never decreases; the reported trace is the virtual PFR of the
/// extracted beams v_k = √λ_max(V_k)·u_max(V_k), the ones a BS would transmit.</para>
/// <para>Scaling for the solver: channels are multiplied by √(P/σ²) and V divided by P (noise 1,
/// budget 1), and the PF weights divided by their largest value; none of this changes the
/// maximiser.</para>
/// </remarks>
public sealed class SdrBeamformer : ILocalBeamformer
{
    private readonly SdrSettings _settings;
    private readonly FractionalProgrammingSettings _fp;

    /// <summary>Creates the beamformer.</summary>
    /// <param name="settings">The semidefinite programs' solver settings.</param>
    /// <param name="fp">The FP loop's iteration cap and stopping tolerance (the relaxed virtual PFR's relative improvement).</param>
    public SdrBeamformer(SdrSettings? settings = null, FractionalProgrammingSettings? fp = null)
    {
        _settings = settings ?? new SdrSettings();
        _fp = fp ?? new FractionalProgrammingSettings();
    }

    /// <inheritdoc />
    public string Name => "sdr";

    /// <inheritdoc />
    public BeamformingResult Solve(LocalBeamformingProblem problem)
    {
        int k = problem.Users;
        if (k == 0) return new BeamformingResult([], [0.0], 0, 0) { RelaxationRankRatio = 0 };
        var beams = FractionalProgrammingBeamformer.StartingBeams(problem);

        var relaxation = new Relaxation(problem, _settings);
        var v = beams.Select(b => relaxation.CovarianceOf(b)).ToArray();
        var trace = new List<double>();
        var best = new BestIterate();
        int solverIterations = 0;
        string? failure = null;
        double previous = double.NegativeInfinity;
        double rankRatio = 0;
        TimeSpan compile = TimeSpan.Zero, solve = TimeSpan.Zero;
        for (int r = 0; ; r++)
        {
            FractionalProgrammingBeamformer.AlignPhases(problem.Channels, beams);
            double objective = LocalSinr.WeightedSumRate(problem.Weights,
                LocalSinr.Sinr(problem.Channels, problem.LeakageChannels, beams, problem.Noise, problem.Surrogate));
            trace.Add(objective);
            best.Offer(beams, objective, FractionalProgrammingBeamformer.SensingViolation(problem, beams));
            if (r >= _fp.MaxIterations) break;
            double relaxed = relaxation.VirtualPfr(v);
            if (r > 0 && relaxed - previous <= _fp.Tolerance * Math.Abs(relaxed)) break;
            previous = relaxed;

            var solution = relaxation.SolveStep(v);
            solverIterations += solution.Statistics.Iterations;
            compile += solution.Statistics.CompileTime;
            solve += solution.Statistics.SolveTime;
            if (!solution.HasValues)
            {
                failure = $"SDP of FP iteration {r + 1}: {solution.Status}";
                break;
            }
            v = relaxation.Covariances(solution);
            var extracted = v.Select(relaxation.PrincipalBeam).ToArray();
            rankRatio = extracted.Max(e => e.RankRatio);
            beams = extracted.Select(e => e.Beam).ToArray();
        }
        return new BeamformingResult(best.Beams!, trace, solverIterations, FractionalProgrammingBeamformer.SensingViolation(problem, best.Beams!))
        {
            Failure = failure,
            RelaxationRankRatio = rankRatio,
            ModelTime = (compile, solve),
        };
    }

    /// <summary>The relaxed problem of one BS in solver units (noise 1, budget 1), built once and re-solved with new FP parameters.</summary>
    internal sealed class Relaxation
    {
        private readonly LocalBeamformingProblem _problem;
        private readonly Matrix<Complex> _basis;    // B: orthonormal basis of the data's span
        private readonly ModelSettings _modelSettings;
        private readonly int _k, _n;
        private readonly Vector<Complex>[] _g;      // √(P/σ²)·h_k
        private readonly Matrix<Complex> _d;        // (P/σ²)·Σ_t ĥ_tĥ_tᴴ
        private readonly double[] _w;               // w_k / max w
        private readonly Model _model;
        private readonly Variable[] _cov;
        private readonly Vector<Complex>[] _direction; // g_k/‖g_k‖
        private readonly Parameter[] _form, _gain;

        public Relaxation(LocalBeamformingProblem problem, SdrSettings settings)
        {
            _problem = problem;
            _k = problem.Users;
            _basis = DataSubspace(problem);
            _n = _basis.ColumnCount;
            double scale = Math.Sqrt(problem.Power / problem.Noise);
            _g = problem.Channels.Select(h => scale * Reduce(h)).ToArray();
            _d = Matrix<Complex>.Build.Dense(_n, _n);
            foreach (var l in problem.LeakageChannels)
            {
                var x = scale * Reduce(l);
                _d += x.OuterProduct(x.Conjugate());
            }
            double wMax = problem.Weights.Max();
            _w = problem.Weights.Select(w => w / wMax).ToArray();
            _modelSettings = new ModelSettings
            {
                Solver = SolverSettings.Default with
                {
                    Verbosity = Verbosity.Silent,
                    Threads = settings.SolverThreads,
                    RelativeGapTolerance = settings.SolverTolerance,
                    PrimalFeasibilityTolerance = settings.SolverTolerance,
                    DualFeasibilityTolerance = settings.SolverTolerance,
                },
            };

            _model = new Model("sdr-isac-beamforming");
            _cov = Enumerable.Range(0, _k).Select(u => _model.HermitianPsd($"V{u}", _n)).ToArray();
            var t = Enumerable.Range(0, _k).Select(u => _model.RealScalar($"t{u}")).ToArray();
            _form = Enumerable.Range(0, _k).Select(u => _model.Parameter($"M{u}", Matrix<Complex>.Build.DenseIdentity(_n), hermitian: true)).ToArray();
            _gain = Enumerable.Range(0, _k).Select(u => _model.Parameter($"b{u}", 0.0, nonnegative: true)).ToArray();
            _direction = _g.Select(g => g / g.L2Norm()).ToArray();
            var objective = new List<Expression>();
            for (int u = 0; u < _k; u++)
            {
                objective.Add(_gain[u] * t[u]);
                objective.Add(-Expr.Trace(_form[u] * _cov[u]).Re());
                // t_u² ≤ ĝ_uᴴV_uĝ_u with ĝ_u = g_u/‖g_u‖: t_u·‖g_u‖·√(w_u(1+ξ_u)) is √A_u of the transform,
                // written so that every cone has unit-norm data (the solver's scaling needs it).
                _model.Add(Expr.SumSquares(t[u]) <= Expr.QuadForm(Expr.Constant(_direction[u]), _cov[u]), $"signal{u}");
            }
            _model.Maximize(Expr.Sum(objective));
            _model.Add(Expr.Sum(_cov.Select(c => c.Trace().Re())) <= 1.0, "power");
            if (problem.Sensing is { } sc)
            {
                // (Σ_{j≠u} a_uᴴV_ja_u + n_u/P)/ρ ≤ a_uᴴV_ua_u: eq. (16)-(17c) divided by Gκ²|β̂_u|² and ρ, V in units of P.
                for (int u = 0; u < _k; u++)
                {
                    var a = Expr.Constant(Reduce(sc.Steering[u]));
                    var others = Enumerable.Range(0, _k).Where(j => j != u).Select(j => Expr.QuadForm(a, _cov[j])).ToList();
                    double noise = sc.NoiseTerm[u] / problem.Power / sc.Ratio;
                    var left = others.Count == 0 ? Expr.Constant(noise) : (1 / sc.Ratio) * Expr.Sum(others) + noise;
                    _model.Add(left <= Expr.QuadForm(a, _cov[u]), $"sensing{u}");
                }
            }
        }

        /// <summary>The dimension of the data subspace the covariances live in (≤ N_t).</summary>
        public int Dimension => _n;

        /// <summary>V = (Bᴴv)(Bᴴv)ᴴ/P for a beam in watts.</summary>
        public Matrix<Complex> CovarianceOf(Complex[] beam)
        {
            var x = Reduce(beam) / Math.Sqrt(_problem.Power);
            return x.OuterProduct(x.Conjugate());
        }

        /// <summary>
        /// An orthonormal basis B (N_t × r) of the span of the data: the channels h_k, the leakage
        /// channels and the sensing directions a_k. Every term of the relaxation is xᴴVx or tr(DV)
        /// with x and range(D) in that span, except the power tr V; so replacing V by its
        /// compression P_SVP_S keeps every term and does not raise the power: an optimal V lies in
        /// the span, and V = BWBᴴ with W ⪰ 0 of order r loses nothing. With 6 users per BS the
        /// span has r ≤ 24 &lt; 32 = N_t, and the solver's work falls with r³.
        /// </summary>
        private static Matrix<Complex> DataSubspace(LocalBeamformingProblem problem)
        {
            var vectors = problem.Channels.Concat(problem.LeakageChannels)
                .Concat(problem.Sensing?.Steering ?? []).ToList();
            int n = problem.Antennas;
            if (vectors.Count < n)
            {
                var stacked = Matrix<Complex>.Build.Dense(n, vectors.Count, (i, j) => vectors[j][i]);
                var svd = stacked.Svd(computeVectors: true);
                double top = svd.S[0].Real;
                int rank = svd.S.Count(x => x.Real > 1e-10 * top);
                if (rank < n) return svd.U.SubMatrix(0, n, 0, rank);
            }
            return Matrix<Complex>.Build.DenseIdentity(n);
        }

        private Vector<Complex> Reduce(IReadOnlyList<Complex> x) =>
            _basis.ConjugateTransposeThisAndMultiply(Vector<Complex>.Build.Dense(x.Count, i => x[i]));

        /// <summary>The relaxed SINRs γ̃_k(V) (solver units).</summary>
        public double[] Sinr(Matrix<Complex>[] v, out double[] total)
        {
            var power = new double[_k, _k]; // power[u, s] = g_uᴴV_sg_u
            for (int u = 0; u < _k; u++)
                for (int s = 0; s < _k; s++) power[u, s] = Quad(_g[u], v[s]);
            var leak = v.Select(x => (_d * x).Trace().Real).ToArray();
            double average = leak.Sum() / _k;
            var gamma = new double[_k];
            total = new double[_k];
            for (int u = 0; u < _k; u++)
            {
                double all = 1 + (_problem.Surrogate == LeakageSurrogate.Salinr ? average : leak[u]);
                for (int s = 0; s < _k; s++) all += power[u, s];
                total[u] = all;
                gamma[u] = power[u, u] / (all - power[u, u]);
            }
            return gamma;
        }

        /// <summary>Σ_k w_k log2(1 + γ̃_k(V)) with the problem's weights.</summary>
        public double VirtualPfr(Matrix<Complex>[] v) => LocalSinr.WeightedSumRate(_problem.Weights, Sinr(v, out _));

        /// <summary>One FP iteration: ξ and ζ at <paramref name="v"/>, then the SDP.</summary>
        public ModelSolution SolveStep(Matrix<Complex>[] v)
        {
            var gamma = Sinr(v, out var total);
            var zeta2 = new double[_k];
            var gain = new double[_k];
            double value = 0; // Σ_k A_k/B_k: the transformed objective at v, used to scale it to O(1)
            for (int u = 0; u < _k; u++)
            {
                double c = _w[u] * (1 + gamma[u]);
                double a = c * Quad(_g[u], v[u]);
                double z = Math.Sqrt(Math.Max(a, 0)) / total[u];
                zeta2[u] = z * z;
                gain[u] = 2 * z * Math.Sqrt(c) * _g[u].L2Norm();
                value += a / total[u];
            }
            double scale = value > 0 ? 1 / value : 1;
            for (int u = 0; u < _k; u++) _gain[u].Set(scale * gain[u]);
            var common = Matrix<Complex>.Build.Dense(_n, _n);
            for (int u = 0; u < _k; u++) common += zeta2[u] * _g[u].OuterProduct(_g[u].Conjugate());
            if (_problem.Surrogate == LeakageSurrogate.Salinr) common += zeta2.Sum() / _k * _d;
            for (int s = 0; s < _k; s++)
            {
                var form = _problem.Surrogate == LeakageSurrogate.Slinr ? common + zeta2[s] * _d : common;
                _form[s].Set(HermitianPart.Of(scale * form));
            }
            return _model.Solve(_modelSettings);
        }

        /// <summary>The covariances of a solution (solver units).</summary>
        public Matrix<Complex>[] Covariances(ModelSolution solution) => _cov.Select(c => HermitianPart.Of(solution.Value(c))).ToArray();

        /// <summary>√λ_max·u_max of V in watts, and λ₂/λ₁.</summary>
        public (Complex[] Beam, double RankRatio) PrincipalBeam(Matrix<Complex> v)
        {
            var evd = v.Evd(Symmetricity.Hermitian);
            var values = evd.EigenValues.Select(e => e.Real).ToArray();
            int top = Array.IndexOf(values, values.Max());
            double lambda = Math.Max(values[top], 0);
            double second = values.Where((_, i) => i != top).DefaultIfEmpty(0).Max();
            double f = Math.Sqrt(lambda * _problem.Power);
            var beam = (_basis * evd.EigenVectors.Column(top) * f).ToArray();
            return (beam, lambda > 0 ? Math.Max(second, 0) / lambda : 0);
        }

        private static double Quad(Vector<Complex> g, Matrix<Complex> v) => (g.Conjugate() * (v * g)).Real;
    }
}
