namespace Isac.Physics.Sinr;

/// <summary>
/// One user's SINR four ways: nominal, the paper's Proposition 3 bound, the exact decoupled bound
/// and the exact worst case, so a user sees whether a "robust" design really is robust.
/// </summary>
/// <param name="Nominal">SINR at the estimated channel (e = 0).</param>
/// <param name="Proposition3">Paper A's bound as printed (nominal signal over worst-case-bounded interference); can exceed <see cref="Exact"/>.</param>
/// <param name="Decoupled">min_e N(e) / max_e D(e), each exact: a valid lower bound that ignores that one e drives both.</param>
/// <param name="Exact">The exact worst case over the ball, with the worst error.</param>
public sealed record RobustSinrReport(double Nominal, double Proposition3, double Decoupled, WorstCaseSinrResult Exact)
{
    /// <summary>Evaluates all four for one user.</summary>
    public static RobustSinrReport Analyze(UserSinrProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        double decoupled = WorstCaseSinr.SignalMinimum(problem).Power / WorstCaseSinr.DenominatorMaximum(problem).Power;
        return new RobustSinrReport(problem.NominalSinr, Sinr.Proposition3.Sinr(problem), decoupled, WorstCaseSinr.Solve(problem));
    }

    /// <summary>True when the paper's bound promises more than the exact worst case delivers.</summary>
    public bool Proposition3IsOptimistic => Proposition3 > Exact.Sinr * (1 + 1e-9);
}
