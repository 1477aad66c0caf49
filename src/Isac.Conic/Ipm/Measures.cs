namespace Isac.Conic.Ipm;

/// <summary>Objective values and relative residuals at one iterate (internal max form).</summary>
internal readonly record struct Measures(double PrimalObjective, double DualObjective,
                                         double PrimalInfeasibility, double DualInfeasibility,
                                         double RelativeGap, double Mu)
{
    /// <summary>How far from the tolerances: max of each measure over its tolerance (≤ 1 is optimal).</summary>
    public double Quality(SolverSettings s) => Math.Max(RelativeGap / s.RelativeGapTolerance,
        Math.Max(PrimalInfeasibility / s.PrimalFeasibilityTolerance, DualInfeasibility / s.DualFeasibilityTolerance));

    public bool IsOptimal(SolverSettings s) =>
        RelativeGap <= s.RelativeGapTolerance
        && PrimalInfeasibility <= s.PrimalFeasibilityTolerance
        && DualInfeasibility <= s.DualFeasibilityTolerance;
}
