using Isac.Core.Numerics;
using Complex = System.Numerics.Complex;

namespace Isac.Network.Beamforming;

/// <summary>
/// The multiplier of the power budget alone: the smallest λ ≥ 0 with P(λ) = Σ_k ‖(Q + λI)⁻¹z_k‖² ≤ budget, for a
/// Hermitian positive semidefinite Q. DualOpt's cold start (the exact λ of the subproblem without sensing constraints).
/// </summary>
/// <remarks>
/// In Q's eigenbasis P(λ) = Σ_i w_i/(e_i + λ)² with w_i ≥ 0, so φ(λ) = P(λ)^(−1/2) − budget^(−1/2) is concave and
/// increasing (as for the trust-region subproblem, Moré and Sorensen): Newton's method on φ started left of the
/// root stays left of it and converges monotonically, in a few steps, each one Cholesky factorisation of Q + λI and
/// triangular solves, with P'(λ) = −2 Σ_k ‖L⁻¹x_k‖², x_k = (Q + λI)⁻¹z_k. This replaces an eigendecomposition
/// (<see cref="ExactPowerSolver"/>) that cost several times as much at N = 32.
/// </remarks>
public static class PowerMultiplier
{
    /// <summary>
    /// λ for the row-major N×N <paramref name="q"/> (lower triangle used) and the vectors <paramref name="z"/>, to a
    /// relative accuracy of about 10⁻¹³; 0 when Q is positive definite and P(0) ≤ budget.
    /// </summary>
    public static double Solve(ReadOnlySpan<Complex> q, int n, IReadOnlyList<Complex[]> z, double budget)
    {
        if (!(budget > 0)) throw new ArgumentOutOfRangeException(nameof(budget), budget, "the power budget must be positive");
        int k = z.Count;
        double trace = 0;
        for (int i = 0; i < n; i++) trace += q[i * n + i].Real;
        double scale = Math.Max(trace / Math.Max(n, 1), 1e-300);
        var l = new Complex[n * n];
        var f = new Complex[n * k];
        double lambda = 0;
        var (ok, power, slope) = Evaluate(q, n, z, 0, l, f);
        if (ok && power <= budget) return 0;
        if (!ok)
        {
            // Q singular: start just right of 0, where the power is huge (left of the root)
            lambda = 1e-12 * scale;
            for (int tries = 0; ; tries++)
            {
                (ok, power, slope) = Evaluate(q, n, z, lambda, l, f);
                if (ok) break;
                if (tries >= 30) throw new InvalidOperationException("PowerMultiplier: Q + λI is not positive definite (Q not positive semidefinite)");
                lambda *= 10;
            }
            if (power <= budget) return lambda;
        }
        double target = 1 / Math.Sqrt(budget);
        for (int it = 0; it < 100; it++)
        {
            double phi = 1 / Math.Sqrt(power) - target;
            double dphi = -0.5 * slope / (power * Math.Sqrt(power));
            if (!(dphi > 0)) break;
            double next = lambda - phi / dphi;
            if (!(next > lambda)) break; // at the root to rounding
            bool done = next - lambda <= 1e-13 * next;
            lambda = next;
            (ok, power, slope) = Evaluate(q, n, z, lambda, l, f);
            if (!ok) throw new InvalidOperationException("PowerMultiplier: Q + λI is not positive definite for λ > 0 (Q not positive semidefinite)");
            if (done || power <= budget * (1 + 1e-15)) break;
        }
        return lambda;
    }

    /// <summary>P(λ) and P'(λ), or ok = false when Q + λI is not positive definite.</summary>
    private static (bool ok, double power, double slope) Evaluate(ReadOnlySpan<Complex> q, int n, IReadOnlyList<Complex[]> z, double lambda,
        Complex[] l, Complex[] f)
    {
        int k = z.Count;
        q[..(n * n)].CopyTo(l);
        for (int i = 0; i < n; i++) l[i * n + i] += lambda;
        if (!HermitianCholesky.Factor(l, n)) return (false, 0, 0);
        for (int i = 0; i < n; i++)
            for (int u = 0; u < k; u++) f[i * k + u] = z[u][i];
        HermitianCholesky.SolveMany(l, n, f, k); // x_k
        double power = 0;
        foreach (var c in f) power += c.Real * c.Real + c.Imaginary * c.Imaginary;
        HermitianCholesky.ForwardMany(l, n, f, k); // L⁻¹x_k
        double s = 0;
        foreach (var c in f) s += c.Real * c.Real + c.Imaginary * c.Imaginary;
        return (true, power, -2 * s);
    }
}
