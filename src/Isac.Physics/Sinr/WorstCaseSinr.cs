using Complex = System.Numerics.Complex;
using Isac.Physics.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Sinr;

/// <summary>The exact worst-case SINR of one user over its CSI error ball.</summary>
/// <param name="Sinr">min_{‖e‖≤ρ} SINR(e), attained: SINR(<paramref name="Error"/>) equals it.</param>
/// <param name="Error">The worst error e found (‖e‖ ≤ ρ).</param>
/// <param name="LowerBound">A certified lower bound: SINR(e) ≥ LowerBound for every e in the ball
/// (up to the accuracy of the trust-region solutions, ~1e-12 relative). Sinr − LowerBound ≤ tolerance·Sinr.</param>
/// <param name="Iterations">Bisection steps (one trust-region subproblem each).</param>
public sealed record WorstCaseSinrResult(double Sinr, Vector<Complex> Error, double LowerBound, int Iterations);

/// <summary>
/// The exact minimum of a user's SINR over the CSI error ball: a trust-region subproblem per SINR
/// level inside a bisection on the level, accelerated by Dinkelbach steps (beyond paper A, whose
/// Proposition 3 is not a minimum).
/// </summary>
/// <remarks>
/// <para>SINR(e) = N(e)/D(e) with D ≥ σ_C² &gt; 0. For a level γ, φ(γ) = min_{‖e‖≤ρ} N(e) − γ·D(e)
/// is a trust-region subproblem (N − γD is a Hermitian quadratic in f = e*, indefinite in
/// general), solved globally by <see cref="TrustRegionSubproblem"/>; min SINR ≥ γ iff φ(γ) ≥ 0.</para>
/// <para>Every level γ yields both bounds. Upper: the minimiser f_γ is a feasible error, so
/// SINR(f_γ) is attained. Lower: N − γD ≥ φ(γ) everywhere gives SINR ≥ γ + φ(γ)/D, hence
/// SINR ≥ γ + φ(γ)/max D if φ(γ) ≥ 0 and ≥ γ + φ(γ)/min D if φ(γ) &lt; 0 (max D and min D are two
/// more trust-region problems). γ = 0 gives the decoupled bound min N / max D.</para>
/// <para>Levels: γ = the best attained SINR (a Dinkelbach step, superlinear near the solution);
/// whenever a step fails to halve the bracket, the next level is its midpoint (bisection), so the
/// bracket at least halves every two steps. Stops when it is below the relative tolerance.</para>
/// </remarks>
public static class WorstCaseSinr
{
    /// <summary>Default relative width of the final bracket.</summary>
    public const double DefaultTolerance = 1e-10;

    /// <summary>Solves min_{‖e‖≤ρ} SINR(e) for <paramref name="problem"/>.</summary>
    public static WorstCaseSinrResult Solve(UserSinrProblem problem, double relativeTolerance = DefaultTolerance, int maxIterations = 200)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (!(relativeTolerance > 0)) throw new ArgumentOutOfRangeException(nameof(relativeTolerance), relativeTolerance, "must be positive");
        var num = problem.SignalQuadratic();
        var den = problem.DenominatorQuadratic();
        double rho = problem.ErrorRadius;
        double Ratio(Vector<Complex> f) => Math.Max(num.Value(f), 0) / den.Value(f);

        var best = Vector<Complex>.Build.Dense(problem.ErrorDimension);
        double hi = Ratio(best);
        if (rho == 0) return new WorstCaseSinrResult(hi, best, hi, 0);

        var (fMaxDen, negMaxDen) = TrustRegionSubproblem.Minimize(den.Times(-1), rho);
        var (fMinDen, minDen) = TrustRegionSubproblem.Minimize(den, rho);
        double maxDen = -negMaxDen;
        minDen = Math.Max(minDen, problem.NoiseVariance * (1 - 1e-12));
        double lo = 0;

        // One level: lower the upper bound by the attained SINR, raise the lower bound by the certificate.
        void Level(double gamma)
        {
            var (f, phi) = TrustRegionSubproblem.Minimize(num.Plus(den.Times(-gamma)), rho);
            double s = Ratio(f);
            if (s < hi) (hi, best) = (s, f);
            lo = Math.Max(lo, gamma + phi / (phi >= 0 ? maxDen : minDen));
        }

        foreach (var f in new[] { fMaxDen, fMinDen })
        {
            double s = Ratio(f);
            if (s < hi) (hi, best) = (s, f);
        }
        Level(0);

        int it = 0;
        bool bisect = false;
        while (hi - lo > relativeTolerance * hi && it < maxIterations)
        {
            it++;
            double gap = hi - lo;
            Level(bisect ? 0.5 * (lo + hi) : hi);
            bisect = !bisect && hi - lo > 0.5 * gap;
        }
        lo = Math.Min(lo, hi);
        return new WorstCaseSinrResult(hi, best.Conjugate(), lo, it);
    }

    /// <summary>min_{‖e‖≤ρ} of the received signal power h̃ᵀ S h̃* (exact, a trust-region subproblem), and the minimising e.</summary>
    public static (double Power, Vector<Complex> Error) SignalMinimum(UserSinrProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var (f, v) = TrustRegionSubproblem.Minimize(problem.SignalQuadratic(), problem.ErrorRadius);
        return (Math.Max(v, 0), f.Conjugate());
    }

    /// <summary>max_{‖e‖≤ρ} of interference plus noise (exact, a trust-region subproblem on its negative), and the maximising e.</summary>
    public static (double Power, Vector<Complex> Error) DenominatorMaximum(UserSinrProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var (f, v) = TrustRegionSubproblem.Minimize(problem.DenominatorQuadratic().Times(-1), problem.ErrorRadius);
        return (-v, f.Conjugate());
    }
}
