using System.Globalization;
using Isac.Conic.Problem;

namespace Isac.Conic.Ipm;

/// <summary>Writes the banner, one row per iteration and the summary to the caller's writer.</summary>
internal sealed class IterationLogger(TextWriter? log, Verbosity verbosity)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public void Banner(ConicProblem problem, InternalModel model, string backend, int threads)
    {
        if (log is null || verbosity == Verbosity.Silent)
        {
            return;
        }
        var counts = problem.Cones.GroupBy(c => c.Kind).Select(g =>
            $"{g.Count()} {Name(g.Key)} (sizes {string.Join(",", g.Select(c => c.Size).Distinct().Take(6))}{(g.Select(c => c.Size).Distinct().Count() > 6 ? ",…" : "")})");
        log.WriteLine($"Isac.Conic interior-point solver (HKM on PSD blocks, NT on second-order cones, Mehrotra predictor-corrector)");
        log.WriteLine($"  constraints m = {problem.ConstraintCount}, blocks: {string.Join("; ", counts)}, {problem.Sense.ToString().ToLowerInvariant()} ⟨C,X⟩");
        log.WriteLine($"  low-rank data: {model.LowRankCount} (row, block) pairs; dense kernels: {backend}; threads: {threads}");
        if (verbosity == Verbosity.Iterations)
        {
            log.WriteLine("  iter      primal obj        dual obj    p.infeas    d.infeas         gap          mu   alpha_p   alpha_d");
        }
    }

    public void Row(int iter, Measures m, double ap, double ad)
    {
        if (log is null || verbosity != Verbosity.Iterations)
        {
            return;
        }
        log.WriteLine(string.Format(Inv, "  {0,4} {1,15:E7} {2,15:E7} {3,11:E2} {4,11:E2} {5,11:E2} {6,11:E2} {7,9:F4} {8,9:F4}",
            iter, m.PrimalObjective, m.DualObjective, m.PrimalInfeasibility, m.DualInfeasibility, m.RelativeGap, m.Mu, ap, ad));
    }

    public void Summary(ConicSolution s)
    {
        if (log is null || verbosity == Verbosity.Silent)
        {
            return;
        }
        log.WriteLine(string.Format(Inv, "  status: {0} after {1} iterations, {2:F3} s", s.Status, s.Iterations, s.SolveTime.TotalSeconds));
        log.WriteLine(string.Format(Inv, "  primal objective: {0}   dual objective: {1}", Objective(s.PrimalObjective), Objective(s.DualObjective)));
        log.WriteLine("  DIMACS errors: " + string.Join(" ", s.Dimacs.ToArray().Select(v => v.ToString("E2", Inv))));
    }

    /// <summary>Eight significant digits, as CSDP prints objective values (2.3000000e+01).</summary>
    private static string Objective(double v) => v.ToString("0.0000000e+00", Inv);

    private static string Name(ConeKind k) => k switch
    {
        ConeKind.PositiveSemidefinite => "psd",
        ConeKind.Nonnegative => "lp",
        ConeKind.SecondOrder => "soc",
        _ => "free",
    };
}
