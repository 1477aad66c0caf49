using Complex = System.Numerics.Complex;
using Isac.Network.Numerics;

namespace Isac.Network.Beamforming;

/// <summary>
/// Solves the subproblem (26) when there are no sensing constraints: v_k = (Q + E_k + λI)⁻¹z_k
/// with the single multiplier λ ≥ 0 of the power budget found exactly, by bisection on the
/// monotone power Σ_k‖v_k(λ)‖² in the eigenbasis of each distinct quadratic form.
/// </summary>
public sealed class ExactPowerSolver : IBeamSubproblemSolver
{
    /// <inheritdoc />
    public (Complex[][] Beams, int Iterations) Solve(QuadraticBeamSubproblem p, DualState state)
    {
        if (p.Sensing is not null) throw new ArgumentException("the exact power solver handles problems without sensing constraints only");
        int n = p.Antennas, k = p.Users;
        var eig = new HermitianEigen[k];
        var coords = new Complex[k][];
        HermitianEigen? shared = p.PerUser is null ? new HermitianEigen(p.Common, n) : null;
        for (int u = 0; u < k; u++)
        {
            if (shared is not null) eig[u] = shared;
            else
            {
                var m = (Complex[])p.Common.Clone();
                for (int i = 0; i < m.Length; i++) m[i] += p.PerUser![u][i];
                eig[u] = new HermitianEigen(m, n);
            }
            coords[u] = eig[u].ToEigenBasis(p.Linear[u]);
        }
        double lambda = SolveLambda(eig, coords, p.Power);
        state.Lambda = lambda;
        var v = new Complex[k][];
        for (int u = 0; u < k; u++)
        {
            v[u] = new Complex[n];
            eig[u].SolveShifted(coords[u], lambda, v[u]);
        }
        return (v, 1);
    }

    private static double SolveLambda(HermitianEigen[] eig, Complex[][] coords, double budget)
    {
        if (eig.Length == 0) return 0;
        if (eig.Distinct().Count() == 1)
        {
            var e = eig[0];
            var ysq = new double[e.N];
            foreach (var y in coords)
                for (int i = 0; i < e.N; i++) ysq[i] += y[i].Real * y[i].Real + y[i].Imaginary * y[i].Imaginary;
            return e.LambdaForBudget(ysq, budget);
        }
        double Power(double lambda)
        {
            double s = 0;
            for (int u = 0; u < eig.Length; u++)
            {
                var ysq = coords[u].Select(c => c.Real * c.Real + c.Imaginary * c.Imaginary).ToArray();
                s += eig[u].Power(ysq, lambda);
            }
            return s;
        }
        double lo = Math.Max(0, -eig.Min(e => e.Values.Min()));
        double scale = Math.Max(eig.Max(e => e.Values.Max()), 1e-300);
        if (eig.All(e => e.Values.All(x => x + lo > 1e-12 * scale)) && Power(lo) <= budget) return lo;
        double hi = lo + scale;
        while (Power(hi) > budget) hi *= 2;
        for (int it = 0; it < 200 && hi - lo > 1e-12 * hi; it++)
        {
            double mid = 0.5 * (lo + hi);
            if (Power(mid) > budget) lo = mid; else hi = mid;
        }
        return hi;
    }
}
