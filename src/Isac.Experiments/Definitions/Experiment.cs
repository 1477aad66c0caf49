using Isac.Core.Json;
using Isac.Experiments.Figures;
using Isac.Experiments.Results;
using Isac.Experiments.Sweeps;

namespace Isac.Experiments.Definitions;

/// <summary>
/// The base of every experiment (a paper figure, a table, a demonstration): what it sweeps, how
/// it reads its scenario section, how it evaluates one point, and how it turns all the points'
/// rows into figures. Register an instance in <see cref="ExperimentRegistry"/> (one line).
/// </summary>
/// <typeparam name="TSettings">The experiment's settings (a record), read from its scenario
/// section; shared read-only by all threads.</typeparam>
/// <remarks>
/// The runner owns everything else: scenario validation of the common fields, the seeds, the
/// parallel loop, the durable results store, resume, shards, progress, CSV, PNG, SVG and the
/// index. An evaluator must be a pure function of (point, settings): all randomness from
/// <see cref="SweepPoint.DrawSeed"/> or <see cref="SweepPoint.PointSeed"/> through
/// <see cref="Isac.Core.Random.DeterministicRandom"/>, no shared mutable state, so that resumed,
/// sharded and parallel runs give the same bytes as a single run.
/// </remarks>
public abstract class Experiment<TSettings> : IExperiment where TSettings : class
{
    /// <inheritdoc/>
    public abstract string Group { get; }

    /// <inheritdoc/>
    public abstract string Id { get; }

    /// <inheritdoc/>
    public string Name => $"{Group}.{Id}";

    /// <inheritdoc/>
    public abstract string Title { get; }

    /// <inheritdoc/>
    public abstract string Description { get; }

    /// <inheritdoc/>
    public abstract string SectionName { get; }

    /// <summary>No renames beyond a change of case.</summary>
    public static IReadOnlyDictionary<string, string[]> NoRenames { get; } = new Dictionary<string, string[]>();

    /// <inheritdoc />
    public virtual IReadOnlyDictionary<string, string[]> LegacyRenames => NoRenames;

    /// <inheritdoc/>
    public abstract IReadOnlyList<SweepParameter> Parameters { get; }

    /// <inheritdoc/>
    public virtual int QuickDraws => 1;

    /// <inheritdoc/>
    public virtual int FullDraws => 1;

    /// <inheritdoc/>
    public virtual ulong DefaultSeed => 1;

    /// <summary>
    /// Reads the settings from the scenario's section, or the defaults when
    /// <paramref name="section"/> is null. Be strict: call <see cref="JsonCursor.ExpectOnly"/>
    /// so unknown fields are errors, and read every field with the cursor's checked readers so
    /// errors name the JSON path and the expected value.
    /// </summary>
    public abstract TSettings ParseSettings(JsonCursor? section);

    /// <summary>
    /// Cross-checks settings and grid (e.g. a swept user count against a section's cell size).
    /// Throw <c>scenario.Field("sweep").Error(...)</c> or similar so the message names the path.
    /// The default accepts everything.
    /// </summary>
    public virtual void Validate(TSettings settings, SweepGrid grid, JsonCursor scenario) { }

    /// <summary>
    /// Computes one point: one or more rows of named columns. The runner puts the point's
    /// parameters and <c>draw</c> in front of them. Honour <paramref name="cancellation"/> in long
    /// loops. A computation that fails (infeasible, not converged) is a row with a status column,
    /// not an exception; an exception stops the sweep.
    /// </summary>
    public abstract IReadOnlyList<ResultRow> Evaluate(SweepPoint point, TSettings settings, CancellationToken cancellation);

    /// <summary>
    /// Turns the rows of the whole sweep (in point order; each has the parameter columns, <c>draw</c>
    /// and the evaluator's columns) into figures: tidy tables and plot descriptions.
    /// </summary>
    public abstract IReadOnlyList<Figure> BuildFigures(FigureInput<TSettings> input);

    object IExperiment.ParseSettings(JsonCursor? section) => ParseSettings(section);

    void IExperiment.Validate(object settings, SweepGrid grid, JsonCursor scenario) => Validate((TSettings)settings, grid, scenario);

    IReadOnlyList<ResultRow> IExperiment.Evaluate(SweepPoint point, object settings, CancellationToken cancellation) =>
        Evaluate(point, (TSettings)settings, cancellation);

    IReadOnlyList<Figure> IExperiment.BuildFigures(object settings, SweepGrid grid, IReadOnlyList<ResultRow> rows) =>
        BuildFigures(new FigureInput<TSettings>((TSettings)settings, grid, rows));
}
