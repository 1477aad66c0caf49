using Complex = System.Numerics.Complex;
using Isac.Modeling;
using Isac.Modeling.Expressions;
using Isac.Physics;
using Isac.Precoding.Design;
using Isac.Precoding.Evaluation;
using Isac.Precoding.Sdp;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Blp;

/// <summary>
/// Block-level precoding for CBF, paper A (P1): per-BS problems (P1.A) and (P1.B) alternated by
/// Algorithm 1, with the interference covariance C_m recomputed from the other BSs' latest covariances.
/// </summary>
/// <remarks>
/// <para>BS m's variables (normalised by P_t): W̃_mk (Ntx², its K users), the scaled CRB bound t̂_m and,
/// when ρ &lt; 1, g_m = γ_m/γ_th. Caps: Ĩ_intra,m (its users' intra-cell interference), Ĩ_inter (the
/// inter-cell interference any user may receive, shared) and P̃_leak,m (its power toward the other
/// targets).</para>
/// <para>(P1.A) for BS m: maximise −ρ·CRB_m/NF_R + (1−ρ)·γ_m/NF_C s.t. the CRB LMI (19a) with C_m fixed,
/// leakage v_mnᵀ R̃_m v_mn* ≤ P̃_leak,m toward every other target n (36a), tr R̃_m ≤ 1 (36b),
/// Proposition 3's intra-cell bound (33) ≤ Ĩ_intra,m, the inter-cell bound (34) to every other cell's user
/// ≤ Ĩ_inter/(J−1), and (35) h_{m,mk}ᵀW̃_mkh* ≥ γ_m(Ĩ_intra,m + Ĩ_inter + σ̃²).</para>
/// <para>(P1.B) for BS m: minimise P̃_leak/P̃_leak^max + Ĩ_intra,m/Ĩ_max + Ĩ_inter,m/((J−1)Ĩ_max) (erratum 6) keeping
/// t̂_m ≤ t̂_m* and (35) with γ_m* (37b, σ_C² as erratum 5), with (34) at Ĩ_inter,m ≤ Ĩ_inter (37c). We also keep
/// P̃_leak,m and Ĩ_intra,m at most their current values (the (P1.A) solution satisfies both), so the caps never grow.
/// Then Ĩ_inter ← max_m Ĩ_inter,m and the (P1.B) covariances become the R_Xm from which the next C_m are computed.</para>
/// <para>Exact model: with γ fixed the intra-cell cap is not needed; BS m's users get the S-lemma LMI of
/// (h+e)ᵀ(W̃_mk/γ − Σ_{l≠k}W̃_ml)(h+e)* ≥ Ĩ_inter + σ̃² for all ‖e‖ ≤ δ, and (34) becomes the exact
/// max_e (h_{m,nk}+e)ᵀR̃_m(h_{m,nk}+e)* ≤ Ĩ_inter/(J−1) (an LMI each). Because each BS bounds its own
/// share of another cell's interference at that user's worst error, the sum over BSs is a valid
/// (conservative) bound of the inter-cell interference. With γ variable the intra-cell cap returns
/// with exact worst cases on both sides.</para>
/// </remarks>
internal sealed class BlpCbfDesign : DesignSkeleton, IRankReducible
{
    private readonly double _radius;
    private readonly bool _joint;
    private readonly int _j;
    private readonly double[] _intraCap;
    private readonly double[] _leakCap;
    private double _interCap;
    private readonly Matrix<Complex>[] _current;
    private ScaledFisher[] _fishers = [];
    private readonly double[] _objective;
    private readonly double[] _interCapOfBs;

    public BlpCbfDesign(DesignContext context, Tradeoff tradeoff) : base(context, tradeoff, CoordinationMode.Cbf)
    {
        _j = context.Network.Cells;
        _radius = context.Radius(CoordinationMode.Cbf);
        _joint = context.Settings.Robustness == RobustnessModel.Exact && !tradeoff.GammaIsVariable;
        var limits = context.Network.Limits;
        _intraCap = Enumerable.Repeat(context.Normalized(limits.InitialCap), _j).ToArray();
        _leakCap = Enumerable.Repeat(context.Normalized(limits.LeakageMax), _j).ToArray();
        _interCap = _j > 1 ? context.Normalized(limits.InitialCap) : 0;
        _interCapOfBs = new double[_j];
        _current = Enumerable.Range(0, _j).Select(_ => context.IsotropicCovariance(context.Network.TransmitElements)).ToArray();
        _objective = new double[_j];
        Streams = new Matrix<Complex>[_j][];
        Bounds = new double[_j];
        GammaRatio = Enumerable.Repeat(1.0, _j).ToArray();
    }

    /// <summary>The accepted W̃_mk, [m][k], in BS m's coordinates (normalised).</summary>
    public Matrix<Complex>[][] Streams { get; }

    /// <summary>The accepted scaled bounds t̂_m.</summary>
    public double[] Bounds { get; }

    /// <summary>The accepted g_m = γ_m*/γ_th.</summary>
    public double[] GammaRatio { get; }

    protected override bool HasCaps => true;

    protected override double[] Objectives => _objective;

    /// <summary>What one BS's (P1.A) solution gives.</summary>
    private sealed record AResult(Matrix<Complex>[] Streams, double? IntraCap, double Bound, double Gamma, double Objective);

    protected override StepOutcome StepA(int iteration)
    {
        _fishers = Enumerable.Range(0, _j).Select(m => C.CbfFisher(m, _current)).ToArray();
        var caps = new CapsOfA(iteration, (double[])_leakCap.Clone(), _interCap, (double[])_intraCap.Clone());
        var outcome = SolveUnits<AResult>("P1.A", iteration, (m, model) =>
        {
            var a = BuildA(model, m, caps);
            Tradeoff.SetObjective(model, a.Crb.Objective, a.G, _fishers[m].AngleScale, C.Gamma, m);
            return s =>
            {
                double bound = a.Crb.Values(s, 1)[0];
                return new AResult(a.W.Select(x => s.Value(x)).ToArray(), a.IntraVar is null ? null : Math.Max(s.Scalar(a.IntraVar), 0), bound,
                    s.Scalar(a.G), Tradeoff.SensingOnly ? -_fishers[m].Crb(bound) : s.Objective);
            };
        }, (m, r) =>
        {
            Streams[m] = r.Streams;
            Bounds[m] = r.Bound;
            GammaRatio[m] = r.Gamma;
            _objective[m] = r.Objective;
            if (r.IntraCap is double intra) _intraCap[m] = intra;
        }, PreferredConeShareOfA);
        if (outcome.Ok) _lastA = caps;
        return outcome;
    }

    /// <summary>(P1.A) goes to the cone-variable side when its Schur complement is at most this many times the free-scalar
    /// side's (291 against 260 in the reduced coordinates): on the Rayleigh network at Ntx = 128 it ended Optimal there
    /// in 5 of 6 solves (the sixth at 3.8·10⁻⁸), against OptimalInaccurate (stalls at 5·10⁻⁷-5·10⁻⁶) on the free-scalar
    /// side in 6 of 6, two of which were then solved again on the cone-variable side.</summary>
    private const double PreferredConeShareOfA = 1.25;

    /// <summary>The caps the last accepted (P1.A) was solved with (Algorithm 1's (P1.B) changes them afterwards).</summary>
    private sealed record CapsOfA(int Iteration, double[] Leak, double Inter, double[] Intra);

    private CapsOfA? _lastA;

    /// <summary>(P1.A) of BS m without its objective.</summary>
    private sealed record AModel(Variable[] W, CrbBound Crb, Expression G, Variable? IntraVar);

    /// <summary>(P1.A) of BS m without its objective, under the given caps.</summary>
    private AModel BuildA(Model model, int m, CapsOfA caps)
    {
        var (w, crb) = Base(model, m);
        var g = Tradeoff.GammaTerm(model);
        DesignConstraints.AddLeakage(model, Space, m, Expr.Sum(w), Expr.Constant(caps.Leak[m]));
        AddInterCell(model, m, w, Expr.Constant(caps.Inter));
        Variable? intraVar = null;
        if (_joint) AddJointSinr(model, m, w);
        else if (caps.Iteration == 1 && Tradeoff.SensingOnly && C.Settings.Alternating.OptimizeInitialCaps)
        {
            intraVar = ModelVariables.NonNegative(model, "I_intra");
            AddCappedSinr(model, m, w, g, intraVar);
        }
        else AddCappedSinr(model, m, w, g, Expr.Constant(caps.Intra[m]));
        return new AModel(w, crb, g, intraVar);
    }

    /// <inheritdoc/>
    public bool ReduceRank(double tolerance)
    {
        if (_lastA is not { } caps) return false;
        bool changed = false;
        for (int m = 0; m < _j; m++)
        {
            if (Recovery.BeamformerRecovery.LargestEigenvalueRatio(Streams[m]) <= C.Settings.Recovery.RankOneTolerance) continue;
            var outcome = TrySolve<(Matrix<Complex>[] W, double Bound)>("P1.A-rank", caps.Iteration, m, (bs, model) =>
            {
                var a = BuildA(model, bs, caps);
                LeastPowerObjective.Apply(model, a.W, a.Crb.Objective, Bounds[bs], a.G, GammaRatio[bs], Tradeoff, tolerance);
                return s => (a.W.Select(x => s.Value(x)).ToArray(), a.Crb.Values(s, 1)[0]);
            }, out var value);
            if (!outcome.Ok) continue;
            Streams[m] = value.W;
            if (!double.IsNaN(value.Bound)) Bounds[m] = value.Bound;
            changed = true;
        }
        return changed;
    }

    /// <summary>What one BS's (P1.B) solution gives: its covariance on the antennas (absolute units) and its caps.</summary>
    private sealed record BResult(Matrix<Complex> Covariance, double Leak, double Intra, double Inter);

    protected override StepOutcome StepB(int iteration)
    {
        var limits = C.Network.Limits;
        double slack = C.Settings.Alternating.Slack;
        var outcome = SolveUnits<BResult>("P1.B", iteration, (m, model) =>
        {
            var (w, crb) = Base(model, m);
            if (crb.Objective is not null) model.Add(crb.Objective <= Bounds[m] * (1 + slack));
            double g = GammaRatio[m] * (1 - slack);
            Expression objective = Expr.Constant(0.0);
            ScaledScalar? leakVar = null, intraVar = null, interVar = null;
            double leakUnit = C.Normalized(limits.LeakageMax), interferenceUnit = C.Normalized(limits.InterferenceMax);
            if (_j > 1)
            {
                var leak = ScaledScalar.NonNegative(model, "P_leak", leakUnit);
                leak.AtMost(model, _leakCap[m]);
                DesignConstraints.AddLeakage(model, Space, m, Expr.Sum(w), leak.Value);
                var inter = ScaledScalar.NonNegative(model, "I_inter", interferenceUnit);
                inter.AtMost(model, _interCap);
                AddInterCell(model, m, w, inter.Value);
                objective = leak.Variable + inter.Variable * (1.0 / (_j - 1));
                (leakVar, interVar) = (leak, inter);
            }
            if (_joint) AddJointSinr(model, m, w, g);
            else
            {
                var intra = ScaledScalar.NonNegative(model, "I_intra", interferenceUnit);
                intra.AtMost(model, _intraCap[m]);
                AddCappedSinr(model, m, w, g, intra.Value);
                objective = objective + intra.Variable;
                intraVar = intra;
            }
            model.Minimize(objective);
            return s => new BResult(Space.Covariance(m, Sum(w.Select(x => s.Value(x)))) * C.Network.TransmitPower,
                leakVar is not { } lv ? _leakCap[m] : Math.Min(_leakCap[m], Math.Max(lv.Read(s), 0)),
                intraVar is not { } iv ? _intraCap[m] : Math.Min(_intraCap[m], Math.Max(iv.Read(s), 0)),
                interVar is not { } ev ? 0 : Math.Min(_interCap, Math.Max(ev.Read(s), 0)));
        }, (m, r) =>
        {
            _current[m] = r.Covariance;
            _leakCap[m] = r.Leak;
            _intraCap[m] = r.Intra;
            _interCapOfBs[m] = r.Inter;
        });
        if (outcome.Ok && _j > 1) _interCap = _interCapOfBs.Max();
        return outcome;
    }

    protected override IterationRecord Record(int iteration)
    {
        var net = C.Network;
        var caps = new Dictionary<string, double>();
        for (int m = 0; m < _j; m++)
        {
            if (!_joint) caps[$"I_intra[{m + 1}]"] = _intraCap[m] * net.TransmitPower;
            if (_j > 1) caps[$"P_leak[{m + 1}]"] = _leakCap[m] * net.TransmitPower;
        }
        if (_j > 1) caps["I_inter"] = _interCap * net.TransmitPower;
        var stacked = StackedStreams();
        return new IterationRecord(iteration, (double[])_objective.Clone(),
            Bounds.Select((b, m) => SensingMetrics.RootDegrees(_fishers[m].Crb(b))).ToArray(),
            SensingMetrics.RcrbDeg(net.Scene, CoordinationMode.Cbf, Sum(stacked)),
            GammaRatio.Select(g => SensingMetrics.Db(g * C.Gamma)).ToArray(),
            BlockMetrics.MinNominalSinrDb(net, CoordinationMode.Cbf, stacked),
            caps);
    }

    /// <summary>The accepted streams on the stacked antennas, absolute units, global user order.</summary>
    public Matrix<Complex>[] StackedStreams()
    {
        var net = C.Network;
        int ntx = net.TransmitElements;
        var result = new Matrix<Complex>[net.Users];
        for (int m = 0; m < _j; m++)
            for (int k = 0; k < net.UsersPerCell; k++)
            {
                var s = Matrix<Complex>.Build.Dense(net.StackedDimension, net.StackedDimension);
                s.SetSubMatrix(m * ntx, m * ntx, Space.Covariance(m, Streams[m][k]) * net.TransmitPower);
                result[m * net.UsersPerCell + k] = s;
            }
        return result;
    }

    public override RelaxedSolution Solution()
    {
        var net = C.Network;
        var streams = StackedStreams();
        var gammas = Enumerable.Range(0, net.Users).Select(u => GammaRatio[u / net.UsersPerCell] * C.Gamma).ToArray();
        return new RelaxedSolution(streams, null, Sum(streams), gammas,
            Enumerable.Range(0, _j).Select(Crb).ToArray(), GammaRatio.Select(g => g * C.Gamma).ToArray());
    }

    /// <summary>CRB(θ) in rad² of BS m's accepted SDP bound.</summary>
    public double Crb(int bs) => _fishers[bs].Crb(Bounds[bs]);

    /// <summary>BS m's stream covariances (its coordinates), the CRB bound and the power budget.</summary>
    private (Variable[] W, CrbBound Crb) Base(Model model, int m)
    {
        int d = Space.Dimension(m), k = C.Network.UsersPerCell;
        var w = Enumerable.Range(0, k).Select(u => model.HermitianPsd($"W{m + 1}{u + 1}", d)).ToArray();
        var crb = CrbBound.Add(model, Tradeoff, [_fishers[m]], c => Expr.Sum(w.Select(x => Expr.Trace(c * x))));
        DesignConstraints.AddPower(model, w, Space, stacked: false);
        return (w, crb);
    }

    /// <summary>(34): BS m's interference at every user of the other cells ≤ cap/(J−1) (Proposition 3 or exact).</summary>
    private void AddInterCell(Model model, int m, Variable[] w, Expression cap)
    {
        if (_j == 1) return;
        var net = C.Network;
        bool exact = C.Settings.Robustness == RobustnessModel.Exact;
        var share = cap * (1.0 / (_j - 1));
        for (int n = 0; n < _j; n++)
        {
            if (n == m) continue;
            for (int k = 0; k < net.UsersPerCell; k++)
            {
                var h = Space.Channel(m, n, k);
                string name = $"ici{n + 1}{k + 1}";
                if (exact) RobustQuadratic.AddWorstCaseUpperBound(model, name, h, Expr.Sum(w), share, _radius);
                else model.Add(Expr.Sum(w.Select(x => RobustQuadratic.PaperUpperBound(h, x, _radius))) <= share, name);
            }
        }
    }

    /// <summary>(33) and (35) with the given g = γ/γ_th and intra-cell cap.</summary>
    private void AddCappedSinr(Model model, int m, Variable[] w, Expression g, Expression intraCap)
    {
        var net = C.Network;
        bool exact = C.Settings.Robustness == RobustnessModel.Exact;
        for (int k = 0; k < net.UsersPerCell; k++)
        {
            var h = Space.Channel(m, m, k);
            var others = Enumerable.Range(0, net.UsersPerCell).Where(l => l != k).Select(l => (Expression)w[l]).ToArray();
            var rhs = g * (intraCap + (_interCap + C.Noise));
            if (exact)
            {
                RobustQuadratic.AddWorstCaseLowerBound(model, $"signal{k + 1}", h, w[k] * (1 / C.Gamma), rhs, _radius);
                if (others.Length > 0) RobustQuadratic.AddWorstCaseUpperBound(model, $"intra{k + 1}", h, Expr.Sum(others), intraCap, _radius);
            }
            else
            {
                model.Add(RobustQuadratic.Nominal(h, w[k]) * (1 / C.Gamma) >= rhs, $"signal{k + 1}");
                if (others.Length > 0)
                    model.Add(Expr.Sum(others.Select(x => RobustQuadratic.PaperUpperBound(h, x, _radius))) <= intraCap, $"intra{k + 1}");
            }
        }
    }

    /// <summary>Exact, γ fixed: (h+e)ᵀ(W̃_mk/(gγ) − Σ_{l≠k}W̃_ml)(h+e)* ≥ Ĩ_inter + σ̃² for all ‖e‖ ≤ δ (SINR ≥ gγ).</summary>
    private void AddJointSinr(Model model, int m, Variable[] w, double g = 1)
    {
        var net = C.Network;
        for (int k = 0; k < net.UsersPerCell; k++)
        {
            var others = Enumerable.Range(0, net.UsersPerCell).Where(l => l != k).Select(l => (Expression)w[l]).ToArray();
            var signal = w[k] * (1 / (g * C.Gamma));
            var phi = others.Length > 0 ? signal - Expr.Sum(others) : signal;
            RobustQuadratic.AddWorstCaseLowerBound(model, $"sinr{k + 1}", Space.Channel(m, m, k), phi, _interCap + C.Noise, _radius);
        }
    }

    private static Matrix<Complex> Sum(IEnumerable<Matrix<Complex>> ms)
    {
        Matrix<Complex>? r = null;
        foreach (var m in ms) r = r is null ? m.Clone() : r + m;
        return r ?? throw new InvalidOperationException("no matrices");
    }
}
