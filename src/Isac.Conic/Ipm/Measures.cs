namespace Isac.Conic.Ipm;

/// <summary>
/// Objective values and the measures that decide termination at one iterate (internal max form).
/// </summary>
/// <remarks>
/// The infeasibilities are DIMACS errors 1 and 3: ‖a − A(X)‖₂/(1 + ‖a‖∞) and
/// ‖Σ y_i A_i − C − Z‖_F/(1 + ‖C‖max). The two gaps, |⟨C,X⟩ − aᵀy| and ⟨X, Z⟩, are divided by
/// D = max(|⟨C,X⟩| + |aᵀy|, min(S_C, S_a), 10⁻³·max(S_C, S_a)) with S_C = Σ_k |C_k X_k| and
/// S_a = Σ_i |a_i y_i|, the sizes of the two objectives' terms (<see cref="ObjectiveScale"/>), not by
/// 1 + |⟨C,X⟩| + |aᵀy| as CSDP and the DIMACS errors 5 and 6 do: that "1 +" makes the test absolute
/// for small objectives (paper A's relaxations, objective ~4e-6, stopped with t correct to 0.3 %),
/// while D is unchanged when C, a or the rows are scaled. The objectives themselves are the scale
/// unless the optimum is 0:
/// <list type="bullet">
/// <item>min(S_C, S_a): an optimum of 0 from cancelling terms on both sides (max t − s with t = s = 5)
///   is measured relative to the size of the terms, of the side less inflated by cancellation (qap6:
///   S_a = 2.5e6 for aᵀy = −381, y being large where the primal has no interior; S_C = 479);</item>
/// <item>10⁻³·max(S_C, S_a): an optimum of 0 where one side's terms vanish themselves (y* = 0, while
///   ⟨C, X⟩ → 0 by cancellation: the modelling layer's max λ_min of a pencil with value 0), relative to
///   the surviving side, discounted so that a side inflated a thousandfold cannot hide a gap (qap6:
///   10⁻³·S_a = 3.3 (|⟨C,X⟩| + |aᵀy|), its gap still 1.5e-6).</item>
/// </list>
/// Where one objective vanishes identically (C = 0, a = 0 or no rows), the optimal value is 0 and
/// there is no scale to be relative to: D then has CSDP's 1 added.
/// </remarks>
internal readonly record struct Measures(double PrimalObjective, double DualObjective,
                                         double PrimalInfeasibility, double DualInfeasibility,
                                         double ObjectiveGap, double ComplementarityGap, double Mu)
{
    /// <summary>The larger of the two scale-free gaps: what <see cref="SolverSettings.RelativeGapTolerance"/> bounds.</summary>
    public double RelativeGap => Math.Max(ObjectiveGap, ComplementarityGap);

    /// <summary>How far from the tolerances: max of each measure over its tolerance (≤ 1 is optimal).</summary>
    public double Quality(SolverSettings s) => Math.Max(RelativeGap / s.RelativeGapTolerance,
        Math.Max(PrimalInfeasibility / s.PrimalFeasibilityTolerance, DualInfeasibility / s.DualFeasibilityTolerance));

    public bool IsOptimal(SolverSettings s) =>
        RelativeGap <= s.RelativeGapTolerance
        && PrimalInfeasibility <= s.PrimalFeasibilityTolerance
        && DualInfeasibility <= s.DualFeasibilityTolerance;

    /// <summary>How many of the four measures (objective gap, complementarity gap, primal and dual
    /// infeasibility) meet their tolerances.</summary>
    public int MeasuresMet(SolverSettings s) =>
        (ObjectiveGap <= s.RelativeGapTolerance ? 1 : 0) + (ComplementarityGap <= s.RelativeGapTolerance ? 1 : 0)
        + (PrimalInfeasibility <= s.PrimalFeasibilityTolerance ? 1 : 0) + (DualInfeasibility <= s.DualFeasibilityTolerance ? 1 : 0);

    /// <summary>The largest of the four measures: the accuracy reached.</summary>
    public double Accuracy => Math.Max(RelativeGap, Math.Max(PrimalInfeasibility, DualInfeasibility));

    /// <summary>The denominator D of both gaps (see the remarks): from the objectives, the sums of the
    /// absolute values of their terms (Σ|C∘X|, Σ|a∘y|) and whether one objective vanishes identically.</summary>
    public static double ObjectiveScale(double primal, double dual, double primalTerms, double dualTerms, bool objectiveVanishes)
    {
        double d = Math.Max(Math.Abs(primal) + Math.Abs(dual),
            Math.Max(Math.Min(primalTerms, dualTerms), 1e-3 * Math.Max(primalTerms, dualTerms)));
        return Math.Max(d + (objectiveVanishes ? 1 : 0), double.Epsilon);
    }

    /// <summary>Σ_k |a_k b_k|.</summary>
    public static double AbsoluteDot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int k = 0; k < a.Length; k++)
        {
            s += Math.Abs(a[k] * b[k]);
        }
        return s;
    }
}
