namespace Isac.Precoding.Design;

/// <summary>
/// The symbol-level refinement (docs/derivations.md §6.2): convex-concave steps from the relaxation's symbols until the
/// largest RCRB improves by less than the tolerance; with <see cref="RefinementCaps.Best"/> and a design with caps,
/// run from the same symbols under Algorithm 1's caps and under the limits of (P3), keeping the frame whose largest
/// RCRB is lower.
/// </summary>
internal static class SymbolRefinement
{
    /// <summary>Refines <paramref name="design"/>'s accepted symbols; the transmitted frame is its accepted iterate afterwards.</summary>
    public static RefinementReport Run<TState>(IRefinableDesign<TState> design, RefinementSettings settings)
    {
        if (!design.HasRefinementCaps) return RunOnce(design, settings, "");
        if (settings.Caps != RefinementCaps.Best)
        {
            design.Caps = settings.Caps;
            return RunOnce(design, settings, CapsName(settings.Caps));
        }
        var start = design.Checkpoint();
        design.Caps = RefinementCaps.Algorithm;
        var algorithm = RunOnce(design, settings, CapsName(RefinementCaps.Algorithm));
        var afterAlgorithm = design.Checkpoint();
        design.Restore(start);
        design.Caps = RefinementCaps.Limits;
        var limits = RunOnce(design, settings, CapsName(RefinementCaps.Limits));
        if (limits.FinalRcrbDeg.Max() <= algorithm.FinalRcrbDeg.Max()) return limits;
        design.Restore(afterAlgorithm);
        return algorithm;
    }

    private static string CapsName(RefinementCaps caps) => caps == RefinementCaps.Limits ? "limits" : "algorithm";

    /// <summary>Convex-concave steps until the largest RCRB improves by less than the tolerance (a failed step stops, keeping the symbols before it).</summary>
    private static RefinementReport RunOnce<TState>(IRefinableDesign<TState> design, RefinementSettings settings, string caps)
    {
        var unrefined = design.TransmittedRcrbDeg();
        double previous = unrefined.Max();
        var history = new List<double[]>();
        for (int step = 1; step <= settings.MaxIterations; step++)
        {
            var outcome = design.RefineStep(step);
            if (!outcome.Ok)
            {
                string what = outcome.Infeasible ? $"{outcome.Problem} is infeasible" : $"the solver failed on {outcome.Problem} ({outcome.Detail})";
                return new RefinementReport(step - 1, unrefined, history, false, $"refinement step {step}: {what}; the symbols of step {step - 1} stand", caps);
            }
            var now = design.TransmittedRcrbDeg();
            history.Add(now);
            double current = now.Max();
            if (!(previous - current > settings.RelativeTolerance * previous))
                return new RefinementReport(step, unrefined, history, true, "", caps);
            previous = current;
        }
        return new RefinementReport(settings.MaxIterations, unrefined, history, false, "", caps);
    }
}
