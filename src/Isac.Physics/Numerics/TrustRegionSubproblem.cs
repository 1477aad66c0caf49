using Complex = System.Numerics.Complex;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Isac.Physics.Numerics;

/// <summary>
/// The trust-region subproblem min { q(x) : ‖x‖ ≤ ρ } for a Hermitian, possibly indefinite,
/// quadratic q, solved globally.
/// </summary>
/// <remarks>
/// <para>x* is a global minimiser iff there is μ ≥ 0 with (P + μI) x* = −g, P + μI ⪰ 0 and
/// μ(ρ − ‖x*‖) = 0 (Moré and Sorensen, 1983; the complex case is the real one in R²ⁿ). With
/// P = U Λ Uᴴ and γ = Uᴴ g, x(μ) = −U (Λ + μI)⁻¹ γ and ‖x(μ)‖ decreases in μ on (−λ_1, ∞).</para>
/// <para>Cases: (1) interior: P ≻ 0 and ‖P⁻¹g‖ ≤ ρ; (2) boundary: solve ‖x(μ)‖ = ρ for
/// μ &gt; max(0, −λ_1) by Newton's method on 1/‖x(μ)‖ − 1/ρ (nearly linear in μ) safeguarded by
/// bisection; (3) the hard case: γ has no component on λ_1's eigenspace and ‖x(−λ_1)‖ ≤ ρ; then
/// x = x(−λ_1) + τ u_1 with τ reaching the boundary. One Hermitian eigendecomposition, O(n³).</para>
/// </remarks>
internal static class TrustRegionSubproblem
{
    private const double EigenTolerance = 1e-12;
    private const int MaxSecularIterations = 300;

    public static (Vector<Complex> X, double Value) Minimize(HermitianQuadratic q, double radius)
    {
        int n = q.Dimension;
        if (radius == 0) return (Vector<Complex>.Build.Dense(n), q.C);

        var evd = HermitianMatrix.HermitianPart(q.P).Evd(Symmetricity.Hermitian);
        var order = Enumerable.Range(0, n).OrderBy(i => evd.EigenValues[i].Real).ToArray();
        var lambda = order.Select(i => evd.EigenValues[i].Real).ToArray();
        var u = Matrix<Complex>.Build.Dense(n, n, (r, c) => evd.EigenVectors[r, order[c]]);
        var gamma = u.ConjugateTranspose() * q.G;

        double scale = Math.Max(Math.Abs(lambda[0]), Math.Abs(lambda[^1]));
        double tol = EigenTolerance * Math.Max(scale, double.Epsilon);
        double l1 = lambda[0];
        double gNorm = q.G.L2Norm();

        // (1) interior: strictly convex and the unconstrained minimiser fits.
        if (l1 > tol)
        {
            var x0 = Solve(u, lambda, gamma, 0, firstIndex: -1);
            if (x0.L2Norm() <= radius) return Finish(q, x0);
        }

        // (3) hard case: no gradient component along the lowest eigenspace.
        int lowCount = lambda.Count(l => l <= l1 + tol);
        double gammaLow = Math.Sqrt(Enumerable.Range(0, lowCount).Sum(i => gamma[i].Magnitude * gamma[i].Magnitude));
        if (l1 <= tol && gammaLow <= 1e-12 * Math.Max(gNorm, double.Epsilon))
        {
            double shift = Math.Max(0, -l1);
            var xHard = Solve(u, lambda, gamma, shift, firstIndex: lowCount);
            double norm = xHard.L2Norm();
            if (norm <= radius)
            {
                if (l1 < -tol)
                {
                    double tau = Math.Sqrt(Math.Max(0, radius * radius - norm * norm));
                    xHard += u.Column(0) * tau;
                }
                return Finish(q, xHard);
            }
        }

        // (2) boundary solution: ‖x(μ)‖ = ρ with μ in (max(0, −λ_1), hi].
        double lo = Math.Max(0, -l1);
        double hi = lo + gNorm / radius + tol;
        double mu = hi;
        for (int it = 0; it < MaxSecularIterations; it++)
        {
            double s1 = 0, s3 = 0;
            for (int i = 0; i < n; i++)
            {
                double d = lambda[i] + mu;
                double g2 = gamma[i].Magnitude * gamma[i].Magnitude;
                s1 += g2 / (d * d);
                s3 += g2 / (d * d * d);
            }
            double norm = Math.Sqrt(s1);
            double psi = 1 / norm - 1 / radius;
            if (Math.Abs(norm - radius) <= 1e-14 * radius) break;
            if (psi < 0) lo = mu; else hi = mu;
            // Newton on ψ(μ) = 1/‖x‖ − 1/ρ, ψ'(μ) = s3/‖x‖³.
            double next = mu - psi * norm * norm * norm / s3;
            mu = next > lo && next < hi && double.IsFinite(next) ? next : 0.5 * (lo + hi);
            if (hi - lo <= 1e-16 * Math.Max(hi, 1e-300)) break;
        }
        var x = Solve(u, lambda, gamma, mu, firstIndex: -1);
        double xNorm = x.L2Norm();
        if (xNorm > radius) x *= radius / xNorm; // round-off only: keep the point feasible
        return Finish(q, x);
    }

    /// <summary>x = −Σ_i γ_i/(λ_i + μ) u_i over i ≥ firstIndex (−1: all i).</summary>
    private static Vector<Complex> Solve(Matrix<Complex> u, double[] lambda, Vector<Complex> gamma, double mu, int firstIndex)
    {
        var coeff = Vector<Complex>.Build.Dense(lambda.Length);
        for (int i = Math.Max(firstIndex, 0); i < lambda.Length; i++) coeff[i] = -gamma[i] / (lambda[i] + mu);
        return u * coeff;
    }

    private static (Vector<Complex>, double) Finish(HermitianQuadratic q, Vector<Complex> x) => (x, q.Value(x));
}
