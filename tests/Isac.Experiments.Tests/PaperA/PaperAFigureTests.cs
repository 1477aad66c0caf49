using Isac.Experiments.Definitions;
using Isac.Experiments.Results;
using Isac.Experiments.Scenarios;

namespace Isac.Experiments.Tests.PaperA;

/// <summary>Paper A's figures on tiny networks: rows, columns, gaps, and the checks the figures make.</summary>
public class PaperAFigureTests
{
    private const string Tiny = """{ "cells": 2, "users_per_cell": 1, "ntx": 3, "nrx": 3, "frame_length": 4 }""";

    private static Scenario Scenario(string experiment, string sweep, string section) => ScenarioReader.Parse(
        $$"""{ "experiment": "paper-a.{{experiment}}", "seed": 3, "sweep": {{sweep}}, "paper_a": {{section}} }""",
        "t.json", ExperimentRegistry.Catalog, SweepSize.Full);

    /// <summary>Every point's rows with the parameters and draw in front, as the runner stores them.</summary>
    private static List<ResultRow> Run(Scenario s)
    {
        var rows = new List<ResultRow>();
        foreach (var p in s.Grid.Points())
        {
            var first = new ResultRow();
            for (int a = 0; a < s.Grid.Axes.Count; a++)
            {
                var v = p.Values[a];
                if (v.IsText) first.Set(s.Grid.Axes[a].Parameter.Name, v.Text!);
                else first.Set(s.Grid.Axes[a].Parameter.Name, v.Number);
            }
            first.Set("draw", p.Draw);
            rows.AddRange(s.Experiment.Evaluate(p, s.Settings, CancellationToken.None).Select(r => r.After(first)));
        }
        return rows;
    }

    [Fact]
    public void Fig5_KeepsInfeasiblePointsAsRowsAndGapsInThePlot()
    {
        var s = Scenario("fig5", """{ "draws": 1, "scheme": ["blp-comp", "slp-comp"], "gamma_db": [5, 60] }""", $$"""{ "network": {{Tiny}} }""");
        var rows = Run(s);
        var figure = s.Experiment.BuildFigures(s.Settings, s.Grid, rows).Single();

        Assert.Equal(["scheme", "gamma_db", "draw", "rcrb_deg", "min_sinr_db", "worst_case_min_sinr_db", "status"], figure.Table.Columns.Take(7));
        Assert.Equal(4, figure.Table.Rows.Count);
        Assert.Equal(["solved", "infeasible", "solved", "infeasible"], rows.Select(r => r.Text("status")));
        var achieved = figure.Plots[0].Series.Where(c => !c.Dashed).ToList();
        Assert.All(achieved, c => Assert.True(double.IsFinite(c.Y[0]) && double.IsNaN(c.Y[1])));
    }

    [Theory]
    [InlineData("algorithm")]
    [InlineData("limits")]
    public void RefineCaps_ReachTheDesignAndItsColumn(string caps)
    {
        var s = Scenario("fig5", """{ "draws": 1, "scheme": ["slp-cbf"], "gamma_db": [5] }""",
            $$"""{ "network": {{Tiny}}, "refine_steps": 2, "refine_caps": "{{caps}}" }""");
        Assert.Equal(caps, Assert.Single(Run(s)).Text("refine_caps"));
    }

    [Fact]
    public void TimeLimit_ReachesTheSolverAndIsChecked()
    {
        var settings = new Isac.Experiments.PaperA.PaperASettings(new Isac.Precoding.Network.NetworkSpec(), 0, 10) { TimeLimitSeconds = 42 };
        Assert.Equal(TimeSpan.FromSeconds(42),
            settings.Design(Isac.Precoding.Design.PrecodingScheme.BlpComp, 10, Isac.Precoding.Design.RobustnessModel.Exact, 1).Solver.TimeLimit);
        var e = Assert.Throws<Isac.Core.IsacInputException>(() => Scenario("fig5", """{ "draws": 1, "scheme": ["slp-cbf"], "gamma_db": [5] }""",
            $$"""{ "network": {{Tiny}}, "time_limit_s": 0 }"""));
        Assert.Contains("time_limit_s", e.Message);
    }

    [Theory]
    [InlineData("on", 5)]
    [InlineData("off", 8)]
    public void Reduction_ReachesTheDesignAndTheReducedDimColumn(string reduction, double dim)
    {
        // Ntx = 8 against dim S_n = J·K + J + 1 = 5.
        var s = Scenario("fig8", """{ "draws": 1, "scheme": ["blp-comp"], "ntx": [8] }""",
            $$"""{ "network": { "users_per_cell": 1, "nrx": 4 }, "reduction": "{{reduction}}" }""");
        var row = Assert.Single(Run(s));
        Assert.Equal("solved", row.Text("status"));
        Assert.Equal(dim, row.Number("reduced_dim"));
        var e = Assert.Throws<Isac.Core.IsacInputException>(() => Scenario("fig8", """{ "draws": 1, "scheme": ["blp-comp"], "ntx": [8] }""",
            """{ "reduction": true }"""));
        Assert.Contains("reduction", e.Message);
    }

    [Fact]
    public void UnknownRefineCaps_NamesTheJsonPath()
    {
        var e = Assert.Throws<Isac.Core.IsacInputException>(() => Scenario("fig5", """{ "draws": 1, "scheme": ["slp-cbf"], "gamma_db": [5] }""",
            $$"""{ "network": {{Tiny}}, "refine_caps": "loose" }"""));
        Assert.Contains("refine_caps", e.Message);
    }

    [Fact]
    public void Fig7_NoErrorDrawFallsBelowTheDesignsExactWorstCase()
    {
        var s = Scenario("fig7", """{ "draws": 1, "scheme": ["blp-comp-exact", "blp-cbf", "slp-comp"], "ntx": [3] }""",
            $$"""{ "network": {{Tiny}}, "delta": 0.02, "gamma_cbf_db": 5, "gamma_comp_db": 5, "error_draws": 25 }""");
        var rows = Run(s);
        var errors = rows.Where(r => r.Text("kind") == "error").ToList();

        Assert.Equal(75, errors.Count);
        Assert.All(errors, r => Assert.True(r.Number("observed_min_sinr_db") >= r.Number("worst_case_min_sinr_db") - 1e-6,
            $"{r.Text("scheme")}: observed {r.Number("observed_min_sinr_db")} below the worst case {r.Number("worst_case_min_sinr_db")}"));
        // The exact-robust design guarantees the threshold itself.
        Assert.All(errors.Where(r => r.Text("scheme") == "blp-comp-exact"), r => Assert.True(r.Number("observed_min_sinr_db") >= 5 - 1e-4));
        Assert.Equal(2, s.Experiment.BuildFigures(s.Settings, s.Grid, rows).Single().Plots.Count);
    }

    [Fact]
    public void Fig3_SingleCellCrbEqualsLiuEtAlClosedForm()
    {
        var s = Scenario("fig3", """{ "draws": 1, "gamma_db": [5] }""", """{ "network": { "cells": 2, "users_per_cell": 2, "ntx": 4, "nrx": 4, "frame_length": 6 } }""");
        var rows = Run(s);

        Assert.Equal(["single-cell", "single-cell-in-network", "multi-cell-cbf"], rows.Select(r => r.Text("curve")));
        Assert.True(rows[0].Number("liu_relative_difference") < 1e-9);
        // The neighbour's interference costs the single-cell design SINR it believed it had.
        Assert.True(rows[1].Number("min_sinr_db") < rows[0].Number("min_sinr_db"));
        Assert.Single(s.Experiment.BuildFigures(s.Settings, s.Grid, rows));
    }

    [Fact]
    public void Fig4_ListsThePowerTowardEveryUserAndTarget()
    {
        var s = Scenario("fig4", """{ "scheme": ["blp-cbf"] }""",
            """{ "network": { "users_per_cell": 1, "ntx": 6, "nrx": 4, "frame_length": 8, "channels": { "model": "line-of-sight", "user_angles_deg": [[[-10], [20]], [[-25], [10]]] } }, "gamma_db": 10, "angle_step_deg": 5 }""");
        var rows = Run(s);

        Assert.Equal(37, rows.Count(r => r.Text("kind") == "pattern"));
        Assert.Equal(["own user 1", "own target", "cell 2 user 1", "cell 2 target"], rows.Where(r => r.Text("kind") == "direction").Select(r => r.Text("direction")));
        Assert.Equal(2, s.Experiment.BuildFigures(s.Settings, s.Grid, rows).Count);
    }

    [Fact]
    public void Fig9_OneRowPerIterationWithTheCaps()
    {
        var s = Scenario("fig9", """{ "draws": 1, "scheme": ["blp-cbf"], "cap_start": ["fixed-0db"] }""", $$"""{ "network": {{Tiny}}, "gamma_db": 5 }""");
        var rows = Run(s);

        Assert.NotEmpty(rows);
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => (double)i), rows.Select(r => r.Number("iteration")));
        Assert.True(rows[0].Has("cap I_inter"));
        Assert.Single(s.Experiment.BuildFigures(s.Settings, s.Grid, rows));
    }

    [Fact]
    public void OldKeyNamesInTheNetworkObject_GiveTheSameRowsAndOneWarning()
    {
        const string section = """{ "network": { "users_per_cell": 1, "ntx": 4, "nrx": 4, "frame_length": 6, "comm_snr_db": 35, "reflections": { "model": "generated", "echo_snr": 2 } }, "gamma_db": 5 }""";
        string old = section.Replace("users_per_cell", "usersPerCell").Replace("frame_length", "frameLength").Replace("comm_snr_db", "commSnrDb").Replace("echo_snr", "echoSnr");
        var fresh = Scenario("fig9", """{ "draws": 1, "scheme": ["blp-cbf"], "cap_start": ["fixed-0db"] }""", section);
        var legacy = Scenario("fig9", """{ "draws": 1, "scheme": ["blp-cbf"], "cap_start": ["fixed-0db"] }""", old);

        Assert.Null(fresh.LegacyWarning);
        Assert.Equal("t.json: warning: old key names read, rename them: 'usersPerCell' → 'users_per_cell', 'frameLength' → 'frame_length', " +
            "'commSnrDb' → 'comm_snr_db', 'echoSnr' → 'echo_snr'", legacy.LegacyWarning);
        var a = Run(fresh);
        var b = Run(legacy);
        Assert.NotEmpty(a);
        Assert.Equal(a.Select(r => string.Join(",", r.Columns.Select(c => $"{c}={r.Text(c)}"))), b.Select(r => string.Join(",", r.Columns.Select(c => $"{c}={r.Text(c)}"))));
    }
}
