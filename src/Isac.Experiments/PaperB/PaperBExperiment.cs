using Isac.Core.Json;
using Isac.Experiments.Definitions;
using Isac.Experiments.Results;
using Isac.Experiments.Sweeps;
using Isac.Network.Simulation;

namespace Isac.Experiments.PaperB;

/// <summary>
/// The base of paper B's figures: group <c>paper-b</c>, the <c>paper_b</c> section, and the sweep
/// parameters that size the network (so <c>--quick</c> can shrink it).
/// </summary>
/// <remarks>
/// Every figure's Monte Carlo draw is one network realisation: the draw seed
/// (<see cref="SweepPoint.DrawSeed"/>) seeds <see cref="Isac.Network.Simulation.NetworkEnvironment"/>
/// (user drop and motion, scatterers, channels of every epoch, map measurements, sensing errors),
/// so every curve of a figure sees the same networks (common random numbers).
/// </remarks>
public abstract class PaperBExperiment : Experiment<PaperBSettings>
{
    /// <inheritdoc/>
    public override string Group => "paper-b";

    /// <inheritdoc/>
    public override string SectionName => PaperBScenarioReader.SectionName;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string[]> LegacyRenames => PaperBScenarioReader.Renames;

    /// <inheritdoc/>
    public override PaperBSettings ParseSettings(JsonCursor? section) => PaperBSettings.Parse(section);

    /// <summary><c>cell_users</c>: |U_ℓ|, the users dropped in each cell (paper: 40).</summary>
    protected static SweepParameter CellUsers(long quick) =>
        SweepParameter.Integer("cell_users", "", "users per cell |U_ℓ|, dropped uniformly (paper: 40)", [quick], [40], 1, 10_000);

    /// <summary><c>scheduled_per_cell</c>: the limit on |S_ℓ| (paper: 18).</summary>
    protected static SweepParameter ScheduledPerCell(long[] quick, long[] full) =>
        SweepParameter.Integer("scheduled_per_cell", "", "at most this many users scheduled per cell, |S_ℓ| (paper: 18)", quick, full, 1, 10_000);

    /// <summary><c>epochs</c>: N (paper: 10).</summary>
    protected static SweepParameter Epochs(long quick) =>
        SweepParameter.Integer("epochs", "", "epochs N simulated (paper: 10)", [quick], [10], 1, 100_000);

    /// <summary>The network of a point: the section's scenario with the point's sizes (the axes it has).</summary>
    protected static PaperBScenario ScenarioFor(SweepPoint point, PaperBSettings settings)
    {
        var sc = settings.Scenario;
        int Axis(string name, int fallback) => point.Grid.AxisIndex(name) >= 0 ? point.Int(name) : fallback;
        return sc with
        {
            UsersPerCell = Axis("cell_users", sc.UsersPerCell),
            MaxScheduledPerCell = Axis("scheduled_per_cell", sc.MaxScheduledPerCell),
            Epochs = Axis("epochs", sc.Epochs),
        };
    }

    /// <summary>The network seed of a point's draw.</summary>
    protected static long NetworkSeed(SweepPoint point) => unchecked((long)point.DrawSeed);

    /// <summary>The network of a point (default: <see cref="ScenarioFor"/>; an experiment may also change the layout per point).</summary>
    protected virtual PaperBScenario NetworkFor(SweepPoint point, PaperBSettings settings) => ScenarioFor(point, settings);

    /// <summary>The simulator on the point's network (its sizes, its draw's seed).</summary>
    protected NetworkSimulator Simulator(SweepPoint point, PaperBSettings settings) =>
        new(new NetworkEnvironment(NetworkFor(point, settings), NetworkSeed(point)));

    /// <summary>Runs the point's network with the options <paramref name="options"/> builds from its scenario; one row per epoch.</summary>
    protected IReadOnlyList<ResultRow> SimulateEpochs(SweepPoint point, PaperBSettings settings, Func<PaperBScenario, RunOptions> options,
        CancellationToken cancellation)
    {
        var sim = Simulator(point, settings);
        return EpochCurves.Rows(sim.Run(options(sim.Environment.Scenario), cancellation));
    }
}
