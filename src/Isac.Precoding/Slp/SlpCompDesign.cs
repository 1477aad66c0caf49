using Complex = System.Numerics.Complex;
using Isac.Modeling;
using Isac.Modeling.Expressions;
using Isac.Physics;
using Isac.Precoding.Design;
using Isac.Precoding.Evaluation;
using Isac.Precoding.Sdp;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Slp;

/// <summary>
/// Symbol-level precoding for CoMP, paper A (P4): one convex problem over the stacked symbols X and
/// their relaxed covariance R.
/// </summary>
/// <remarks>
/// Variables (normalised: X̃ = X/√P_t, R̃ = R/P_t): X̃ ((J·Ntx)×L), R̃, the scaled bounds t̂_m, f ≥ t̂_m and,
/// for ρ &lt; 1, g = γ'/γ'_th ≥ 1 with γ' = √γ. Maximise −ρ·f/NF_R + (1−ρ)·γ'/NF_C s.t. the CoMP CRB LMIs
/// (62a)-(62b) on R̃, the lift (62c) in the small form, per-BS power tr(D_m R̃ D_m) ≤ 1 (62d), and the
/// robust constructive-interference constraints (60)-(61) of every user and slot with σ_eff = σ_C and the
/// error radius ρ_e = √J·δ of the stacked error (eq. (3); the paper prints δ in (60)-(61), see
/// docs/derivations.md §6.3).
/// </remarks>
internal sealed class SlpCompDesign : AlternatingDesign, IRefinableDesign
{
    private readonly DesignContext _c;
    private readonly Tradeoff _tradeoff;
    private readonly ScaledFisher[] _fishers;
    private readonly double _radius;
    private double _objective;

    public SlpCompDesign(DesignContext context, Tradeoff tradeoff)
    {
        _c = context;
        _tradeoff = tradeoff;
        _fishers = context.CompFishers();
        _radius = context.Radius(CoordinationMode.Comp);
    }

    /// <summary>The accepted normalised symbols X̃.</summary>
    public Matrix<Complex> Symbols { get; private set; } = Matrix<Complex>.Build.Dense(1, 1);

    /// <summary>The accepted normalised relaxed covariance R̃.</summary>
    public Matrix<Complex> Covariance { get; private set; } = Matrix<Complex>.Build.Dense(1, 1);

    /// <summary>The accepted scaled bounds t̂_m (NaN when ρ = 0).</summary>
    public double[] Bounds { get; private set; } = [];

    /// <summary>The accepted g = γ'*/γ'_th.</summary>
    public double GammaRatio { get; private set; } = 1;

    /// <summary>CRB(θ) in rad² from a scaled bound of BS m.</summary>
    public double Crb(int bs, double bound) => _fishers[bs].Crb(bound);

    protected override bool HasCaps => false;

    protected override double[] Objectives => [_objective];

    protected override StepOutcome StepA(int iteration) => Solve(iteration, null);

    /// <inheritdoc/>
    public StepOutcome Refine(int step) => Solve(step, Symbols);

    /// <inheritdoc/>
    public bool HasRefinementCaps => false;

    /// <inheritdoc/>
    public RefinementCaps Caps { get; set; } = RefinementCaps.Algorithm;

    /// <inheritdoc/>
    public object Checkpoint() => (Symbols, Covariance, (double[])Bounds.Clone(), GammaRatio, _objective);

    /// <inheritdoc/>
    public void Restore(object checkpoint) =>
        (Symbols, Covariance, Bounds, GammaRatio, _objective) = ((Matrix<Complex>, Matrix<Complex>, double[], double, double))checkpoint;

    /// <inheritdoc/>
    public double[] TransmittedRcrbDeg() => SensingMetrics.RcrbDeg(_c.Network.Scene, CoordinationMode.Comp,
        Isac.Physics.Sensing.TransmitCovariance.FromSymbols(Symbols) * _c.Network.TransmitPower);

    /// <summary>(P4), or with <paramref name="anchor"/> one refinement step: R ⪯ (1/L)(X₀Xᴴ + XX₀ᴴ − X₀X₀ᴴ), power on X, CRB only, γ' fixed.</summary>
    private StepOutcome Solve(int iteration, Matrix<Complex>? anchor)
    {
        var net = _c.Network;
        int n = net.StackedDimension, l = net.FrameLength;
        var tradeoff = anchor is null ? _tradeoff : Tradeoff.Pure(1, 1);
        var model = new Model(anchor is null ? "P4" : "P4-refine");
        var x = model.ComplexMatrix("X", n, l);
        var r = anchor is null ? SymbolLifting.Add(model, x, _c.Settings.Lift, "") : SymbolLifting.AddInner(model, x, anchor, "");
        var t = Array.Empty<Variable>();
        Variable? f = null;
        if (tradeoff.Weight > 0)
        {
            f = ModelVariables.NonNegative(model, "f");
            t = new Variable[net.Cells];
            for (int m = 0; m < net.Cells; m++)
            {
                t[m] = ModelVariables.NonNegative(model, $"t{m + 1}");
                model.Add(_fishers[m].Lmi(c => Expr.Trace(c * r), t[m]), $"crb{m + 1}");
                model.Add(t[m] <= f);
            }
        }
        for (int m = 0; m < net.Cells; m++)
        {
            var idx = _c.BlockIndices(m);
            if (anchor is null) model.Add(Expr.Trace(Expr.Select(r, idx, idx)) <= 1.0, $"power{m + 1}");
            else SymbolLifting.AddTransmittedPower(model, x, idx, 1.0, $"power{m + 1}");
        }
        Expression g = tradeoff.GammaIsVariable ? Expr.Constant(1.0) + ModelVariables.NonNegative(model, "g_minus_1")
            : Expr.Constant(anchor is null ? 1.0 : GammaRatio);
        var threshold = g * (Math.Sqrt(_c.Gamma * _c.Noise));
        double psi = net.SectorHalfAngle;
        var norms = ConstructiveConstraints.SlotNorms(model, x, _radius, "");
        for (int u = 0; u < net.Users; u++)
        {
            var h = net.Channels.Stacked(u);
            for (int s = 0; s < l; s++)
                ConstructiveConstraints.Add(model, x, s, h, net.Symbol(u, s), Math.Tan(psi), Math.Cos(psi), threshold, _radius, norms, $"ci{u + 1}_{s + 1}");
        }
        tradeoff.SetObjective(model, f, g, _fishers[0].AngleScale, Math.Sqrt(_c.Gamma), 0);

        var sol = _c.Runner.Solve(model, model.Name, iteration, null);
        if (!SolveOutcome.Usable(sol)) return SolveOutcome.Failed(sol, model.Name);
        Symbols = sol.Value(x);
        Covariance = Hermitian(sol.Value(r));
        Bounds = t.Length > 0 ? t.Select(v => sol.RealValue(v)[0, 0]).ToArray() : Enumerable.Repeat(double.NaN, net.Cells).ToArray();
        GammaRatio = sol.Scalar(g);
        if (anchor is null) _objective = _tradeoff.SensingOnly ? -Crb(0, Bounds.Max()) : sol.Objective;
        return StepOutcome.Success;
    }

    protected override StepOutcome StepB(int iteration) => StepOutcome.Success;

    public override RelaxedSolution Solution()
    {
        var net = _c.Network;
        double root = GammaRatio * Math.Sqrt(_c.Gamma);
        return new RelaxedSolution(null, [Symbols * Math.Sqrt(net.TransmitPower)], Covariance * net.TransmitPower,
            Enumerable.Repeat(root * root, net.Users).ToArray(), [Crb(0, Bounds.Max())], [root]);
    }

    protected override IterationRecord Record(int iteration)
    {
        var net = _c.Network;
        return new IterationRecord(iteration, [_objective],
            Bounds.Select((b, m) => SensingMetrics.RootDegrees(Crb(m, b))).ToArray(),
            SensingMetrics.RcrbDeg(net.Scene, CoordinationMode.Comp, Covariance * net.TransmitPower),
            [SensingMetrics.Db(GammaRatio * GammaRatio * _c.Gamma)],
            SymbolMetrics.MinNominalSinrDb(net, CoordinationMode.Comp, [Symbols * Math.Sqrt(net.TransmitPower)]),
            new Dictionary<string, double>());
    }

    private static Matrix<Complex> Hermitian(Matrix<Complex> m) => (m + m.ConjugateTranspose()) * 0.5;
}
