using Isac.Core.Json;
using Isac.Core.Random;
using Isac.Experiments.Definitions;
using Isac.Experiments.Figures;
using Isac.Experiments.Results;
using Isac.Experiments.Sweeps;

namespace Isac.Experiments.Tests.Support;

/// <summary>Settings of the test experiment: which point (if any) throws, and the rows per point.</summary>
public sealed record NoiseSettings(int FailAt = -1, int RowsPerPoint = 2);

/// <summary>
/// A cheap random experiment for runner tests: every value comes from the point's seeds, with
/// text, booleans and missing cells, two rows per point, and a figure with a gap.
/// </summary>
public sealed class NoiseExperiment : Experiment<NoiseSettings>
{
    public override string Group => "test";
    public override string Id => "noise";
    public override string Title => "Seeded noise";
    public override string Description => "Gaussian draws from the point seeds.";
    public override string SectionName => "noise";

    public override IReadOnlyList<SweepParameter> Parameters { get; } =
    [
        SweepParameter.Integer("size", "", "a size", quick: [1, 2], full: [1, 2, 3], min: 1, max: 100),
        SweepParameter.Choice("mode", "a mode", ["x", "y", "z"], quick: ["x"], full: ["x", "y"]),
        SweepParameter.Real("level_db", "dB", "a level", quick: [0], full: [-3.5, 0, 2.25], min: -50, max: 50),
    ];

    /// <summary>Called before each evaluation: lets a test cancel a run at an exact point.</summary>
    public Action<SweepPoint>? BeforeEvaluate { get; init; }

    public override int QuickDraws => 2;
    public override int FullDraws => 4;

    public override NoiseSettings ParseSettings(JsonCursor? section)
    {
        if (section is not JsonCursor s) return new NoiseSettings();
        s.ExpectOnly("fail_at", "rows_per_point");
        return new NoiseSettings(s.OptionalField("fail_at")?.Int(0) ?? -1, s.OptionalField("rows_per_point")?.Int(0, 10) ?? 2);
    }

    public override IReadOnlyList<ResultRow> Evaluate(SweepPoint point, NoiseSettings settings, CancellationToken cancellation)
    {
        BeforeEvaluate?.Invoke(point);
        if (point.Index == settings.FailAt) throw new InvalidOperationException("deliberate failure");
        var shared = new DeterministicRandom(point.DrawSeed);
        var own = new DeterministicRandom(point.PointSeed);
        var rows = new List<ResultRow>();
        for (int r = 0; r < settings.RowsPerPoint; r++)
        {
            double v = shared.NextGaussian() * point.Int("size") + own.NextGaussian() * 1e-3 + point.Real("level_db");
            rows.Add(new ResultRow()
                .Set("row", r)
                .Set("value", v)
                .Set("label", v > 0 ? "pos, \"quoted\"" : "neg")
                .Set("big", v > 1)
                .Set("maybe", point.Draw == 1 ? double.NaN : v * v));
        }
        return rows;
    }

    public override IReadOnlyList<Figure> BuildFigures(FigureInput<NoiseSettings> input)
    {
        var table = TidyTable.From(input.Rows, "size", "mode", "level_db", "draw", "row", "value", "label", "big", "maybe");
        var first = input.Rows.Where(r => r.Number("row") == 0 && r.Text("mode") == "x" && r.Number("level_db") == 0).ToList();
        var plot = new PlotSpec("Noise", "index (1)", "value (dB)",
            [new LineSeries("maybe", first.Select((_, i) => (double)i).ToList(), first.Select(r => r.Number("maybe")).ToList())]);
        return [new Figure("noise", "Noise", "Seeded noise with gaps.", table, [plot])];
    }
}
