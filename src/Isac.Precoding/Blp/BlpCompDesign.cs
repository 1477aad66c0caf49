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
internal sealed class BlpCompDesign : AlternatingDesign, IRankReducible
{
    private readonly DesignContext _c;
    private readonly Tradeoff _tradeoff;
    private readonly ScaledFisher[] _fishers;
    private readonly double _radius;
    private readonly bool _joint;
    private double _cap;
    private double _objective;

    public BlpCompDesign(DesignContext context, Tradeoff tradeoff)
    {
        _c = context;
        _tradeoff = tradeoff;
        _fishers = context.CompFishers();
        _radius = context.Radius(CoordinationMode.Comp);
        _joint = context.Settings.Robustness == RobustnessModel.Exact && !tradeoff.GammaIsVariable;
        _cap = context.Normalized(context.Network.Limits.InitialCap);
    }

    /// <summary>The accepted stream covariances W̃_k (normalised), stacked space.</summary>
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
    protected override bool HasCaps => !_joint && !(_tradeoff.SensingOnly && _c.Settings.Alternating.OptimizeInitialCaps);

    protected override double[] Objectives => [_objective];

    private int _lastIteration = 1;

    protected override StepOutcome StepA(int iteration)
    {
        var model = new Model("P2.A");
        var (w, t, f, g, capVar) = BuildA(model, iteration);
        _tradeoff.SetObjective(model, f, g, _fishers[0].AngleScale, _c.Gamma, 0);

        var s = _c.Runner.Solve(model, "P2.A", iteration, null);
        if (!SolveOutcome.Usable(s)) return SolveOutcome.Failed(s, "P2.A");
        Accept(s, w, t, g, capVar);
        _objective = _tradeoff.SensingOnly ? -Crb(0, Bounds.Max()) : s.Objective;
        _lastIteration = iteration;
        return StepOutcome.Success;
    }

    /// <inheritdoc/>
    public bool ReduceRank(double tolerance)
    {
        var model = new Model("P2.A-rank");
        var (w, t, f, g, capVar) = BuildA(model, _lastIteration);
        LeastPowerObjective.Apply(model, w, f, Bounds.Max(), g, GammaRatio, _tradeoff, tolerance);
        var s = _c.Runner.Solve(model, "P2.A-rank", _lastIteration, null);
        if (!SolveOutcome.Usable(s)) return false;
        Accept(s, w, t, g, capVar);
        return true;
    }

    private void Accept(Isac.Modeling.Solutions.ModelSolution s, Variable[] w, Variable[] t, Expression g, Variable? capVar)
    {
        Streams = w.Select(x => s.Value(x)).ToArray();
        Bounds = t.Length > 0 ? t.Select(x => s.RealValue(x)[0, 0]).ToArray() : Enumerable.Repeat(double.NaN, _c.Network.Cells).ToArray();
        GammaRatio = s.Scalar(g);
        if (capVar is not null) _cap = Math.Max(s.Scalar(capVar), 0);
    }

    /// <summary>(P2.A)'s variables and constraints without its objective.</summary>
    private (Variable[] W, Variable[] T, Variable? F, Expression G, Variable? Cap) BuildA(Model model, int iteration)
    {
        var (w, t) = Base(model);
        Expression g = _tradeoff.GammaIsVariable ? Expr.Constant(1.0) + ModelVariables.NonNegative(model, "g_minus_1") : Expr.Constant(1.0);
        Variable? f = null;
        if (t.Length > 0)
        {
            f = ModelVariables.NonNegative(model, "f");
            foreach (var tm in t) model.Add(tm <= f);
        }
        Variable? capVar = null;
        if (_joint) AddJointSinr(model, w);
        else if (iteration == 1 && _tradeoff.SensingOnly && _c.Settings.Alternating.OptimizeInitialCaps)
        {
            capVar = ModelVariables.NonNegative(model, "I_comp");
            AddCappedSinr(model, w, u => capVar + _c.Noise, capVar);
        }
        else AddCappedSinr(model, w, u => g * (_cap + _c.Noise), Expr.Constant(_cap));
        return (w, t, f, g, capVar);
    }

    protected override StepOutcome StepB(int iteration)
    {
        var model = new Model("P2.B");
        var (w, t) = Base(model);
        double slack = _c.Settings.Alternating.Slack;
        double fStar = Bounds.Max() * (1 + slack);
        foreach (var tm in t) model.Add(tm <= fStar);
        double g = GammaRatio * (1 - slack);
        var cap = ModelVariables.NonNegative(model, "I_comp");
        AddCappedSinr(model, w, u => g * (cap + _c.Noise), cap);
        model.Minimize(cap * (1 / _c.Noise));
        var s = _c.Runner.Solve(model, "P2.B", iteration, null);
        if (!SolveOutcome.Usable(s)) return SolveOutcome.Failed(s, "P2.B");
        _cap = Math.Max(s.Scalar(cap), 0);
        return StepOutcome.Success;
    }

    protected override IterationRecord Record(int iteration)
    {
        var net = _c.Network;
        var r = Covariance();
        var caps = new Dictionary<string, double>();
        if (!_joint) caps["I_comp"] = _cap * net.TransmitPower;
        return new IterationRecord(iteration, [_objective],
            Bounds.Select((b, m) => SensingMetrics.RootDegrees(_fishers[m].Crb(b))).ToArray(),
            SensingMetrics.RcrbDeg(net.Scene, CoordinationMode.Comp, r),
            [SensingMetrics.Db(GammaRatio * _c.Gamma)],
            BlockMetrics.MinNominalSinrDb(net, CoordinationMode.Comp, Streams.Select(x => x * net.TransmitPower).ToArray()),
            caps);
    }

    public override RelaxedSolution Solution()
    {
        var net = _c.Network;
        double gamma = GammaRatio * _c.Gamma;
        return new RelaxedSolution(Streams.Select(x => x * net.TransmitPower).ToArray(), null, Covariance(),
            Enumerable.Repeat(gamma, net.Users).ToArray(), [Crb(0, Bounds.Max())], [gamma]);
    }

    /// <summary>R_X = P_t·Σ_k W̃_k of the accepted iterate (absolute units).</summary>
    public Matrix<Complex> Covariance()
    {
        var r = Matrix<Complex>.Build.Dense(_c.Network.StackedDimension, _c.Network.StackedDimension);
        foreach (var x in Streams) r += x;
        return r * _c.Network.TransmitPower;
    }

    private (Variable[] W, Variable[] T) Base(Model model)
    {
        var net = _c.Network;
        int n = net.StackedDimension;
        var w = Enumerable.Range(0, net.Users).Select(u => model.HermitianPsd($"W{u + 1}", n)).ToArray();
        var t = Array.Empty<Variable>();
        if (_tradeoff.Weight > 0)
        {
            t = new Variable[net.Cells];
            for (int m = 0; m < net.Cells; m++)
            {
                t[m] = ModelVariables.NonNegative(model, $"t{m + 1}");
                model.Add(_fishers[m].Lmi(c => Expr.Sum(w.Select(x => Expr.Trace(c * x))), t[m]), $"crb{m + 1}");
            }
        }
        for (int m = 0; m < net.Cells; m++)
        {
            var idx = _c.BlockIndices(m);
            model.Add(Expr.Sum(w.Select(x => Expr.Trace(Expr.Select(x, idx, idx)))) <= 1.0, $"power{m + 1}");
        }
        return (w, t);
    }

    /// <summary>(41)-(42): signal ≥ rhs(u) (divided by γ_th), interference ≤ cap, Proposition 3 or exact worst cases.</summary>
    private void AddCappedSinr(Model model, Variable[] w, Func<int, Expression> rhs, Expression cap)
    {
        var net = _c.Network;
        bool exact = _c.Settings.Robustness == RobustnessModel.Exact;
        for (int u = 0; u < net.Users; u++)
        {
            var h = net.Channels.Stacked(u);
            var others = Enumerable.Range(0, net.Users).Where(v => v != u).Select(v => (Expression)w[v]).ToArray();
            if (exact)
            {
                RobustQuadratic.AddWorstCaseLowerBound(model, $"signal{u + 1}", h, w[u] * (1 / _c.Gamma), rhs(u), _radius);
                RobustQuadratic.AddWorstCaseUpperBound(model, $"interference{u + 1}", h, Expr.Sum(others), cap, _radius);
            }
            else
            {
                model.Add(RobustQuadratic.Nominal(h, w[u]) * (1 / _c.Gamma) >= rhs(u), $"signal{u + 1}");
                model.Add(Expr.Sum(others.Select(x => RobustQuadratic.PaperUpperBound(h, x, _radius))) <= cap, $"interference{u + 1}");
            }
        }
    }

    /// <summary>Exact robust SINR with γ fixed: (h+e)ᵀ(W̃_k/γ − Σ_{l≠k}W̃_l)(h+e)* ≥ σ̃² for all ‖e‖ ≤ ρ_e.</summary>
    private void AddJointSinr(Model model, Variable[] w)
    {
        var net = _c.Network;
        for (int u = 0; u < net.Users; u++)
        {
            var others = Enumerable.Range(0, net.Users).Where(v => v != u).Select(v => (Expression)w[v]);
            var phi = w[u] * (1 / _c.Gamma) - Expr.Sum(others);
            RobustQuadratic.AddWorstCaseLowerBound(model, $"sinr{u + 1}", net.Channels.Stacked(u), phi, _c.Noise, _radius);
        }
    }
}
