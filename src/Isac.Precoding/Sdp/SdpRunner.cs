using System.Diagnostics;
using Isac.Conic;
using Isac.Modeling;
using Isac.Modeling.Compilation;
using Isac.Modeling.Solutions;
using Isac.Precoding.Design;

namespace Isac.Precoding.Sdp;

/// <summary>Solves the design's convex problems and keeps a record of every solve.</summary>
/// <remarks>
/// <para>Side of the duality: the free-scalar side (every real scalar a row, every constraint a cone
/// block; equalities substituted away) unless the cone-variable side's Schur complement is at most
/// <c>coneShare</c> times as large. Symbol-level problems use 1/2: their cone-variable side carries a block of
/// free variables (the symbols) and its m is not much smaller anyway: with the free variables solved exactly
/// (the solver's augmented Schur system), paper A's (P4) at the Fig. 5 size takes 0.20 s on the cone-variable
/// side (m = 344) against 0.12 s on the free-scalar side (m = 435). Block-level problems use 1: their variables
/// are PSD blocks, and the smaller side wins; in the reduced coordinates (P2.A) at Ntx = 16 has m = 1116 on the
/// cone-variable side against 1978, and solves there in 6.8 s of CPU against 18 s (issue 11).</para>
/// <para>When the solver ends in numerical trouble or at its iteration limit, the problem is solved
/// again on the other side (both attempts are recorded; the second answer stands), unless that side's
/// Schur complement is more than 8 times larger. An answer of reduced accuracy is also tried on the other side
/// when that side is at most 1.5 times larger (or small), and the more accurate answer stands: the two sides are
/// different problems to an interior-point method, and one of them often reaches the tolerances where the other
/// stalls (the (P1.B) of Fig. 5: reduced accuracy on the cone-variable side, m = 25, optimal on the free-scalar side). <see cref="DesignSettings.Side"/> can fix the first side.</para>
/// </remarks>
internal sealed class SdpRunner(SolverSettings settings, CancellationToken cancellation, FormulationSide side = FormulationSide.Auto,
    double coneShare = 0.5)
{
    private readonly double coneShare = coneShare;

    private readonly List<SolveRecord> _records = [];

    /// <summary>The other side is tried only when its Schur complement is at most this many times larger (the work grows with m³).</summary>
    private const int RetryGrowthLimit = 8;

    /// <summary>Every solve so far.</summary>
    public IReadOnlyList<SolveRecord> Records => _records;

    /// <summary>Where the solver writes its log (null: nowhere).</summary>
    public TextWriter? Log { get; init; }

    /// <summary>Optional hook that sees every compiled problem before it is solved (the benchmark exports them to SDPA).</summary>
    public Action<string, CompiledModel>? OnCompiled { get; init; }

    /// <summary>Solves <paramref name="model"/>, recording it as <paramref name="problem"/>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="problem">Its name in the records.</param>
    /// <param name="iteration">Algorithm 1's iteration.</param>
    /// <param name="bs">The BS of a per-BS problem.</param>
    /// <param name="preferredConeShare">Overrides the runner's cone-variable share for this problem (a design that knows its
    /// problem converges better on the cone-variable side passes a share above 1).</param>
    public ModelSolution Solve(Model model, string problem, int iteration, int? bs, double? preferredConeShare = null)
    {
        double coneShare = preferredConeShare ?? this.coneShare;
        cancellation.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        var compiled = model.Compile(new ModelSettings { Side = FormulationSide.FreeScalars, Solver = settings });
        var stats = compiled.Statistics;
        if (side == FormulationSide.ConeVariables
            || side == FormulationSide.Auto && stats.ConeVariableSideSize > 0 && stats.ConeVariableSideSize <= coneShare * stats.FreeScalarSideSize)
            compiled = model.Compile(new ModelSettings { Side = FormulationSide.ConeVariables, Solver = settings });
        var first = SolveCompiled(compiled, clock, problem, iteration, bs);
        bool otherSideAffordable = first.Statistics.Side == FormulationSide.ConeVariables
            ? stats.FreeScalarSideSize <= RetryGrowthLimit * stats.ConeVariableSideSize
            : stats.ConeVariableSideSize > 0 && stats.ConeVariableSideSize <= RetryGrowthLimit * stats.FreeScalarSideSize;
        int otherSize = first.Statistics.Side == FormulationSide.ConeVariables ? stats.FreeScalarSideSize : stats.ConeVariableSideSize;
        bool failed = first.Status is ModelStatus.NumericalError or ModelStatus.IterationLimit && otherSideAffordable;
        bool inaccurate = first.Status == ModelStatus.OptimalInaccurate && otherSize > 0 && Inaccuracy(first) > NearToleranceFactor * settings.RelativeGapTolerance
            && (otherSize <= AccuracyRetryGrowth * first.Statistics.SchurComplementSize || otherSize <= CheapSize);
        if (!failed && !inaccurate) return first;
        clock.Restart();
        var other = first.Statistics.Side == FormulationSide.ConeVariables ? FormulationSide.FreeScalars : FormulationSide.ConeVariables;
        var second = SolveCompiled(model.Compile(new ModelSettings { Side = other, Solver = settings }), clock, problem, iteration, bs, "-retry");
        bool secondStands = failed || Inaccuracy(second) < Inaccuracy(first);
        int discarded = _records.Count - (secondStands ? 2 : 1);
        _records[discarded] = _records[discarded] with { Used = false };
        return secondStands ? second : first;
    }

    /// <summary>An answer of reduced accuracy is tried on the other side too when that side's m is at most this many times larger …</summary>
    private const double AccuracyRetryGrowth = 1.5;

    /// <summary>… or at most this (a fraction of a second).</summary>
    private const int CheapSize = 400;

    /// <summary>An answer within this factor of the gap tolerance is kept without a retry: the symbol-level refinement steps of
    /// Fig. 8 stall at 2–6·10⁻⁸ on the free-scalar side, and the other side (smaller once the slots are grouped) spent
    /// 80–90 iterations there to end NumericalError, 12 s against the first side's 2 s.</summary>
    private const double NearToleranceFactor = 100;

    /// <summary>How far an answer is from the solver's tolerances: 0 for Optimal, else the solver's accuracy reached (its
    /// scale-free gaps and relative infeasibilities; ∞ when unusable).</summary>
    private static double Inaccuracy(ModelSolution s) => s.Status switch
    {
        ModelStatus.Optimal => 0,
        ModelStatus.OptimalInaccurate => double.IsFinite(s.SolverSolution.Accuracy) ? s.SolverSolution.Accuracy : double.MaxValue,
        _ => double.PositiveInfinity,
    };

    private ModelSolution SolveCompiled(CompiledModel compiled, Stopwatch clock, string problem, int iteration, int? bs, string attempt = "")
    {
        OnCompiled?.Invoke($"{problem}-it{iteration}{(bs is int b ? $"-bs{b + 1}" : "")}{attempt}", compiled);
        Log?.WriteLine($"{problem}, iteration {iteration}{(bs is int b2 ? $", BS {b2 + 1}" : "")}: {compiled.Statistics.Summary()}");
        var solution = compiled.Solve(settings, Log, cancellation);
        if (solution.Status == ModelStatus.Cancelled) throw new OperationCanceledException(cancellation);
        _records.Add(new SolveRecord(problem, iteration, bs, solution.Status.ToString(), solution.Statistics.Iterations,
            clock.Elapsed.TotalSeconds, solution.Statistics.SchurComplementSize,
            solution.Statistics.Side == FormulationSide.ConeVariables ? "cone-variables" : "free-scalars",
            solution.Statistics.FreeScalarSideSize, solution.SolverSolution.Accuracy, solution.SolverSolution.Termination.ToString()));
        return solution;
    }
}
