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
        var sparse = model.Blocks.OfType<Cones.PsdBlock>().Where(b => b.SparseDual).ToArray();
        if (sparse.Length > 0)
        {
            log.WriteLine($"  sparse dual slack on {sparse.Length} PSD block(s): Z factorised on its aggregate pattern " +
                          $"({string.Join(", ", sparse.Select(b => $"order {b.Size}, {b.SparseFactorNonzeros} nonzeros in L"))})");
        }
        if (verbosity == Verbosity.Iterations)
        {
            log.WriteLine("  iter      primal obj        dual obj    p.infeas    d.infeas     obj.gap      xz.gap          mu   alpha_p   alpha_d");
        }
    }

    public void Row(int iter, Measures m, double ap, double ad)
    {
        if (log is null || verbosity != Verbosity.Iterations)
        {
            return;
        }
        log.WriteLine(string.Format(Inv, "  {0,4} {1,15:E7} {2,15:E7} {3,11:E2} {4,11:E2} {5,11:E2} {6,11:E2} {7,11:E2} {8,9:F4} {9,9:F4}",
            iter, m.PrimalObjective, m.DualObjective, m.PrimalInfeasibility, m.DualInfeasibility, m.ObjectiveGap,
            m.ComplementarityGap, m.Mu, ap, ad));
    }

    /// <summary>A line naming the method that runs.</summary>
    public void Algorithm(string text)
    {
        if (log is not null && verbosity != Verbosity.Silent)
        {
            log.WriteLine("  algorithm: " + text);
        }
    }

    /// <summary>One row of the dual-scaling iteration: dual objective, best bound, μ and the μ whose X was PSD.</summary>
    public void DualScalingRow(int iter, double dobj, double bound, double mu, double feasibleMu)
    {
        if (log is null || verbosity != Verbosity.Iterations)
        {
            return;
        }
        log.WriteLine(string.Format(Inv, "  {0,4} {1,15:E7} {2,15:E7} {3,11:E2} {4,11:E2}", iter, dobj, bound, mu, feasibleMu));
    }

    public void Summary(ConicSolution s)
    {
        if (log is null || verbosity == Verbosity.Silent)
        {
            return;
        }
        log.WriteLine(string.Format(Inv, "  status: {0} ({1}) after {2} iterations, {3:F3} s", s.Status, Describe(s.Termination),
            s.Iterations, s.SolveTime.TotalSeconds));
        if (!double.IsNaN(s.Accuracy))
        {
            log.WriteLine(string.Format(Inv, "  accuracy reached: {0:E2} (objective gap {1:E2}, complementarity {2:E2}, infeasibilities {3:E2} {4:E2})",
                s.Accuracy, s.ObjectiveGap, s.ComplementarityGap, s.Dimacs.PrimalInfeasibility, s.Dimacs.DualInfeasibility));
        }
        log.WriteLine(string.Format(Inv, "  primal objective: {0}   dual objective: {1}", Objective(s.PrimalObjective), Objective(s.DualObjective)));
        log.WriteLine("  DIMACS errors: " + string.Join(" ", s.Dimacs.ToArray().Select(v => v.ToString("E2", Inv))));
    }

    /// <summary>The reason in words, for the log.</summary>
    public static string Describe(TerminationReason r) => r switch
    {
        TerminationReason.Converged => "converged: every measure met its tolerance",
        TerminationReason.PrimalInfeasibilityCertificate => "certificate of primal infeasibility",
        TerminationReason.DualInfeasibilityCertificate => "certificate of dual infeasibility",
        TerminationReason.UnboundedFreeVariable => "a free variable in no row has a cost",
        TerminationReason.Stall => "stall: no progress in 8 iterations, best point returned",
        TerminationReason.ShortSteps => "three steps below 1e-6, best point returned",
        TerminationReason.SchurNotPositiveDefinite => "Schur complement not positive definite, best point returned",
        TerminationReason.IterateNotInterior => "X or Z left the cone's interior, best point returned",
        TerminationReason.StepFailure => "no interior step along the direction, best point returned",
        TerminationReason.NonFinite => "non-finite numbers, best point returned",
        TerminationReason.IterationLimit => "iteration limit",
        TerminationReason.TimeLimit => "time limit",
        _ => "cancelled",
    };

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
