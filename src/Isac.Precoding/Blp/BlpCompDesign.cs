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
/// Block-level precoding for CoMP, paper A (P2): (P2.A) and (P2.B) alternated by Algorithm 1.
/// </summary>
/// <remarks>
/// <para>Variables (normalised by P_t): the stacked stream covariances W̃_k ((J·Ntx)², one per user),
/// the scaled CRB bounds t̂_m of every BS, f ≥ t̂_m (the largest, (38b)), and, when ρ &lt; 1, g = γ/γ_th ≥ 1.</para>
/// <para>(P2.A): maximise −ρf/NF_R + (1−ρ)g/NF_C s.t. the CoMP CRB LMIs (38a), (38b), per-BS power
/// Σ_k tr(D_m W̃_k D_m) ≤ 1 (43a), and the SINR pair (41)-(42): hᵀW̃_kh* ≥ γ(Ĩ_comp + σ̃²) with the
/// interference of every other stream bounded by Proposition 3, Σ_{l≠k} [hᵀW̃_lh* + ρ_e² tr W̃_l + 2ρ_e‖W̃_l h*‖] ≤ Ĩ_comp,
/// ρ_e = √J·δ ((39)-(40)). (P2.B): minimise Ĩ_comp keeping f ≤ f*, γ ≥ γ* ((44a)-(44d)).</para>
/// <para>Exact model: with γ fixed (ρ = 1) the SINR constraint is written directly as
/// min_e SINR_k(e) ≥ γ, i.e. (h+e)ᵀ(W̃_k − γΣ_{l≠k}W̃_l)(h+e)* ≥ γσ̃² for all ‖e‖ ≤ ρ_e, one S-lemma LMI per
/// user; then there is no cap and one (P2.A) solve is the design. With γ variable the pair (41)-(42)
/// is kept with exact worst cases: min_e hᵀW̃_kh* ≥ γ(Ĩ + σ̃²) and max_e Σ_{l≠k} … ≤ Ĩ (S-lemma each).</para>
/// </remarks>
internal sealed class BlpCompDesign : DesignSkeleton, IRankReducible
{
    private readonly ScaledFisher[] _fishers;
    private readonly double _radius;
    private readonly bool _joint;
    private double _cap;
    private double _objective;

    public BlpCompDesign(DesignContext context, Tradeoff tradeoff) : base(context, tradeoff, CoordinationMode.Comp)
    {
        _fishers = context.CompFishers();
        _radius = context.Radius(CoordinationMode.Comp);
        _joint = context.Settings.Robustness == RobustnessModel.Exact && !tradeoff.GammaIsVariable;
        _cap = context.Normalized(context.Network.Limits.InitialCap);
    }

    /// <summary>The accepted stream covariances W̃_k (normalised), stacked coordinates.</summary>
    public Matrix<Complex>[] Streams { get; private set; } = [];

    /// <summary>The accepted scaled bounds t̂_m (NaN when ρ = 0).</summary>
    public double[] Bounds { get; private set; } = [];

    /// <summary>The accepted g = γ*/γ_th.</summary>
    public double GammaRatio { get; private set; } = 1;

    /// <summary>CRB(θ) in rad² from a scaled bound of BS m.</summary>
    public double Crb(int bs, double bound) => _fishers[bs].Crb(bound);

    /// <summary>
    /// The alternation is needed only when a cap is an input: with γ fixed and the cap optimised in the first
    /// (P2.A) (or no cap at all, exact model), that solve is already the convex problem (P2) itself, and (P2.B)
    /// could only lower the cap without changing f.
    /// </summary>
    protected override bool HasCaps => !_joint && !(Tradeoff.SensingOnly && C.Settings.Alternating.OptimizeInitialCaps);

    protected override double[] Objectives => [_objective];

    private int _lastIteration = 1;

    /// <summary>What a (P2.A) solution gives.</summary>
    private sealed record AResult(Matrix<Complex>[] Streams, double[] Bounds, double Gamma, double? Cap, double Objective);

    protected override StepOutcome StepA(int iteration) => SolveUnits<AResult>("P2.A", iteration, (_, model) =>
    {
        var a = BuildA(model, iteration);
        Tradeoff.SetObjective(model, a.Crb.Objective, a.G, _fishers[0].AngleScale, C.Gamma, 0);
        return s => Read(s, a);
    }, (_, r) =>
    {
        Accept(r);
        _objective = Tradeoff.SensingOnly ? -Crb(0, Bounds.Max()) : r.Objective;
        _lastIteration = iteration;
    });

    /// <inheritdoc/>
    public bool ReduceRank(double tolerance)
    {
        var outcome = TrySolve<AResult>("P2.A-rank", _lastIteration, 0, (_, model) =>
        {
            var a = BuildA(model, _lastIteration);
            LeastPowerObjective.Apply(model, a.W, a.Crb.Objective, Bounds.Max(), a.G, GammaRatio, Tradeoff, tolerance);
            return s => Read(s, a);
        }, out var r);
        if (!outcome.Ok) return false;
        Accept(r!);
        return true;
    }

    private AResult Read(Isac.Modeling.Solutions.ModelSolution s, AModel a) =>
        new(a.W.Select(x => s.Value(x)).ToArray(), a.Crb.Values(s, C.Network.Cells), s.Scalar(a.G),
            a.Cap is null ? null : Math.Max(s.Scalar(a.Cap), 0), s.Objective);

    private void Accept(AResult r)
    {
        Streams = r.Streams;
        Bounds = r.Bounds;
        GammaRatio = r.Gamma;
        if (r.Cap is double cap) _cap = cap;
    }

    /// <summary>(P2.A) without its objective.</summary>
    private sealed record AModel(Variable[] W, CrbBound Crb, Expression G, Variable? Cap);

    /// <summary>(P2.A)'s variables and constraints without its objective.</summary>
    private AModel BuildA(Model model, int iteration)
    {
        var (w, crb) = Base(model);
        var g = Tradeoff.GammaTerm(model);
        Variable? capVar = null;
        if (_joint) AddJointSinr(model, w);
        else if (iteration == 1 && Tradeoff.SensingOnly && C.Settings.Alternating.OptimizeInitialCaps)
        {
            capVar = ModelVariables.NonNegative(model, "I_comp");
            AddCappedSinr(model, w, u => capVar + C.Noise, capVar);
        }
        else AddCappedSinr(model, w, u => g * (_cap + C.Noise), Expr.Constant(_cap));
        return new AModel(w, crb, g, capVar);
    }

    protected override StepOutcome StepB(int iteration) => SolveUnits<double>("P2.B", iteration, (_, model) =>
    {
        var (w, crb) = Base(model);
        double slack = C.Settings.Alternating.Slack;
        if (crb.Objective is not null) model.Add(crb.Objective <= Bounds.Max() * (1 + slack));
        double g = GammaRatio * (1 - slack);
        var cap = ScaledScalar.NonNegative(model, "I_comp", C.Noise);
        AddCappedSinr(model, w, u => g * (cap.Value + C.Noise), cap.Value);
        model.Minimize(cap.Variable);
        return s => Math.Max(cap.Read(s), 0);
    }, (_, cap) => _cap = cap);

    protected override IterationRecord Record(int iteration)
    {
        var net = C.Network;
        var caps = new Dictionary<string, double>();
        if (!_joint) caps["I_comp"] = _cap * net.TransmitPower;
        var streams = AntennaStreams();
        return new IterationRecord(iteration, [_objective],
            Bounds.Select((b, m) => SensingMetrics.RootDegrees(_fishers[m].Crb(b))).ToArray(),
            SensingMetrics.RcrbDeg(net.Scene, CoordinationMode.Comp, Covariance(streams)),
            [SensingMetrics.Db(GammaRatio * C.Gamma)],
            BlockMetrics.MinNominalSinrDb(net, CoordinationMode.Comp, streams),
            caps);
    }

    public override RelaxedSolution Solution()
    {
        var net = C.Network;
        double gamma = GammaRatio * C.Gamma;
        var streams = AntennaStreams();
        return new RelaxedSolution(streams, null, Covariance(streams),
            Enumerable.Repeat(gamma, net.Users).ToArray(), [Crb(0, Bounds.Max())], [gamma]);
    }

    /// <summary>The accepted streams on the stacked antennas, absolute units.</summary>
    private Matrix<Complex>[] AntennaStreams() => Streams.Select(x => Space.StackedCovariance(x) * C.Network.TransmitPower).ToArray();

    /// <summary>R_X = Σ_k W_k (absolute units, antennas).</summary>
    private Matrix<Complex> Covariance(Matrix<Complex>[] streams)
    {
        var r = Matrix<Complex>.Build.Dense(C.Network.StackedDimension, C.Network.StackedDimension);
        foreach (var x in streams) r += x;
        return r;
    }

    /// <summary>The stacked stream covariances, the CRB bounds of every BS and the per-BS power budgets.</summary>
    private (Variable[] W, CrbBound Crb) Base(Model model)
    {
        var net = C.Network;
        int n = Space.StackedDimension;
        var w = Enumerable.Range(0, net.Users).Select(u => model.HermitianPsd($"W{u + 1}", n)).ToArray();
        var crb = CrbBound.Add(model, Tradeoff, _fishers, c => Expr.Sum(w.Select(x => Expr.Trace(c * x))));
        DesignConstraints.AddPower(model, w, Space, stacked: true);
        return (w, crb);
    }

    /// <summary>(41)-(42): signal ≥ rhs(u) (divided by γ_th), interference ≤ cap, Proposition 3 or exact worst cases.</summary>
    private void AddCappedSinr(Model model, Variable[] w, Func<int, Expression> rhs, Expression cap)
    {
        var net = C.Network;
        bool exact = C.Settings.Robustness == RobustnessModel.Exact;
        for (int u = 0; u < net.Users; u++)
        {
            var h = Space.StackedChannel(u);
            var others = Enumerable.Range(0, net.Users).Where(v => v != u).Select(v => (Expression)w[v]).ToArray();
            if (exact)
            {
                RobustQuadratic.AddWorstCaseLowerBound(model, $"signal{u + 1}", h, w[u] * (1 / C.Gamma), rhs(u), _radius);
                RobustQuadratic.AddWorstCaseUpperBound(model, $"interference{u + 1}", h, Expr.Sum(others), cap, _radius);
            }
            else
            {
                model.Add(RobustQuadratic.Nominal(h, w[u]) * (1 / C.Gamma) >= rhs(u), $"signal{u + 1}");
                model.Add(Expr.Sum(others.Select(x => RobustQuadratic.PaperUpperBound(h, x, _radius))) <= cap, $"interference{u + 1}");
            }
        }
    }

    /// <summary>Exact robust SINR with γ fixed: (h+e)ᵀ(W̃_k/γ − Σ_{l≠k}W̃_l)(h+e)* ≥ σ̃² for all ‖e‖ ≤ ρ_e.</summary>
    private void AddJointSinr(Model model, Variable[] w)
    {
        var net = C.Network;
        for (int u = 0; u < net.Users; u++)
        {
            var others = Enumerable.Range(0, net.Users).Where(v => v != u).Select(v => (Expression)w[v]);
            var phi = w[u] * (1 / C.Gamma) - Expr.Sum(others);
            RobustQuadratic.AddWorstCaseLowerBound(model, $"sinr{u + 1}", Space.StackedChannel(u), phi, C.Noise, _radius);
        }
    }
}
