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
/// block; equalities substituted away) unless the cone-variable side has at most half its Schur
/// complement, as for the block-level problems with few constraints on large W_k. The cone-variable
/// side of problems with many auxiliary scalars (second-order cones, S-lemma multipliers) carries a
/// block of free variables and its m is not much smaller there anyway: with the free variables solved
/// exactly (the solver's augmented Schur system), paper A's (P4) at the Fig. 5 size still takes 0.20 s on
/// the cone-variable side (m = 344) against 0.12 s on the free-scalar side (m = 435).</para>
/// <para>When the solver ends in numerical trouble or at its iteration limit, the problem is solved
/// again on the other side (both attempts are recorded; the second answer stands), unless that side's
/// Schur complement is more than 8 times larger. <see cref="DesignSettings.Side"/> can fix the first side.</para>
/// </remarks>
internal sealed class SdpRunner(SolverSettings settings, CancellationToken cancellation, FormulationSide side = FormulationSide.Auto)
{
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
    public ModelSolution Solve(Model model, string problem, int iteration, int? bs)
    {
        cancellation.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        var compiled = model.Compile(new ModelSettings { Side = FormulationSide.FreeScalars, Solver = settings });
        var stats = compiled.Statistics;
        if (side == FormulationSide.ConeVariables
            || side == FormulationSide.Auto && stats.ConeVariableSideSize > 0 && 2 * stats.ConeVariableSideSize <= stats.FreeScalarSideSize)
            compiled = model.Compile(new ModelSettings { Side = FormulationSide.ConeVariables, Solver = settings });
        var first = SolveCompiled(compiled, clock, problem, iteration, bs);
        bool otherSideAffordable = first.Statistics.Side == FormulationSide.ConeVariables
            ? stats.FreeScalarSideSize <= RetryGrowthLimit * stats.ConeVariableSideSize
            : stats.ConeVariableSideSize > 0 && stats.ConeVariableSideSize <= RetryGrowthLimit * stats.FreeScalarSideSize;
        if (first.Status is ModelStatus.NumericalError or ModelStatus.IterationLimit && otherSideAffordable)
        {
            clock.Restart();
            var other = first.Statistics.Side == FormulationSide.ConeVariables ? FormulationSide.FreeScalars : FormulationSide.ConeVariables;
            return SolveCompiled(model.Compile(new ModelSettings { Side = other, Solver = settings }), clock, problem, iteration, bs, "-retry");
        }
        return first;
    }

    private ModelSolution SolveCompiled(CompiledModel compiled, Stopwatch clock, string problem, int iteration, int? bs, string attempt = "")
    {
        OnCompiled?.Invoke($"{problem}-it{iteration}{(bs is int b ? $"-bs{b + 1}" : "")}{attempt}", compiled);
        Log?.WriteLine($"{problem}, iteration {iteration}{(bs is int b2 ? $", BS {b2 + 1}" : "")}: {compiled.Statistics.Summary()}");
        var solution = compiled.Solve(settings, Log, cancellation);
        if (solution.Status == ModelStatus.Cancelled) throw new OperationCanceledException(cancellation);
        _records.Add(new SolveRecord(problem, iteration, bs, solution.Status.ToString(), solution.Statistics.Iterations,
            clock.Elapsed.TotalSeconds, solution.Statistics.SchurComplementSize,
            solution.Statistics.Side == FormulationSide.ConeVariables ? "cone-variables" : "free-scalars",
            solution.Statistics.FreeScalarSideSize));
        return solution;
    }
}
