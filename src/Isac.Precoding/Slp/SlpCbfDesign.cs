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
/// Symbol-level precoding for CBF, paper A (P3): per-BS problems (P3.A) and (P3.B) alternated as in
/// Algorithm 1, with C_m recomputed from the other BSs' relaxed covariances each round.
/// </summary>
/// <remarks>
/// <para>BS m's variables (normalised): X̃_m (Ntx×L), R̃_m, t̂_m, and for ρ &lt; 1 g_m = γ'/γ'_th. Caps: the
/// inter-cell interference amplitude a (paper A's I_inter,sl: every other BS adds at most a²/(J−1) power at
/// a user in any slot, so σ_eff² = σ̃² + a², (54)) and the leakage P̃_leak,m.</para>
/// <para>(P3.A): maximise −ρ·CRB/NF_R + (1−ρ)·γ'/NF_C s.t. the CRB LMI (48a) with C_m fixed, leakage (48b),
/// power (48c), the lift (48d) in the small form, the robust CI constraints (52)-(53) of every own user and
/// slot with √(σ̃² + a²), and the inter-cell bound (56): |h_{m,nk}ᵀx̃_ms| + δ‖x̃_ms‖ ≤ a/√(J−1) for every other
/// cell's user and slot (Cauchy-Schwarz, (55)).</para>
/// <para>(P3.B): minimise P̃_leak/P̃_leak^max + a_m²/Ĩ_max keeping t̂ ≤ t̂*, γ' ≥ γ'* ((58a)-(58c) with the current a),
/// (58d) with a_m ≤ a (58e), and P̃_leak,m at most its current value. Then a ← max_m a_m.</para>
/// </remarks>
internal sealed class SlpCbfDesign : DesignSkeleton, IRefinableDesign<SlpCbfDesign.State>
{
    private readonly double _radius;
    private readonly int _j;
    private readonly double[] _leakCap;
    private double _amplitudeCap;
    private readonly Matrix<Complex>[] _current;
    private ScaledFisher[] _fishers = [];
    private readonly double[] _objective;
    private readonly SymbolClasses[] _classes;

    public SlpCbfDesign(DesignContext context, Tradeoff tradeoff) : base(context, tradeoff, CoordinationMode.Cbf)
    {
        _j = context.Network.Cells;
        _radius = context.Radius(CoordinationMode.Cbf);
        var limits = context.Network.Limits;
        _leakCap = Enumerable.Repeat(context.Normalized(limits.LeakageMax), _j).ToArray();
        _amplitudeCap = _j > 1 ? Math.Sqrt(context.Normalized(limits.InitialCap)) : 0;
        _current = Enumerable.Range(0, _j).Select(_ => context.IsotropicCovariance(context.Network.TransmitElements)).ToArray();
        _objective = new double[_j];
        int k = context.Network.UsersPerCell;
        _classes = Enumerable.Range(0, _j).Select(m => SymbolClasses.Of(context.Network, Enumerable.Range(m * k, k).ToArray(),
            context.Settings.SubspaceReduction)).ToArray();
        Symbols = new Matrix<Complex>[_j];
        Covariances = new Matrix<Complex>[_j];
        Bounds = new double[_j];
        GammaRatio = Enumerable.Repeat(1.0, _j).ToArray();
    }

    /// <summary>The accepted normalised symbols X̃_m of every BS, in its coordinates.</summary>
    public Matrix<Complex>[] Symbols { get; }

    /// <summary>The accepted normalised relaxed covariances R̃_m, in BS m's coordinates.</summary>
    public Matrix<Complex>[] Covariances { get; }

    /// <summary>The accepted scaled bounds t̂_m.</summary>
    public double[] Bounds { get; }

    /// <summary>The accepted g_m = γ'_m*/γ'_th.</summary>
    public double[] GammaRatio { get; }

    public override RelaxedSolution Solution()
    {
        var net = C.Network;
        var roots = GammaRatio.Select(g => g * Math.Sqrt(C.Gamma)).ToArray();
        return new RelaxedSolution(null, Enumerable.Range(0, _j).Select(m => Space.Symbols(m, Symbols[m]) * Math.Sqrt(net.TransmitPower)).ToArray(),
            RelaxedCovariance(), Enumerable.Range(0, net.Users).Select(u => roots[u / net.UsersPerCell] * roots[u / net.UsersPerCell]).ToArray(),
            Enumerable.Range(0, _j).Select(Crb).ToArray(), roots);
    }

    /// <summary>The relaxed covariances on the stacked antennas (block diagonal, absolute units).</summary>
    private Matrix<Complex> RelaxedCovariance() => Isac.Physics.Sensing.TransmitCovariance.BlockDiagonal(
        Enumerable.Range(0, _j).Select(m => Space.Covariance(m, Covariances[m]) * C.Network.TransmitPower).ToArray());

    /// <summary>CRB(θ) in rad² of BS m's accepted SDP bound.</summary>
    public double Crb(int bs) => _fishers[bs].Crb(Bounds[bs]);

    protected override bool HasCaps => _j > 1;

    protected override double[] Objectives => _objective;

    protected override StepOutcome StepA(int iteration) => Solve(iteration, refine: false);

    /// <inheritdoc/>
    public RefinementReport Refine(RefinementSettings settings) => SymbolRefinement.Run(this, settings);

    /// <inheritdoc/>
    public StepOutcome RefineStep(int step)
    {
        for (int n = 0; n < _j; n++) _current[n] = TransmittedCovariance(n);
        if (step == 1 && _j > 1 && Caps == RefinementCaps.Limits)
        {
            // The caps are variables of (P3) bounded by these limits; any common value keeps every BS's
            // constructive-interference guarantee, since each BS's thresholds and emissions use the same a.
            var limits = C.Network.Limits;
            // Never below the current caps, so that the accepted symbols stay feasible.
            _amplitudeCap = Math.Max(_amplitudeCap, Math.Sqrt(C.Normalized(limits.InterferenceMax)));
            for (int n = 0; n < _j; n++) _leakCap[n] = Math.Max(_leakCap[n], C.Normalized(limits.LeakageMax));
        }
        return Solve(step, refine: true);
    }

    /// <inheritdoc/>
    public bool HasRefinementCaps => _j > 1;

    /// <inheritdoc/>
    public RefinementCaps Caps { get; set; } = RefinementCaps.Algorithm;

    /// <inheritdoc/>
    public State Checkpoint() => new(Copy(Symbols), Copy(Covariances), (double[])Bounds.Clone(), (double[])GammaRatio.Clone(),
        (double[])_objective.Clone(), Copy(_current), (ScaledFisher[])_fishers.Clone(), _amplitudeCap, (double[])_leakCap.Clone());

    /// <inheritdoc/>
    public void Restore(State checkpoint)
    {
        checkpoint.Symbols.CopyTo(Symbols, 0);
        checkpoint.Covariances.CopyTo(Covariances, 0);
        checkpoint.Bounds.CopyTo(Bounds, 0);
        checkpoint.GammaRatio.CopyTo(GammaRatio, 0);
        checkpoint.Objective.CopyTo(_objective, 0);
        checkpoint.Current.CopyTo(_current, 0);
        _fishers = (ScaledFisher[])checkpoint.Fishers.Clone();
        _amplitudeCap = checkpoint.AmplitudeCap;
        checkpoint.LeakCap.CopyTo(_leakCap, 0);
    }

    /// <summary>The state <see cref="Checkpoint"/> copies (the matrices are never changed in place, so the arrays are copied, not them).</summary>
    internal sealed record State(Matrix<Complex>[] Symbols, Matrix<Complex>[] Covariances, double[] Bounds, double[] GammaRatio, double[] Objective,
        Matrix<Complex>[] Current, ScaledFisher[] Fishers, double AmplitudeCap, double[] LeakCap);

    private static Matrix<Complex>[] Copy(Matrix<Complex>[] m) => (Matrix<Complex>[])m.Clone();

    /// <inheritdoc/>
    public double[] TransmittedRcrbDeg() => SensingMetrics.RcrbDeg(C.Network.Scene, CoordinationMode.Cbf,
        Isac.Physics.Sensing.TransmitCovariance.BlockDiagonal(Enumerable.Range(0, _j).Select(TransmittedCovariance).ToArray()));

    /// <summary>(1/L)·X_m·X_mᴴ of BS m's accepted symbols on its antennas, absolute units.</summary>
    private Matrix<Complex> TransmittedCovariance(int bs) =>
        Isac.Physics.Sensing.TransmitCovariance.FromSymbols(Space.Symbols(bs, Symbols[bs])) * C.Network.TransmitPower;

    /// <summary>What one BS's (P3.A) (or refinement step) solution gives.</summary>
    private sealed record AResult(Matrix<Complex> X, Matrix<Complex> R, double Bound, double Gamma, double Objective);

    /// <summary>
    /// (P3.A) of every BS, or one refinement step: the linearisation at each BS's accepted symbols,
    /// C_m from the other BSs' transmitted covariances, CRB only, γ' and the caps fixed.
    /// </summary>
    private StepOutcome Solve(int iteration, bool refine)
    {
        _fishers = Enumerable.Range(0, _j).Select(m => C.CbfFisher(m, _current)).ToArray();
        var tradeoff = refine ? Tradeoff.Pure(1, _j) : Tradeoff;
        return SolveUnits<AResult>(refine ? "P3.A-refine" : "P3.A", iteration, (m, model) =>
        {
            var (x, r, crb, norms) = Base(model, m, tradeoff, refine ? Symbols[m] : null);
            var g = tradeoff.GammaTerm(model, refine ? GammaRatio[m] : 1.0);
            if (refine) AddTransmittedLeakage(model, m, x);
            else DesignConstraints.AddLeakage(model, Space, m, r, Expr.Constant(_leakCap[m]));
            AddInterCell(model, m, x, norms, Expr.Constant(_amplitudeCap));
            AddConstructive(model, m, x, norms, g);
            tradeoff.SetObjective(model, crb.Objective, g, _fishers[m].AngleScale, Math.Sqrt(C.Gamma), m);
            return s =>
            {
                double bound = crb.Values(s, 1)[0];
                return new AResult(_classes[m].Expand(s.Value(x)), HermitianMatrix.HermitianPart(s.Value(r)), bound, s.Scalar(g),
                    refine ? _objective[m] : tradeoff.SensingOnly ? -_fishers[m].Crb(bound) : s.Objective);
            };
        }, (m, a) => (Symbols[m], Covariances[m], Bounds[m], GammaRatio[m], _objective[m]) = (a.X, a.R, a.Bound, a.Gamma, a.Objective));
    }

    /// <summary>What one BS's (P3.B) solution gives: its relaxed covariance on the antennas (absolute) and its caps.</summary>
    private sealed record BResult(Matrix<Complex> Covariance, double Leak, double Amplitude);

    protected override StepOutcome StepB(int iteration)
    {
        var limits = C.Network.Limits;
        double slack = C.Settings.Alternating.Slack;
        var amplitude = new double[_j];
        var outcome = SolveUnits<BResult>("P3.B", iteration, (m, model) =>
        {
            var (x, r, crb, norms) = Base(model, m, Tradeoff, null);
            if (crb.Objective is not null) model.Add(crb.Objective <= Bounds[m] * (1 + slack));
            var leakVar = ModelVariables.NonNegative(model, "P_leak");
            model.Add(leakVar <= _leakCap[m]);
            DesignConstraints.AddLeakage(model, Space, m, r, leakVar);
            var capVar = ModelVariables.NonNegative(model, "I_inter");
            model.Add(capVar <= _amplitudeCap);
            AddInterCell(model, m, x, norms, capVar);
            AddConstructive(model, m, x, norms, Expr.Constant(GammaRatio[m] * (1 - slack)));
            model.Minimize(leakVar * (1 / C.Normalized(limits.LeakageMax)) + Expr.SumSquares(capVar) * (1 / C.Normalized(limits.InterferenceMax)));
            return s => new BResult(Space.Covariance(m, HermitianMatrix.HermitianPart(s.Value(r))) * C.Network.TransmitPower,
                Math.Min(_leakCap[m], Math.Max(s.Scalar(leakVar), 0)), Math.Min(_amplitudeCap, Math.Max(s.Scalar(capVar), 0)));
        }, (m, b) =>
        {
            _current[m] = b.Covariance;
            _leakCap[m] = b.Leak;
            amplitude[m] = b.Amplitude;
        });
        if (outcome.Ok) _amplitudeCap = amplitude.Max();
        return outcome;
    }

    protected override IterationRecord Record(int iteration)
    {
        var net = C.Network;
        var caps = new Dictionary<string, double>();
        if (_j > 1)
        {
            for (int m = 0; m < _j; m++) caps[$"P_leak[{m + 1}]"] = _leakCap[m] * net.TransmitPower;
            caps["I_inter"] = _amplitudeCap * _amplitudeCap * net.TransmitPower;
        }
        return new IterationRecord(iteration, (double[])_objective.Clone(),
            Bounds.Select((b, m) => SensingMetrics.RootDegrees(_fishers[m].Crb(b))).ToArray(),
            SensingMetrics.RcrbDeg(net.Scene, CoordinationMode.Cbf, RelaxedCovariance()),
            GammaRatio.Select(g => SensingMetrics.Db(g * g * C.Gamma)).ToArray(),
            SymbolMetrics.MinNominalSinrDb(net, CoordinationMode.Cbf,
                Enumerable.Range(0, _j).Select(m => Space.Symbols(m, Symbols[m]) * Math.Sqrt(net.TransmitPower)).ToArray()),
            caps);
    }

    /// <summary>BS m's symbols (its coordinates), their lift (or the refinement's inner bound), the CRB bound, the power and the slot norms.</summary>
    private (Variable X, Expression R, CrbBound Crb, Expression[]? Norms) Base(Model model, int m, Tradeoff tradeoff, Matrix<Complex>? anchor)
    {
        var classes = _classes[m];
        var x = model.ComplexMatrix("X", Space.Dimension(m), classes.Count);
        var r = anchor is null ? SymbolLifting.Add(model, x, classes, C.Settings.Lift, "") : SymbolLifting.AddInner(model, x, classes, anchor, "");
        var crb = CrbBound.Add(model, tradeoff, [_fishers[m]], c => Expr.Trace(c * r));
        if (anchor is null) DesignConstraints.AddPower(model, [r], Space, stacked: false);
        else SymbolLifting.AddTransmittedPower(model, x, classes, Enumerable.Range(0, Space.Dimension(m)).ToArray(), 1.0, "power");
        return (x, r, crb, ConstructiveConstraints.SlotNorms(model, x, _radius, ""));
    }

    /// <summary>Refinement: the leakage of the transmitted symbols, (1/L)‖v̂_mnᵀX̃‖² ≤ P̃_leak,m.</summary>
    private void AddTransmittedLeakage(Model model, int m, Variable x)
    {
        for (int n = 0; n < _j; n++)
        {
            if (n == m) continue;
            var row = Expr.Constant(Space.TransmitResponse(m, n).ToRowMatrix());
            model.Add(Expr.Norm2(row * _classes[m].Weighted(x)) <= Math.Sqrt(C.Network.FrameLength * _leakCap[m]), $"leakage{n + 1}");
        }
    }

    /// <summary>(56): |ĥ_{m,nk}ᵀx̃_ms| + δ‖x̃_ms‖ ≤ a/√(J−1) for every other cell's user and slot.</summary>
    private void AddInterCell(Model model, int m, Variable x, Expression[]? norms, Expression cap)
    {
        if (_j == 1) return;
        var net = C.Network;
        var share = cap * (1 / Math.Sqrt(_j - 1));
        for (int n = 0; n < _j; n++)
        {
            if (n == m) continue;
            for (int k = 0; k < net.UsersPerCell; k++)
            {
                var row = Expr.Constant(Space.Channel(m, n, k).ToRowMatrix());
                for (int c = 0; c < _classes[m].Count; c++)
                {
                    Expression left = Expr.Abs(row * SymbolLifting.Column(x, c));
                    if (norms is not null) left = left + _radius * norms[c];
                    model.Add(left <= share, $"ici{n + 1}{k + 1}_{c + 1}");
                }
            }
        }
    }

    /// <summary>(52)-(53) for BS m's users with σ_eff = √(σ̃² + a²) and SINR g²γ_th.</summary>
    private void AddConstructive(Model model, int m, Variable x, Expression[]? norms, Expression g)
    {
        var net = C.Network;
        double psi = net.SectorHalfAngle;
        var threshold = g * Math.Sqrt(C.Gamma * (C.Noise + _amplitudeCap * _amplitudeCap));
        for (int k = 0; k < net.UsersPerCell; k++)
        {
            int u = m * net.UsersPerCell + k;
            var h = Space.Channel(m, m, k);
            var classes = _classes[m];
            for (int c = 0; c < classes.Count; c++)
                ConstructiveConstraints.Add(model, x, c, h, net.Symbol(u, classes.Representative[c]), Math.Tan(psi), Math.Cos(psi), threshold, _radius, norms,
                    $"ci{k + 1}_{c + 1}");
        }
    }
}
