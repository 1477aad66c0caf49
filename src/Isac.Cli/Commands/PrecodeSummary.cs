using System.Globalization;
using Isac.Precoding.Design;

namespace Isac.Cli.Commands;

/// <summary>The plain-text summary <c>isac precode</c> prints.</summary>
internal static class PrecodeSummary
{
    public static void Write(TextWriter o, DesignResult r)
    {
        var s = r.Settings;
        string robust = s.Scheme.IsSymbolLevel() ? "" : $", robustness {(s.Robustness == RobustnessModel.Exact ? "exact" : "paper")}";
        o.WriteLine($"{s.Scheme.Name()}: γ = {F(s.GammaDb)} dB, δ = {F(s.Delta)}, ρ = {F(s.Rho)}{robust}");
        int iterations = r.Iterations.Count;
        o.WriteLine($"status: {r.Status.Name()}{(r.Message.Length > 0 ? $" ({r.Message})" : "")}; " +
                    $"{iterations} iteration{(iterations == 1 ? "" : "s")}{(r.Converged ? " (converged)" : "")}, {r.Solves.Count} convex problems, {F(r.Seconds, "F2")} s");
        if (r.Reduction is { } reduction) o.WriteLine($"coordinates: {reduction.Summary()}");
        if (SolveStatuses(r) is { } statuses) o.WriteLine(statuses);
        if (r.RelaxationRcrbDeg.Length > 0)
        {
            o.WriteLine($"{"",6} {"RCRB (deg)",12} {"relaxation",12}");
            for (int m = 0; m < r.RelaxationRcrbDeg.Length; m++)
                o.WriteLine($"{$"BS {m + 1}",-6} {F(At(r.RcrbDeg, m)),12} {F(r.RelaxationRcrbDeg[m]),12}");
        }
        if (r.Status != DesignStatus.Solved) return;
        string prop3 = double.IsNaN(r.Proposition3MinSinrDb) ? "" : $", Proposition 3 bound {F(r.Proposition3MinSinrDb, "F2")} dB";
        o.WriteLine($"min SINR: {F(r.MinSinrDb, "F2")} dB nominal, {F(r.WorstCaseMinSinrDb, "F2")} dB worst case over the error ball{prop3}");
        if (r.Recovery is { } rec)
            o.WriteLine($"recovery: {rec.Method} (largest λ₂/λ₁ {F(rec.LargestEigenvalueRatio, "G3")}; {rec.CandidatesFeasible} of {rec.CandidatesTried} candidates feasible)");
        if (r.Refinement is { } f)
            o.WriteLine($"refinement: {f.Steps} step{(f.Steps == 1 ? "" : "s")}, RCRB of the relaxation's own symbols {string.Join(", ", f.UnrefinedRcrbDeg.Select(x => F(x)))} deg{(f.Caps.Length > 0 ? $", caps: {f.Caps}" : "")}{(f.Message.Length > 0 ? $" ({f.Message})" : "")}");
    }

    /// <summary>How the answers the design used ended, when not all of them are Optimal (null otherwise): how many
    /// of each status, the worst accuracy reached and what stopped the solver.</summary>
    private static string? SolveStatuses(DesignResult r)
    {
        var used = r.Solves.Where(x => x.Used).ToList();
        var inaccurate = used.Where(x => x.Status != "Optimal").ToList();
        if (inaccurate.Count == 0) return null;
        var counts = used.GroupBy(x => x.Status).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}");
        var finite = inaccurate.Where(x => double.IsFinite(x.Accuracy)).ToList();
        string worst = finite.Count == 0 ? "" : $"; worst accuracy reached {F(finite.Max(x => x.Accuracy), "0.0E+00")} ({finite.MaxBy(x => x.Accuracy)!.Problem})";
        string reasons = string.Join(", ", inaccurate.Select(x => x.Termination).Where(t => t.Length > 0).Distinct());
        return $"convex problems used: {string.Join(", ", counts)}{worst}{(reasons.Length > 0 ? $"; ended by {reasons}" : "")}";
    }

    private static double At(double[] values, int i) => i < values.Length ? values[i] : double.NaN;

    private static string F(double v, string format = "G5") => double.IsNaN(v) ? "-" : v.ToString(format, CultureInfo.InvariantCulture);
}
