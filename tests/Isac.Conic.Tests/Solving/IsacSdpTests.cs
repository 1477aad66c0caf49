using System.Globalization;
using Isac.Conic.Io;

namespace Isac.Conic.Tests.Solving;

/// <summary>
/// Paper A's CoMP relaxations (ISAC_SDP_DIR, default ../shared/isac-sdp), whose objective is −t with
/// RCRB = √t in degrees. The objective is tiny (1e-4, 4e-6); the default settings give t to about
/// 1e-8 relative because the solver's gaps are measured against the objective itself, not against
/// 1 + |objective| (which needed a gap tolerance of 1e-10 here before).
/// </summary>
public class IsacSdpTests
{
    private static readonly SolverSettings Settings = new() { Verbosity = Verbosity.Silent };

    private static double RcrbDegrees(double objective) => Math.Sqrt(-objective) * 180 / Math.PI;

    private static (double Objective, double Rcrb) CsvRow(string name)
    {
        var f = File.ReadLines(Path.Combine(TestData.IsacSdpDir, "optimal-values.csv")).Single(l => l.StartsWith(name + ",", StringComparison.Ordinal)).Split(',');
        return (double.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture));
    }

    private static ConicSolution Solve(string name)
    {
        var s = ConicSolver.Solve(SdpaReader.ReadFile(Path.Combine(TestData.IsacSdpDir, name + ".dat-s")), Settings);
        // Ntx = 16 ends ReducedAccuracy by a stall at 4e-8 to 4e-7 (which, depends on rounding): t ≈ 3.8e-6 to
        // 1e-8 relative is 4e-14 absolute while the covariances are O(1), and ⟨X, Z⟩ ≈ 3e-13 is at the
        // rounding of its own sum there. The RCRB is right to far better than 1e-4 either way.
        Assert.True(s.Status == SolverStatus.Solved || (s.Status == SolverStatus.ReducedAccuracy && s.Accuracy < 1e-6),
            $"{name}: {s.Status} ({s.Termination}) at {s.Accuracy:E2}");
        return s;
    }

    [IsacSdpFact]
    public void Ntx8_RcrbMatchesCsdpWithin1e4()
    {
        var (_, rcrb) = CsvRow("comp-blp-j2-ntx8-k3");
        var s = Solve("comp-blp-j2-ntx8-k3");
        foreach (double objective in new[] { s.PrimalObjective, s.DualObjective })
        {
            double error = Math.Abs(RcrbDegrees(objective) - rcrb) / rcrb;
            Assert.True(error < Tolerances.CrossSolver, $"RCRB {RcrbDegrees(objective):R}° vs CSDP {rcrb}°: {error:E2}");
        }
    }

    /// <summary>
    /// The table's CSDP value for Ntx = 16 (−3.8212353e-06, RCRB 0.112002°) is CSDP at its default
    /// tolerances, which stop on a gap of 1e-8 relative to 1 + |objective|, i.e. t to about 0.3 %.
    /// CSDP 6.2 on the same file with axtol = atytol = objtol = 1e-10 and perturbobj = 0 (param.csdp)
    /// gives −3.7949161e-06 / −3.7948940e-06, which is the reference here (RCRB 0.111615°);
    /// docs/solver.md records both.
    /// </summary>
    [IsacSdpFact]
    public void Ntx16_RcrbMatchesTightCsdpWithin1e4()
    {
        const double csdpTight = -3.7949161e-06;
        var s = Solve("comp-blp-j2-ntx16-k3");
        foreach (double objective in new[] { s.PrimalObjective, s.DualObjective })
        {
            double error = Math.Abs(RcrbDegrees(objective) - RcrbDegrees(csdpTight)) / RcrbDegrees(csdpTight);
            Assert.True(error < Tolerances.CrossSolver, $"RCRB {RcrbDegrees(objective):R}° vs tight CSDP {RcrbDegrees(csdpTight):R}°: {error:E2}");
        }
    }
}
