using Complex = System.Numerics.Complex;
using Isac.Network.Numerics;

namespace Isac.Network.Beamforming;

/// <summary>
/// DualOpt's inner loop (Algorithm 2, steps 5-9): projected gradient on the dual of the convex
/// subproblem (26), with the beams in closed form at every dual point.
/// </summary>
/// <remarks>
/// <para>Lagrangian (derived in docs/derivations-paper-b.md; it corrects eqs. (27)-(29), see
/// erratum 5 of the paper notes): with λ for Σ‖v_k‖² ≤ P and μ_k for user k's sensing constraint,
/// L = Σ_k[2Re(z_kᴴv_k) − v_kᴴ(Q+E_k)v_k] − λ(Σ_k‖v_k‖² − P) − Σ_k μ_k(Σ_{j≠k}|a_kᴴv_j|² + n_k − ψ̃_k(v_k)).
/// User k's constraint penalises the OTHER beams, so its multiplier enters every v_j, j ≠ k:</para>
/// <para>v_j = (M − μ_j a_j a_jᴴ + E_j)⁻¹ (z_j + μ_j ρ s_j a_j),  M = Q + λI + Σ_k μ_k a_k a_kᴴ,  s_j = a_jᴴv_j^{(r)}.</para>
/// <para>For SALINR (E_j = 0) M is factorised once per dual step (Cholesky) and each user's
/// rank-one downdate is applied by Sherman-Morrison, O(N²) per user (the complexity of the paper's
/// Remark 1); for SLINR each user has its own E_j and its own factorisation.</para>
/// <para>Dual gradient: ∂g/∂λ = P − Σ‖v_k‖², ∂g/∂μ_k = ψ̃_k − φ_k; the projected steps (31) with one
/// step size for all multipliers (they share units after the scaling of <see cref="SensingConstraints"/>):
/// the Barzilai-Borwein step, halved (by 4) until the dual function decreases by the Armijo rule.
/// Plain fixed steps, as in the paper, stall or oscillate when the PF weights span orders of
/// magnitude; the line search keeps every step a descent step of the convex dual.</para>
/// </remarks>
public sealed class DualOptSolver : IBeamSubproblemSolver
{
    private readonly DualOptSettings _settings;

    /// <summary>Creates the solver.</summary>
    public DualOptSolver(DualOptSettings? settings = null) => _settings = settings ?? new DualOptSettings();

    /// <inheritdoc />
    public (Complex[][] Beams, int Iterations) Solve(QuadraticBeamSubproblem p, DualState state)
    {
        if (p.Sensing is null) return new ExactPowerSolver().Solve(p, state);
        int n = p.Antennas, k = p.Users, nn = n * n;
        var sensing = p.Sensing;
        double rho = sensing.Ratio;

        double traceScale = 0;
        for (int i = 0; i < n; i++) traceScale += p.Common[i * n + i].Real;
        traceScale = Math.Max(traceScale / n, 1e-300);
        double lambdaFloor = 1e-10 * traceScale;

        var s = new Complex[k];
        for (int u = 0; u < k; u++) s[u] = ComplexVectors.Dot(sensing.Steering[u], p.Reference[u]);

        if (double.IsNaN(state.Lambda) || state.Mu.Length != k)
        {
            // Cold start: the exact λ of the problem without sensing constraints, μ = 0.
            var relaxed = p with { Sensing = null };
            var probe = new DualState();
            new ExactPowerSolver().Solve(relaxed, probe);
            state.Lambda = probe.Lambda;
            state.Mu = new double[k];
        }
        double cap = _settings.MultiplierCap * (traceScale + state.Lambda);

        var x = new double[k + 1];
        x[0] = Math.Max(state.Lambda, lambdaFloor);
        Array.Copy(state.Mu, 0, x, 1, k);
        var grad = new double[k + 1];
        var xNew = new double[k + 1];
        var gradNew = new double[k + 1];
        double alpha = (traceScale + x[0]) / (2 * p.Power);

        var m = new Complex[nn];
        var mj = p.PerUser is null ? null : new Complex[nn];
        var tmpY = new Complex[n];
        var v = NewBeams(k, n);
        var vNew = NewBeams(k, n);
        var phi = new double[k];
        var phiNew = new double[k];

        double g = Evaluate(p, x, s, m, mj, tmpY, v, grad, phi);
        int it = 0;
        for (; it < _settings.MaxInnerIterations; it++)
        {
            if (Converged(p, x, grad, phi, lambdaFloor)) break;
            // Projected gradient step with Armijo backtracking on the dual function g (a smooth
            // convex function of (λ, μ)); the trial step is the Barzilai-Borwein one.
            double gNew = g;
            bool accepted = false;
            for (int bt = 0; bt < 40; bt++)
            {
                double decrease = 0;
                xNew[0] = Math.Min(Math.Max(x[0] - alpha * grad[0], lambdaFloor), cap);
                for (int i = 1; i <= k; i++) xNew[i] = Math.Min(Math.Max(x[i] - alpha * grad[i], 0), cap);
                for (int i = 0; i <= k; i++) decrease += grad[i] * (xNew[i] - x[i]);
                gNew = Evaluate(p, xNew, s, m, mj, tmpY, vNew, gradNew, phiNew);
                if (gNew <= g + 1e-4 * decrease) { accepted = true; break; }
                alpha *= 0.25;
            }
            if (!accepted) break; // no descent possible at machine precision: stationary
            double ss = 0, sy = 0;
            for (int i = 0; i <= k; i++)
            {
                double di = xNew[i] - x[i], yi = gradNew[i] - grad[i];
                ss += di * di;
                sy += di * yi;
            }
            alpha = sy > 0 && ss > 0 ? ss / sy : alpha * 4;
            (x, xNew) = (xNew, x);
            (grad, gradNew) = (gradNew, grad);
            (v, vNew) = (vNew, v);
            (phi, phiNew) = (phiNew, phi);
            g = gNew;
        }
        state.Lambda = x[0];
        Array.Copy(x, 1, state.Mu, 0, k);
        return (v, it + 1);
    }

    private static Complex[][] NewBeams(int k, int n)
    {
        var v = new Complex[k][];
        for (int u = 0; u < k; u++) v[u] = new Complex[n];
        return v;
    }

    /// <summary>Beams, dual gradient and dual value g = L(v(x), x) at the dual point x = (λ, μ).</summary>
    /// <remarks>
    /// At the maximiser v_j = M_j⁻¹z̄_j, Σ_j[2Re(z̄_jᴴv_j) − v_jᴴM_jv_j] = Σ_j Re(z̄_jᴴv_j), so
    /// g = Σ_j Re(z̄_jᴴv_j) + λP − Σ_k μ_k(n_k + ρ|s_k|²): O(KN) instead of the O(KN²) of the quadratic forms.
    /// </remarks>
    private static double Evaluate(QuadraticBeamSubproblem p, double[] x, Complex[] s, Complex[] m, Complex[]? mj,
        Complex[] tmpY, Complex[][] v, double[] grad, double[] phi)
    {
        BeamsAt(p, x, s, m, mj, tmpY, v);
        var sensing = p.Sensing!;
        double rho = sensing.Ratio;
        Gradient(p, v, s, rho, grad, phi);
        double g = x[0] * p.Power;
        for (int j = 0; j < p.Users; j++)
        {
            double mu = x[j + 1];
            double ss = s[j].Real * s[j].Real + s[j].Imaginary * s[j].Imaginary;
            g += ComplexVectors.Dot(p.Linear[j], v[j]).Real;
            if (mu > 0)
                g += mu * rho * (Complex.Conjugate(s[j]) * ComplexVectors.Dot(sensing.Steering[j], v[j])).Real - mu * (sensing.NoiseTerm[j] + rho * ss);
        }
        return g;
    }

    private static void BeamsAt(QuadraticBeamSubproblem p, double[] x, Complex[] s, Complex[] m, Complex[]? mj,
        Complex[] tmpY, Complex[][] v)
    {
        int n = p.Antennas, k = p.Users;
        var a = p.Sensing!.Steering;
        double rho = p.Sensing.Ratio;
        p.Common.CopyTo(m, 0);
        for (int i = 0; i < n; i++) m[i * n + i] += x[0];
        for (int u = 0; u < k; u++)
            if (x[u + 1] > 0) ComplexVectors.AddOuter(m, x[u + 1], a[u]);

        if (mj is null)
        {
            if (!HermitianCholesky.Factor(m, n)) throw new InvalidOperationException("DualOpt: the dual matrix is not positive definite");
            for (int u = 0; u < k; u++)
            {
                double mu = x[u + 1];
                var w = v[u];
                p.Linear[u].CopyTo(w, 0);
                HermitianCholesky.Solve(m, n, w);
                if (mu > 0)
                {
                    // w = M⁻¹(z_u + μ ρ s_u a_u) = M⁻¹z_u + μ ρ s_u M⁻¹a_u (M⁻¹a_u is only needed when μ_u > 0)
                    a[u].CopyTo(tmpY, 0);
                    HermitianCholesky.Solve(m, n, tmpY);
                    Complex c = mu * rho * s[u];
                    for (int i = 0; i < n; i++) w[i] += c * tmpY[i];
                    // Sherman-Morrison: (M − μ a aᴴ)⁻¹b = M⁻¹b + μ M⁻¹a (aᴴM⁻¹b) / (1 − μ aᴴM⁻¹a)
                    Complex aw = ComplexVectors.Dot(a[u], w);
                    double ay = ComplexVectors.Dot(a[u], tmpY).Real;
                    Complex f = mu * aw / (1 - mu * ay);
                    for (int i = 0; i < n; i++) w[i] += f * tmpY[i];
                }
            }
        }
        else
        {
            for (int u = 0; u < k; u++)
            {
                double mu = x[u + 1];
                var per = p.PerUser![u];
                for (int i = 0; i < m.Length; i++) mj[i] = m[i] + per[i];
                if (mu > 0) ComplexVectors.AddOuter(mj, -mu, a[u]);
                if (!HermitianCholesky.Factor(mj, n)) throw new InvalidOperationException("DualOpt: a user's dual matrix is not positive definite");
                var w = v[u];
                Complex c = mu * rho * s[u];
                for (int i = 0; i < n; i++) w[i] = p.Linear[u][i] + c * a[u][i];
                HermitianCholesky.Solve(mj, n, w);
            }
        }
    }

    private static void Gradient(QuadraticBeamSubproblem p, Complex[][] v, Complex[] s, double rho, double[] grad, double[] phi)
    {
        int k = p.Users;
        double power = 0;
        foreach (var vi in v) power += ComplexVectors.NormSquared(vi);
        grad[0] = p.Power - power;
        var a = p.Sensing!.Steering;
        for (int u = 0; u < k; u++)
        {
            double f = p.Sensing.NoiseTerm[u];
            Complex own = Complex.Zero;
            for (int j = 0; j < k; j++)
            {
                var d = ComplexVectors.Dot(a[u], v[j]);
                if (j == u) own = d; else f += d.Real * d.Real + d.Imaginary * d.Imaginary;
            }
            phi[u] = f;
            double psi = rho * (2 * (Complex.Conjugate(s[u]) * own).Real - (s[u].Real * s[u].Real + s[u].Imaginary * s[u].Imaginary));
            grad[u + 1] = psi - phi[u];
        }
    }

    private bool Converged(QuadraticBeamSubproblem p, double[] x, double[] grad, double[] phi, double lambdaFloor)
    {
        double tol = _settings.Tolerance;
        double g0 = x[0] > lambdaFloor * 1.000001 ? Math.Abs(grad[0]) : Math.Max(0, -grad[0]);
        if (g0 > tol * p.Power) return false;
        for (int u = 0; u < p.Users; u++)
        {
            double g = x[u + 1] > 0 ? Math.Abs(grad[u + 1]) : Math.Max(0, -grad[u + 1]);
            if (g > tol * phi[u]) return false;
        }
        return true;
    }
}
