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
internal sealed class SlpCbfDesign : AlternatingDesign, IRefinableDesign
{
    private readonly DesignContext _c;
    private readonly Tradeoff _tradeoff;
    private readonly double _radius;
    private readonly int _j;
    private readonly double[] _leakCap;
    private double _amplitudeCap;
    private readonly Matrix<Complex>[] _current;
    private ScaledFisher[] _fishers = [];
    private readonly double[] _objective;

    public SlpCbfDesign(DesignContext context, Tradeoff tradeoff)
    {
        _c = context;
        _tradeoff = tradeoff;
        _j = context.Network.Cells;
        _radius = context.Radius(CoordinationMode.Cbf);
        var limits = context.Network.Limits;
        _leakCap = Enumerable.Repeat(context.Normalized(limits.LeakageMax), _j).ToArray();
        _amplitudeCap = _j > 1 ? Math.Sqrt(context.Normalized(limits.InitialCap)) : 0;
        _current = Enumerable.Range(0, _j).Select(_ => context.IsotropicCovariance(context.Network.TransmitElements)).ToArray();
        _objective = new double[_j];
        Symbols = new Matrix<Complex>[_j];
        Covariances = new Matrix<Complex>[_j];
        Bounds = new double[_j];
        GammaRatio = Enumerable.Repeat(1.0, _j).ToArray();
    }

    /// <summary>The accepted normalised symbols X̃_m of every BS.</summary>
    public Matrix<Complex>[] Symbols { get; }

    /// <summary>The accepted normalised relaxed covariances R̃_m.</summary>
    public Matrix<Complex>[] Covariances { get; }

    /// <summary>The accepted scaled bounds t̂_m.</summary>
    public double[] Bounds { get; }

    /// <summary>The accepted g_m = γ'_m*/γ'_th.</summary>
    public double[] GammaRatio { get; }

    public override RelaxedSolution Solution()
    {
        var net = _c.Network;
        var roots = GammaRatio.Select(g => g * Math.Sqrt(_c.Gamma)).ToArray();
        var stacked = Isac.Physics.Sensing.TransmitCovariance.BlockDiagonal(Covariances.Select(r => r * net.TransmitPower).ToArray());
        return new RelaxedSolution(null, Symbols.Select(x => x * Math.Sqrt(net.TransmitPower)).ToArray(), stacked,
            Enumerable.Range(0, net.Users).Select(u => roots[u / net.UsersPerCell] * roots[u / net.UsersPerCell]).ToArray(),
            Enumerable.Range(0, _j).Select(Crb).ToArray(), roots);
    }

    /// <summary>CRB(θ) in rad² of BS m's accepted SDP bound.</summary>
    public double Crb(int bs) => _fishers[bs].Crb(Bounds[bs]);

    protected override bool HasCaps => _j > 1;

    protected override double[] Objectives => _objective;

    protected override StepOutcome StepA(int iteration) => Solve(iteration, refine: false);

    /// <inheritdoc/>
    public StepOutcome Refine(int step)
    {
        for (int n = 0; n < _j; n++) _current[n] = TransmittedCovariance(n);
        if (step == 1 && _j > 1 && Caps == RefinementCaps.Limits)
        {
            // The caps are variables of (P3) bounded by these limits; any common value keeps every BS's
            // constructive-interference guarantee, since each BS's thresholds and emissions use the same a.
            var limits = _c.Network.Limits;
            // Never below the current caps, so that the accepted symbols stay feasible.
            _amplitudeCap = Math.Max(_amplitudeCap, Math.Sqrt(_c.Normalized(limits.InterferenceMax)));
            for (int n = 0; n < _j; n++) _leakCap[n] = Math.Max(_leakCap[n], _c.Normalized(limits.LeakageMax));
        }
        return Solve(step, refine: true);
    }

    /// <inheritdoc/>
    public bool HasRefinementCaps => _j > 1;

    /// <inheritdoc/>
    public RefinementCaps Caps { get; set; } = RefinementCaps.Algorithm;

    /// <inheritdoc/>
    public object Checkpoint() => new State(Copy(Symbols), Copy(Covariances), (double[])Bounds.Clone(), (double[])GammaRatio.Clone(),
        (double[])_objective.Clone(), Copy(_current), (ScaledFisher[])_fishers.Clone(), _amplitudeCap, (double[])_leakCap.Clone());

    /// <inheritdoc/>
    public void Restore(object checkpoint)
    {
        var s = (State)checkpoint;
        s.Symbols.CopyTo(Symbols, 0);
        s.Covariances.CopyTo(Covariances, 0);
        s.Bounds.CopyTo(Bounds, 0);
        s.GammaRatio.CopyTo(GammaRatio, 0);
        s.Objective.CopyTo(_objective, 0);
        s.Current.CopyTo(_current, 0);
        _fishers = (ScaledFisher[])s.Fishers.Clone();
        _amplitudeCap = s.AmplitudeCap;
        s.LeakCap.CopyTo(_leakCap, 0);
    }

    /// <summary>The state <see cref="Checkpoint"/> copies (the matrices are never changed in place, so the arrays are copied, not them).</summary>
    private sealed record State(Matrix<Complex>[] Symbols, Matrix<Complex>[] Covariances, double[] Bounds, double[] GammaRatio, double[] Objective,
        Matrix<Complex>[] Current, ScaledFisher[] Fishers, double AmplitudeCap, double[] LeakCap);

    private static Matrix<Complex>[] Copy(Matrix<Complex>[] m) => (Matrix<Complex>[])m.Clone();

    /// <inheritdoc/>
    public double[] TransmittedRcrbDeg() => SensingMetrics.RcrbDeg(_c.Network.Scene, CoordinationMode.Cbf,
        Isac.Physics.Sensing.TransmitCovariance.BlockDiagonal(Enumerable.Range(0, _j).Select(TransmittedCovariance).ToArray()));

    private Matrix<Complex> TransmittedCovariance(int bs) =>
        Isac.Physics.Sensing.TransmitCovariance.FromSymbols(Symbols[bs]) * _c.Network.TransmitPower;

    /// <summary>
    /// (P3.A) of every BS, or one refinement step: the linearisation at each BS's accepted symbols,
    /// C_m from the other BSs' transmitted covariances, CRB only, γ' and the caps fixed.
    /// </summary>
    private StepOutcome Solve(int iteration, bool refine)
    {
        _fishers = Enumerable.Range(0, _j).Select(m => _c.CbfFisher(m, _current)).ToArray();
        var tradeoff = refine ? Tradeoff.Pure(1, _j) : _tradeoff;
        string name = refine ? "P3.A-refine" : "P3.A";
        var result = new (Matrix<Complex> X, Matrix<Complex> R, double T, double G, double Objective)[_j];
        for (int m = 0; m < _j; m++)
        {
            var model = new Model($"{name}-bs{m + 1}");
            var (x, r, t, norms) = Base(model, m, tradeoff, refine ? Symbols[m] : null);
            Expression g = tradeoff.GammaIsVariable ? Expr.Constant(1.0) + ModelVariables.NonNegative(model, "g_minus_1")
                : Expr.Constant(refine ? GammaRatio[m] : 1.0);
            if (refine) AddTransmittedLeakage(model, m, x);
            else AddLeakage(model, m, r, Expr.Constant(_leakCap[m]));
            AddInterCell(model, m, x, norms, Expr.Constant(_amplitudeCap));
            AddConstructive(model, m, x, norms, g);
            tradeoff.SetObjective(model, t, g, _fishers[m].AngleScale, Math.Sqrt(_c.Gamma), m);
            var s = _c.Runner.Solve(model, name, iteration, m);
            if (!SolveOutcome.Usable(s)) return SolveOutcome.Failed(s, $"{name} at BS {m + 1}");
            double bound = t is null ? double.NaN : s.RealValue(t)[0, 0];
            result[m] = (s.Value(x), Hermitian(s.Value(r)), bound, s.Scalar(g),
                refine ? _objective[m] : tradeoff.SensingOnly ? -_fishers[m].Crb(bound) : s.Objective);
        }
        for (int m = 0; m < _j; m++)
            (Symbols[m], Covariances[m], Bounds[m], GammaRatio[m], _objective[m]) = result[m];
        return StepOutcome.Success;
    }

    protected override StepOutcome StepB(int iteration)
    {
        var limits = _c.Network.Limits;
        double slack = _c.Settings.Alternating.Slack;
        var next = new Matrix<Complex>[_j];
        var leak = new double[_j];
        var amplitude = new double[_j];
        for (int m = 0; m < _j; m++)
        {
            var model = new Model($"P3.B-bs{m + 1}");
            var (x, r, t, norms) = Base(model, m, _tradeoff, null);
            if (t is not null) model.Add(t <= Bounds[m] * (1 + slack));
            var leakVar = ModelVariables.NonNegative(model, "P_leak");
            model.Add(leakVar <= _leakCap[m]);
            AddLeakage(model, m, r, leakVar);
            var capVar = ModelVariables.NonNegative(model, "I_inter");
            model.Add(capVar <= _amplitudeCap);
            AddInterCell(model, m, x, norms, capVar);
            AddConstructive(model, m, x, norms, Expr.Constant(GammaRatio[m] * (1 - slack)));
            model.Minimize(leakVar * (1 / _c.Normalized(limits.LeakageMax)) + Expr.SumSquares(capVar) * (1 / _c.Normalized(limits.InterferenceMax)));
            var s = _c.Runner.Solve(model, "P3.B", iteration, m);
            if (!SolveOutcome.Usable(s)) return SolveOutcome.Failed(s, $"P3.B at BS {m + 1}");
            next[m] = Hermitian(s.Value(r)) * _c.Network.TransmitPower;
            leak[m] = Math.Min(_leakCap[m], Math.Max(s.Scalar(leakVar), 0));
            amplitude[m] = Math.Min(_amplitudeCap, Math.Max(s.Scalar(capVar), 0));
        }
        for (int m = 0; m < _j; m++)
        {
            _current[m] = next[m];
            _leakCap[m] = leak[m];
        }
        _amplitudeCap = amplitude.Max();
        return StepOutcome.Success;
    }

    protected override IterationRecord Record(int iteration)
    {
        var net = _c.Network;
        var caps = new Dictionary<string, double>();
        if (_j > 1)
        {
            for (int m = 0; m < _j; m++) caps[$"P_leak[{m + 1}]"] = _leakCap[m] * net.TransmitPower;
            caps["I_inter"] = _amplitudeCap * _amplitudeCap * net.TransmitPower;
        }
        var stacked = Isac.Physics.Sensing.TransmitCovariance.BlockDiagonal(Covariances.Select(r => r * net.TransmitPower).ToArray());
        return new IterationRecord(iteration, (double[])_objective.Clone(),
            Bounds.Select((b, m) => SensingMetrics.RootDegrees(_fishers[m].Crb(b))).ToArray(),
            SensingMetrics.RcrbDeg(net.Scene, CoordinationMode.Cbf, stacked),
            GammaRatio.Select(g => SensingMetrics.Db(g * g * _c.Gamma)).ToArray(),
            SymbolMetrics.MinNominalSinrDb(net, CoordinationMode.Cbf, Symbols.Select(x => x * Math.Sqrt(net.TransmitPower)).ToArray()),
            caps);
    }

    private (Variable X, Expression R, Variable? T, Expression[]? Norms) Base(Model model, int m, Tradeoff tradeoff, Matrix<Complex>? anchor)
    {
        var net = _c.Network;
        var x = model.ComplexMatrix("X", net.TransmitElements, net.FrameLength);
        var r = anchor is null ? SymbolLifting.Add(model, x, _c.Settings.Lift, "") : SymbolLifting.AddInner(model, x, anchor, "");
        Variable? t = null;
        if (tradeoff.Weight > 0)
        {
            t = ModelVariables.NonNegative(model, "t");
            model.Add(_fishers[m].Lmi(c => Expr.Trace(c * r), t), "crb");
        }
        if (anchor is null) model.Add(r.Trace() <= 1.0, "power");
        else SymbolLifting.AddTransmittedPower(model, x, Enumerable.Range(0, net.TransmitElements).ToArray(), 1.0, "power");
        return (x, r, t, ConstructiveConstraints.SlotNorms(model, x, _radius, ""));
    }

    /// <summary>Refinement: the leakage of the transmitted symbols, (1/L)‖v_mnᵀX̃‖² ≤ P̃_leak,m.</summary>
    private void AddTransmittedLeakage(Model model, int m, Variable x)
    {
        for (int n = 0; n < _j; n++)
        {
            if (n == m) continue;
            var row = Expr.Constant(_c.Network.Scene.TransmitResponse(m, n).ToRowMatrix());
            model.Add(Expr.Norm2(row * x) <= Math.Sqrt(_c.Network.FrameLength * _leakCap[m]), $"leakage{n + 1}");
        }
    }

    private void AddLeakage(Model model, int m, Expression r, Expression cap)
    {
        for (int n = 0; n < _j; n++)
        {
            if (n == m) continue;
            model.Add(RobustQuadratic.Nominal(_c.Network.Scene.TransmitResponse(m, n), r) <= cap, $"leakage{n + 1}");
        }
    }

    /// <summary>(56): |h_{m,nk}ᵀx̃_ms| + δ‖x̃_ms‖ ≤ a/√(J−1) for every other cell's user and slot.</summary>
    private void AddInterCell(Model model, int m, Variable x, Expression[]? norms, Expression cap)
    {
        if (_j == 1) return;
        var net = _c.Network;
        var share = cap * (1 / Math.Sqrt(_j - 1));
        for (int n = 0; n < _j; n++)
        {
            if (n == m) continue;
            for (int k = 0; k < net.UsersPerCell; k++)
            {
                var row = Expr.Constant(net.Channels.PerBs(m, n, k).ToRowMatrix());
                for (int s = 0; s < net.FrameLength; s++)
                {
                    Expression left = Expr.Abs(row * SymbolLifting.Column(x, s));
                    if (norms is not null) left = left + _radius * norms[s];
                    model.Add(left <= share, $"ici{n + 1}{k + 1}_{s + 1}");
                }
            }
        }
    }

    /// <summary>(52)-(53) for BS m's users with σ_eff = √(σ̃² + a²) and SINR g²γ_th.</summary>
    private void AddConstructive(Model model, int m, Variable x, Expression[]? norms, Expression g)
    {
        var net = _c.Network;
        double psi = net.SectorHalfAngle;
        var threshold = g * Math.Sqrt(_c.Gamma * (_c.Noise + _amplitudeCap * _amplitudeCap));
        for (int k = 0; k < net.UsersPerCell; k++)
        {
            int u = m * net.UsersPerCell + k;
            var h = net.Channels.PerBs(m, m, k);
            for (int s = 0; s < net.FrameLength; s++)
                ConstructiveConstraints.Add(model, x, s, h, net.Symbol(u, s), Math.Tan(psi), Math.Cos(psi), threshold, _radius, norms, $"ci{k + 1}_{s + 1}");
        }
    }

    private static Matrix<Complex> Hermitian(Matrix<Complex> m) => (m + m.ConjugateTranspose()) * 0.5;
}
