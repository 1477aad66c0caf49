using System.Globalization;
using Isac.Conic.Io;

namespace Isac.Conic.Tests.Solving;

/// <summary>
/// SDPLIB conformance: every problem of SDPLIB_DIR (default ../shared/sdplib), and those of
/// SDPLIB_EXTRA_DIR (../shared/sdplib-extra) that this solver solves, against optimal-values.csv, with
/// CSDP's sign convention. The tolerance is 1e-6 relative, or one unit of the last digit the table
/// prints when that is coarser (the table truncates: gpp100's optimum −44.94355, CSDP's value too, is
/// printed −44.9435; gpp124-1 is printed to 5 digits; hinf13 and hinf15 to two), and 1e-3 for
/// hinf1/hinf2 (published to few digits, as the table says). qap6 is compared at 1e-4: the table's
/// −381.44 has 5 digits, but CSDP 6.2 itself ends at −381.432/−381.435 on this file (objective gap
/// 4e-6, the problem has no strictly feasible primal point), as we do. Every status is checked against
/// the measures it claims (<see cref="TerminationReasonTests.AssertStatusHonest"/>).
/// </summary>
public class SdplibTests
{
    private static readonly Dictionary<string, double> LooseTolerance = new()
    {
        ["hinf1"] = 1e-3,
        ["hinf2"] = 1e-3,
        ["qap6"] = 1e-4,
    };

    /// <summary>The problems of sdplib-extra that solve to their published value (hinf13 and hinf15, published
    /// with two digits above a valid bound, are checked against the checked optimum below).</summary>
    private static readonly string[] ExtraSolved = ["control5", "gpp250-1", "maxG11", "mcp250-1", "qap8"];

    public static TheoryData<string> Problems()
    {
        var data = new TheoryData<string>();
        foreach (var row in Table(TestData.SdplibDir, "theta1", "2.300000e+01"))
        {
            data.Add(row.Name);
        }
        return data;
    }

    public static TheoryData<string> ExtraProblems() => new(ExtraSolved);

    private static IEnumerable<(string Name, string Value, string Note)> Table(string dir, string fallback, string fallbackValue)
    {
        string csv = Path.Combine(dir, "optimal-values.csv");
        if (!File.Exists(csv))
        {
            // Keeps the theory listable when the folder is missing; the attribute then skips
            // (or, under CI, the test fails on the missing file).
            yield return (fallback, fallbackValue, "");
            yield break;
        }
        foreach (var line in File.ReadLines(csv).Skip(1).Where(l => l.Length > 0))
        {
            var f = line.Split(',');
            yield return (f[0], f[3], f.Length > 4 ? f[4] : "");
        }
    }

    [SdplibTheory]
    [MemberData(nameof(Problems))]
    public void Problem_SolvesToPublishedOptimumOrInfeasibilityStatus(string name) => Check(TestData.SdplibDir, name);

    [SdplibExtraTheory]
    [MemberData(nameof(ExtraProblems))]
    public void ExtraProblem_SolvesToPublishedOptimum(string name) => Check(TestData.SdplibExtraDir, name);

    /// <summary>
    /// hinf13 and hinf15: no strictly feasible primal point, and the dual optimum approached only as y grows
    /// without bound. In double precision no solver here reaches the tolerances (CSDP, SDPA and cvxopt stop
    /// at gaps of 1e-3–1e-2, DSDP 5.8 at 7e-5); our double runs end NumericalError (accuracy 4e-4 and 1e-3)
    /// and the run in double-double arithmetic that follows ends ReducedAccuracy (about 7e-7 and 2.5e-6,
    /// within 1000× of every tolerance), judged by the double measures at the returned point. Both objectives
    /// are checked against the optimum of bench/scripts/reference-values.csv (44.35 ± 1e-3 and 23.96 ± 3e-3:
    /// DSDP's nearly feasible pairs 44.349/44.346 and 23.960/23.955, checked independently with
    /// bench/scripts/check_sdpa_point.py); SDPLIB's published 46 and 25 lie above a valid upper bound.
    /// Without the double-double run the result is NumericalError, as before.
    /// </summary>
    [SdplibExtraTheory]
    [InlineData("hinf13", 44.35, 1e-3)]
    [InlineData("hinf15", 23.96, 3e-3)]
    public void IllPosedHinf_EndsReducedAccuracyAtTheCheckedOptimumInDoubleDouble(string name, double optimum, double tolerance)
    {
        var problem = SdpaReader.ReadFile(Path.Combine(TestData.SdplibExtraDir, name + ".dat-s"));
        var settings = new SolverSettings { Verbosity = Verbosity.Silent };
        var s = ConicSolver.Solve(problem, settings);
        Assert.True(s.Status is SolverStatus.Solved or SolverStatus.ReducedAccuracy, $"{name}: {s.Status} ({s.Termination}, accuracy {s.Accuracy:E2})");
        TerminationReasonTests.AssertStatusHonest(s, settings, name);
        Assert.Equal("primal-dual, double-double", s.Algorithm);
        foreach (double objective in new[] { s.PrimalObjective, s.DualObjective })
        {
            double error = Math.Abs(objective - optimum) / optimum;
            Assert.True(error <= tolerance, $"{name}: objective {objective:R} vs {optimum}: relative error {error:E2}");
        }
        Assert.True(s.Dimacs.PrimalInfeasibility < 1e-6 && s.Dimacs.DualInfeasibility < 1e-6, $"{name}: DIMACS {string.Join(" ", s.Dimacs.ToArray())}");
        var plain = ConicSolver.Solve(problem, settings with { ExtendedPrecision = false });
        Assert.Equal(SolverStatus.NumericalError, plain.Status);
        Assert.True(s.Accuracy < plain.Accuracy / 100, $"{name}: accuracy {s.Accuracy:E2} vs double only {plain.Accuracy:E2}");
    }

    private static void Check(string dir, string name)
    {
        var (_, value, note) = Table(dir, name, "").Single(r => r.Name == name);
        var problem = SdpaReader.ReadFile(Path.Combine(dir, name + ".dat-s"));
        var settings = new SolverSettings { Verbosity = Verbosity.Silent };
        var s = ConicSolver.Solve(problem, settings);
        if (value.Length == 0)
        {
            // SDPA's labels are the opposite of ours (and CSDP's): SDPA's primal is our (D).
            Assert.Equal(note.StartsWith("dual", StringComparison.Ordinal) ? SolverStatus.PrimalInfeasible : SolverStatus.DualInfeasible, s.Status);
            return;
        }
        double reference = double.Parse(value, CultureInfo.InvariantCulture);
        double tolerance = LooseTolerance.GetValueOrDefault(name, Math.Max(Tolerances.Reference, LastDigit(value) / Math.Abs(reference)));
        Assert.True(s.Status is SolverStatus.Solved or SolverStatus.ReducedAccuracy, $"{name}: {s.Status} ({s.Termination})");
        TerminationReasonTests.AssertStatusHonest(s, settings, name);
        foreach (double objective in new[] { s.PrimalObjective, s.DualObjective })
        {
            double error = Math.Abs(objective - reference) / Math.Abs(reference);
            Assert.True(error <= tolerance, $"{name}: objective {objective:R} vs {reference:R}: relative error {error:E2} > {tolerance:E2}");
        }
        Assert.True(s.Dimacs.PrimalInfeasibility < 1e-6 && s.Dimacs.DualInfeasibility < 1e-6, $"{name}: DIMACS {string.Join(" ", s.Dimacs.ToArray())}");
    }

    /// <summary>One unit of the last printed digit of a number like 2.02395e+01.</summary>
    private static double LastDigit(string value)
    {
        string mantissa = value.Split('e', 'E')[0];
        int exponent = value.Contains('e') || value.Contains('E') ? int.Parse(value.Split('e', 'E')[1], CultureInfo.InvariantCulture) : 0;
        int decimals = mantissa.Contains('.') ? mantissa.Length - mantissa.IndexOf('.') - 1 : 0;
        return Math.Pow(10, exponent - decimals);
    }
}
