using Complex = System.Numerics.Complex;
using Isac.Modeling;
using Isac.Modeling.Expressions;
using Isac.Physics;
using Isac.Physics.Numerics;
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
internal sealed class SlpCompDesign : DesignSkeleton, IRefinableDesign<SlpCompDesign.State>
{
    private readonly ScaledFisher[] _fishers;
    private readonly double _radius;
    private readonly SymbolClasses _classes;
    private State _accepted = new(Matrix<Complex>.Build.Dense(1, 1), Matrix<Complex>.Build.Dense(1, 1), [], 1, 0);

    public SlpCompDesign(DesignContext context, Tradeoff tradeoff) : base(context, tradeoff, CoordinationMode.Comp)
    {
        _fishers = context.CompFishers();
        _radius = context.Radius(CoordinationMode.Comp);
        _classes = SymbolClasses.Of(context.Network, Enumerable.Range(0, context.Network.Users).ToArray(), context.Settings.SubspaceReduction);
    }

    /// <summary>The accepted iterate: normalised symbols X̃ and relaxed covariance R̃ (stacked coordinates), the scaled
    /// bounds t̂_m (NaN when ρ = 0), g = γ'*/γ'_th and the objective.</summary>
    internal sealed record State(Matrix<Complex> Symbols, Matrix<Complex> Covariance, double[] Bounds, double GammaRatio, double Objective);

    /// <summary>CRB(θ) in rad² from a scaled bound of BS m.</summary>
    public double Crb(int bs, double bound) => _fishers[bs].Crb(bound);

    protected override bool HasCaps => false;

    protected override double[] Objectives => [_accepted.Objective];

    protected override StepOutcome StepA(int iteration) => Solve(iteration, null);

    /// <inheritdoc/>
    public RefinementReport Refine(RefinementSettings settings) => SymbolRefinement.Run(this, settings);

    /// <inheritdoc/>
    public StepOutcome RefineStep(int step) => Solve(step, _accepted.Symbols);

    /// <inheritdoc/>
    public bool HasRefinementCaps => false;

    /// <inheritdoc/>
    public RefinementCaps Caps { get; set; } = RefinementCaps.Algorithm;

    /// <inheritdoc/>
    public State Checkpoint() => _accepted;

    /// <inheritdoc/>
    public void Restore(State checkpoint) => _accepted = checkpoint;

    /// <inheritdoc/>
    public double[] TransmittedRcrbDeg() => SensingMetrics.RcrbDeg(C.Network.Scene, CoordinationMode.Comp,
        Isac.Physics.Sensing.TransmitCovariance.FromSymbols(Space.StackedSymbols(_accepted.Symbols)) * C.Network.TransmitPower);

    /// <summary>(P4), or with <paramref name="anchor"/> one refinement step: R ⪯ (1/L)(X₀Xᴴ + XX₀ᴴ − X₀X₀ᴴ), power on X, CRB only, γ' fixed.</summary>
    private StepOutcome Solve(int iteration, Matrix<Complex>? anchor)
    {
        var net = C.Network;
        var tradeoff = anchor is null ? Tradeoff : Tradeoff.Pure(1, 1);
        return SolveUnits<State>(anchor is null ? "P4" : "P4-refine", iteration, (_, model) =>
        {
            var x = model.ComplexMatrix("X", Space.StackedDimension, _classes.Count);
            var r = anchor is null ? SymbolLifting.Add(model, x, _classes, C.Settings.Lift, "") : SymbolLifting.AddInner(model, x, _classes, anchor, "");
            var crb = CrbBound.Add(model, tradeoff, _fishers, c => Expr.Trace(c * r));
            if (anchor is null) DesignConstraints.AddPower(model, [r], Space, stacked: true);
            else
                for (int m = 0; m < net.Cells; m++) SymbolLifting.AddTransmittedPower(model, x, _classes, Space.BlockIndices(m), 1.0, $"power{m + 1}");
            var g = tradeoff.GammaTerm(model, anchor is null ? 1.0 : _accepted.GammaRatio);
            var threshold = g * (Math.Sqrt(C.Gamma * C.Noise));
            double psi = net.SectorHalfAngle;
            var norms = ConstructiveConstraints.SlotNorms(model, x, _radius, "");
            for (int u = 0; u < net.Users; u++)
            {
                var h = Space.StackedChannel(u);
                for (int c = 0; c < _classes.Count; c++)
                    ConstructiveConstraints.Add(model, x, c, h, net.Symbol(u, _classes.Representative[c]), Math.Tan(psi), Math.Cos(psi), threshold, _radius,
                        norms, $"ci{u + 1}_{c + 1}");
            }
            tradeoff.SetObjective(model, crb.Objective, g, _fishers[0].AngleScale, Math.Sqrt(C.Gamma), 0);
            return sol =>
            {
                var bounds = crb.Values(sol, net.Cells);
                double objective = anchor is not null ? _accepted.Objective : Tradeoff.SensingOnly ? -Crb(0, bounds.Max()) : sol.Objective;
                return new State(_classes.Expand(sol.Value(x)), HermitianMatrix.HermitianPart(sol.Value(r)), bounds, sol.Scalar(g), objective);
            };
        }, (_, state) => _accepted = state);
    }

    protected override StepOutcome StepB(int iteration) => StepOutcome.Success;

    public override RelaxedSolution Solution()
    {
        var net = C.Network;
        double root = _accepted.GammaRatio * Math.Sqrt(C.Gamma);
        return new RelaxedSolution(null, [AntennaSymbols()], Space.StackedCovariance(_accepted.Covariance) * net.TransmitPower,
            Enumerable.Repeat(root * root, net.Users).ToArray(), [Crb(0, _accepted.Bounds.Max())], [root]);
    }

    /// <summary>The accepted symbols on the stacked antennas, absolute units.</summary>
    private Matrix<Complex> AntennaSymbols() => Space.StackedSymbols(_accepted.Symbols) * Math.Sqrt(C.Network.TransmitPower);

    protected override IterationRecord Record(int iteration)
    {
        var net = C.Network;
        return new IterationRecord(iteration, [_accepted.Objective],
            _accepted.Bounds.Select((b, m) => SensingMetrics.RootDegrees(Crb(m, b))).ToArray(),
            SensingMetrics.RcrbDeg(net.Scene, CoordinationMode.Comp, Space.StackedCovariance(_accepted.Covariance) * net.TransmitPower),
            [SensingMetrics.Db(_accepted.GammaRatio * _accepted.GammaRatio * C.Gamma)],
            SymbolMetrics.MinNominalSinrDb(net, CoordinationMode.Comp, [AntennaSymbols()]),
            new Dictionary<string, double>());
    }
}
