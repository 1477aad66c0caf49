using System.Diagnostics;
using Isac.Conic;
using Isac.Modeling;
using Isac.Modeling.Solutions;
using Isac.Precoding.Design;

namespace Isac.Precoding.Sdp;

/// <summary>Solves the design's convex problems and keeps a record of every solve.</summary>
/// <remarks>
/// The modelling layer picks the side of the duality with the smaller Schur complement. When the
/// solver ends in numerical trouble or at its iteration limit there, the problem is solved again on
/// the other side (both attempts are recorded); the second answer stands.
/// </remarks>
internal sealed class SdpRunner(SolverSettings settings, CancellationToken cancellation)
{
    private readonly List<SolveRecord> _records = [];

    /// <summary>Every solve so far.</summary>
    public IReadOnlyList<SolveRecord> Records => _records;

    /// <summary>Where the solver writes its log (null: nowhere).</summary>
    public TextWriter? Log { get; init; }

    /// <summary>Optional hook that sees every compiled problem before it is solved (the benchmark exports them to SDPA).</summary>
    public Action<string, Isac.Modeling.Compilation.CompiledModel>? OnCompiled { get; init; }

    /// <summary>Solves <paramref name="model"/>, recording it as <paramref name="problem"/>.</summary>
    public ModelSolution Solve(Model model, string problem, int iteration, int? bs)
    {
        cancellation.ThrowIfCancellationRequested();
        var first = SolveOn(model, FormulationSide.Auto, problem, iteration, bs);
        if (first.Status is ModelStatus.NumericalError or ModelStatus.IterationLimit)
        {
            var other = first.Statistics.Side == FormulationSide.ConeVariables ? FormulationSide.FreeScalars : FormulationSide.ConeVariables;
            return SolveOn(model, other, problem, iteration, bs);
        }
        return first;
    }

    private ModelSolution SolveOn(Model model, FormulationSide side, string problem, int iteration, int? bs)
    {
        var clock = Stopwatch.StartNew();
        var compiled = model.Compile(new ModelSettings { Side = side, Solver = settings });
        OnCompiled?.Invoke($"{problem}-it{iteration}{(bs is int b ? $"-bs{b + 1}" : "")}", compiled);
        Log?.WriteLine($"{problem}, iteration {iteration}{(bs is int b2 ? $", BS {b2 + 1}" : "")}: {compiled.Statistics.Summary()}");
        var solution = compiled.Solve(settings, Log, cancellation);
        if (solution.Status == ModelStatus.Cancelled) throw new OperationCanceledException(cancellation);
        _records.Add(new SolveRecord(problem, iteration, bs, solution.Status.ToString(), solution.Statistics.Iterations,
            clock.Elapsed.TotalSeconds, solution.Statistics.SchurComplementSize,
            solution.Statistics.Side == FormulationSide.ConeVariables ? "cone-variables" : "free-scalars"));
        return solution;
    }
}
