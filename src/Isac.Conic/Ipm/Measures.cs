namespace Isac.Conic.Ipm;

/// <summary>Objective values and relative residuals at one iterate (internal max form).</summary>
internal readonly record struct Measures(double PrimalObjective, double DualObjective,
                                         double PrimalInfeasibility, double DualInfeasibility,
                                         double RelativeGap, double Mu)
{
    public bool IsOptimal(SolverSettings s) =>
        RelativeGap <= s.RelativeGapTolerance
        && PrimalInfeasibility <= s.PrimalFeasibilityTolerance
        && DualInfeasibility <= s.DualFeasibilityTolerance;
}
