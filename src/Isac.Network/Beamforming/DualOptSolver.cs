using Isac.Conic.LinearAlgebra;
using Isac.Core.Numerics;
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
            if (p.PerUser is null) state.Lambda = PowerMultiplier.Solve(p.Common, n, p.Linear, p.Power);
            else
            {
                var probe = new DualState();
                new ExactPowerSolver().Solve(p with { Sensing = null }, probe);
                state.Lambda = probe.Lambda;
            }
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
        var v = NewBeams(k, n);
        var vNew = NewBeams(k, n);
        var phi = new double[k];
        var phiNew = new double[k];

        double g = Evaluate(p, x, s, m, mj, v, grad, phi);
        int it = 0;
        for (; it < _settings.MaxInnerIterations; it++)
        {
            if (Converged(p, x, grad, phi, lambdaFloor)) break;
            if (it >= _settings.NewtonAfter)
            {
                // The gradient method has not converged: the dual is ill-conditioned (binding sensing
                // constraints of beams that share directions). Projected Newton steps with the exact
                // Hessian of the dual converge in a few steps where the gradient method would use the cap.
                if (!NewtonStep(p, ref x, ref xNew, ref grad, ref gradNew, ref v, ref vNew, ref phi, ref phiNew, ref g, s, m, mj, lambdaFloor, cap))
                    break;
                continue;
            }
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
                gNew = Evaluate(p, xNew, s, m, mj, vNew, gradNew, phiNew);
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

    /// <summary>
    /// One projected Newton step on the dual (Bertsekas' two-metric projection): the variables at a
    /// bound whose gradient points out of the feasible set stay there, the others move along the
    /// Newton direction −H_FF⁻¹∇g_F, then a projected Armijo backtracking search. The Hessian of the
    /// dual function is H = J(−∇²_vL)⁻¹Jᵀ, i.e. H_pq = 2 Re Σ_j g_{p,j}ᴴ M_j⁻¹ g_{q,j} with the
    /// constraint gradients ∂c_p/∂v_j*: v_j for the power, a_k(a_kᴴv_j) (j ≠ k) and −ρ s_k a_k (j = k)
    /// for user k's sensing constraint (docs/derivations-paper-b.md §3). Returns false when no step
    /// decreases g (stationary to machine precision).
    /// </summary>
    private bool NewtonStep(QuadraticBeamSubproblem p, ref double[] x, ref double[] xNew, ref double[] grad, ref double[] gradNew,
        ref Complex[][] v, ref Complex[][] vNew, ref double[] phi, ref double[] phiNew, ref double g,
        Complex[] s, Complex[] m, Complex[]? mj, double lambdaFloor, double cap)
    {
        int k = p.Users, dim = k + 1;
        var h = DualHessian(p, x, s, v, m);
        // Free variables: not at a bound with the gradient pushing outward.
        var free = new List<int>();
        for (int i = 0; i < dim; i++)
        {
            double lo = i == 0 ? lambdaFloor : 0;
            bool atLower = x[i] <= lo * (1 + 1e-12) && grad[i] > 0;
            bool atUpper = x[i] >= cap && grad[i] < 0;
            if (!atLower && !atUpper) free.Add(i);
        }
        var d = new double[dim];
        if (free.Count > 0)
        {
            int f = free.Count;
            var a = new double[f * f];
            var b = new double[f];
            double scale = 0;
            for (int r = 0; r < f; r++) scale = Math.Max(scale, h[free[r] * dim + free[r]]);
            for (int r = 0; r < f; r++)
            {
                b[r] = -grad[free[r]];
                for (int c = 0; c < f; c++) a[r * f + c] = h[free[r] * dim + free[c]];
                a[r * f + r] += 1e-12 * scale + 1e-300; // keeps a singular direction (an inactive multiplier at 0) solvable
            }
            if (!DenseCholesky.FactorAndSolve(a, b, f)) for (int r = 0; r < f; r++) b[r] = -grad[free[r]] / Math.Max(h[free[r] * dim + free[r]], 1e-300);
            for (int r = 0; r < f; r++) d[free[r]] = b[r];
        }
        double t = 1;
        for (int bt = 0; bt < 40; bt++, t *= 0.5)
        {
            double decrease = 0;
            for (int i = 0; i < dim; i++)
            {
                double lo = i == 0 ? lambdaFloor : 0;
                xNew[i] = Math.Min(Math.Max(x[i] + t * d[i], lo), cap);
                decrease += grad[i] * (xNew[i] - x[i]);
            }
            if (decrease >= 0) continue;
            double gNew = Evaluate(p, xNew, s, m, mj, vNew, gradNew, phiNew);
            if (gNew <= g + 1e-4 * decrease)
            {
                (x, xNew) = (xNew, x);
                (grad, gradNew) = (gradNew, grad);
                (v, vNew) = (vNew, v);
                (phi, phiNew) = (phiNew, phi);
                g = gNew;
                return true;
            }
        }
        return false;
    }

    /// <summary>The Hessian of the dual function at x (row-major (K+1)², index 0 = λ), with v = v(x).</summary>
    private static double[] DualHessian(QuadraticBeamSubproblem p, double[] x, Complex[] s, Complex[][] v, Complex[] factor) =>
        p.PerUser is null ? DualHessianShared(p, x, s, v, factor) : DualHessianPerUser(p, x, s, v);

    /// <summary>
    /// Per-thread buffers of the shared-form evaluation at the dual point <c>At</c>: F = L⁻¹[z_1 … z_K a_1 … a_K]
    /// (row-major N × 2K, L the Cholesky factor of M), the whitened beams and their back-solve (N × K), and the
    /// cross terms a_uᴴv_j of the gradient (K × K), which the dual Hessian reuses.
    /// </summary>
    private sealed class SharedWorkspace(int n, int k)
    {
        public readonly Complex[] Whitened = new Complex[n * 2 * k];
        public readonly Complex[] Beams = new Complex[n * k];
        public readonly Complex[] Cross = new Complex[k * k];
        public readonly double[] At = new double[k + 1];
        public bool Valid;
        public int N => n;
        public int K => k;
    }

    [ThreadStatic] private static SharedWorkspace? _workspace;

    private static SharedWorkspace Workspace(int n, int k)
    {
        var w = _workspace;
        if (w is null || w.N != n || w.K != k) _workspace = w = new SharedWorkspace(n, k);
        return w;
    }

    /// <summary>
    /// The Hessian for SALINR (one M = LLᴴ for all users): with M_j⁻¹ = M⁻¹ + μ_j y_j y_jᴴ/σ_j, y_j = M⁻¹a_j,
    /// σ_j = 1 − μ_j a_jᴴy_j (Sherman-Morrison), every product g_{p,j}ᴴM_j⁻¹g_{q,j} comes from the Gram
    /// matrices a_kᴴM⁻¹a_l and v_jᴴM⁻¹a_l and from v_jᴴM⁻¹v_j, all inner products of whitened vectors
    /// L⁻¹a (kept from the evaluation at x) and L⁻¹v_j (K forward solves): O(K²N + K³) besides them.
    /// </summary>
    private static double[] DualHessianShared(QuadraticBeamSubproblem p, double[] x, Complex[] s, Complex[][] v, Complex[] factor)
    {
        int n = p.Antennas, k = p.Users, dim = k + 1;
        double rho = p.Sensing!.Ratio;
        // The last evaluation was at x (the accepted point): its factor of M, its L⁻¹a_u and its a_uᴴv_j are reused.
        var ws = Workspace(n, k);
        if (!ws.Valid || !ws.At.AsSpan().SequenceEqual(x))
            Evaluate(p, x, s, factor, null, NewBeams(k, n), new double[k + 1], new double[k]);
        var fa = new Complex[k][]; // L⁻¹a_l as contiguous vectors
        var fv = new Complex[k][]; // L⁻¹v_j
        var b = new Complex[n * k];
        for (int i = 0; i < n; i++)
            for (int u = 0; u < k; u++) b[i * k + u] = v[u][i];
        HermitianCholesky.ForwardMany(factor, n, b, k);
        for (int u = 0; u < k; u++)
        {
            var au = fa[u] = new Complex[n];
            var vu = fv[u] = new Complex[n];
            for (int i = 0; i < n; i++)
            {
                au[i] = ws.Whitened[i * 2 * k + k + u];
                vu[i] = b[i * k + u];
            }
        }
        var dv = new double[k];
        for (int j = 0; j < k; j++) dv[j] = ComplexVectors.NormSquared(fv[j]);
        var ga = new Complex[k * k]; // a_kᴴ M⁻¹ a_l (Hermitian)
        var gv = new Complex[k * k]; // v_jᴴ M⁻¹ a_l
        for (int kk = 0; kk < k; kk++)
        {
            for (int l = 0; l <= kk; l++)
            {
                var d = ComplexVectors.Dot(fa[kk], fa[l]);
                ga[kk * k + l] = d;
                ga[l * k + kk] = Complex.Conjugate(d);
            }
            for (int l = 0; l < k; l++) gv[kk * k + l] = ComplexVectors.Dot(fv[kk], fa[l]);
        }
        var c = ws.Cross; // a_kkᴴ v_j from the gradient, the diagonal replaced by −ρ s_kk below
        var sigma = new double[k];
        for (int j = 0; j < k; j++) sigma[j] = 1 - x[j + 1] * ga[j * k + j].Real;
        var h = new double[dim * dim];
        for (int j = 0; j < k; j++)
        {
            double mu = x[j + 1], f = mu > 0 ? mu / sigma[j] : 0;
            var vyj = gv[j * k + j];
            h[0] += 2 * (dv[j] + f * (vyj.Real * vyj.Real + vyj.Imaginary * vyj.Imaginary));
            for (int kk = 0; kk < k; kk++)
            {
                var ckj = kk == j ? -rho * s[kk] : c[kk * k + j];
                var vMa = gv[j * k + kk] + f * vyj * ga[j * k + kk]; // v_jᴴ M_j⁻¹ a_kk
                h[kk + 1] += 2 * (vMa * ckj).Real;
                var cj = Complex.Conjugate(ckj);
                if (cj == Complex.Zero) continue;
                var akyj = ga[kk * k + j];
                for (int l = 0; l <= kk; l++)
                {
                    var clj = l == j ? -rho * s[l] : c[l * k + j];
                    var aMa = ga[kk * k + l] + f * akyj * ga[j * k + l]; // a_kkᴴ M_j⁻¹ a_l
                    h[(kk + 1) * dim + l + 1] += 2 * (cj * clj * aMa).Real;
                }
            }
        }
        for (int i = 1; i < dim; i++) h[i * dim] = h[i];
        for (int r = 1; r < dim; r++)
            for (int q = r + 1; q < dim; q++) h[r * dim + q] = h[q * dim + r];
        return h;
    }

    /// <summary>The Hessian for SLINR (a form per user): every M_j factorised on its own.</summary>
    private static double[] DualHessianPerUser(QuadraticBeamSubproblem p, double[] x, Complex[] s, Complex[][] v)
    {
        int n = p.Antennas, k = p.Users, dim = k + 1;
        var a = p.Sensing!.Steering;
        double rho = p.Sensing.Ratio;
        // c[kk, j]: the coefficient of a_kk in ∂c_kk/∂v_j*: a_kkᴴv_j for j ≠ kk, −ρ s_kk for j = kk.
        var c = new Complex[k * k];
        for (int kk = 0; kk < k; kk++)
            for (int j = 0; j < k; j++) c[kk * k + j] = j == kk ? -rho * s[kk] : ComplexVectors.Dot(a[kk], v[j]);
        var h = new double[dim * dim];
        var mjInvA = new Complex[k][];
        for (int i = 0; i < k; i++) mjInvA[i] = new Complex[n];
        var mjInvV = new Complex[n];
        var mat = new Complex[n * n];
        for (int j = 0; j < k; j++)
        {
            // M_j = Q + E_j + λI + Σ_{l≠j} μ_l a_l a_lᴴ, factorised on its own (the fallback is rare; clarity over speed)
            p.Common.CopyTo(mat, 0);
            if (p.PerUser is not null) for (int i = 0; i < mat.Length; i++) mat[i] += p.PerUser[j][i];
            for (int i = 0; i < n; i++) mat[i * n + i] += x[0];
            for (int l = 0; l < k; l++)
                if (l != j && x[l + 1] > 0) ComplexVectors.AddOuter(mat, x[l + 1], a[l]);
            if (!HermitianCholesky.Factor(mat, n)) throw new InvalidOperationException("DualOpt: a user's dual matrix is not positive definite");
            v[j].CopyTo(mjInvV, 0);
            HermitianCholesky.Solve(mat, n, mjInvV);
            for (int l = 0; l < k; l++)
            {
                a[l].CopyTo(mjInvA[l], 0);
                HermitianCholesky.Solve(mat, n, mjInvA[l]);
            }
            h[0] += 2 * ComplexVectors.Dot(v[j], mjInvV).Real;
            for (int kk = 0; kk < k; kk++)
            {
                var vk = ComplexVectors.Dot(v[j], mjInvA[kk]); // v_jᴴ M_j⁻¹ a_kk
                h[kk + 1] += 2 * (vk * c[kk * k + j]).Real;
                for (int l = 0; l <= kk; l++)
                {
                    var akl = ComplexVectors.Dot(a[kk], mjInvA[l]); // a_kkᴴ M_j⁻¹ a_l
                    h[(kk + 1) * dim + l + 1] += 2 * (Complex.Conjugate(c[kk * k + j]) * c[l * k + j] * akl).Real;
                }
            }
        }
        for (int i = 1; i < dim; i++) h[i * dim] = h[i];
        for (int r = 1; r < dim; r++)
            for (int q = r + 1; q < dim; q++) h[r * dim + q] = h[q * dim + r];
        return h;
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
        Complex[][] v, double[] grad, double[] phi)
    {
        BeamsAt(p, x, s, m, mj, v);
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

    private static void BeamsAt(QuadraticBeamSubproblem p, double[] x, Complex[] s, Complex[] m, Complex[]? mj, Complex[][] v)
    {
        int n = p.Antennas, k = p.Users;
        var a = p.Sensing!.Steering;
        double rho = p.Sensing.Ratio;
        p.Common.CopyTo(m, 0);
        for (int i = 0; i < n; i++) m[i * n + i] += x[0];
        ComplexVectors.AddOuters(m, x.AsSpan(1, k), a); // the multipliers at 0 are skipped

        if (mj is null)
        {
            if (!HermitianCholesky.Factor(m, n)) throw new InvalidOperationException("DualOpt: the dual matrix is not positive definite");
            // F = L⁻¹[z_1 … z_K a_1 … a_K] in one multi-right-hand-side forward solve. With y_u = M⁻¹a_u, user u's beam
            // w = M⁻¹(z_u + cρ s_u a_u) corrected by Sherman-Morrison for M − μ_u a_u a_uᴴ,
            //   v_u = w + μ y_u (a_uᴴw)/(1 − μ a_uᴴy_u) = L⁻ᴴ(f_zu + β_u f_au),  β_u = c + μ(a_uᴴM⁻¹z_u + c a_uᴴy_u)/(1 − μ a_uᴴy_u),
            // c = μ ρ s_u, where a_uᴴM⁻¹z_u = f_auᴴf_zu and a_uᴴy_u = ‖f_au‖²: one backward solve per user.
            var ws = Workspace(n, k);
            var f = ws.Whitened;
            var g = ws.Beams;
            int rhs = 2 * k;
            for (int i = 0; i < n; i++)
                for (int u = 0; u < k; u++)
                {
                    f[i * rhs + u] = p.Linear[u][i];
                    f[i * rhs + k + u] = a[u][i];
                }
            HermitianCholesky.ForwardMany(m, n, f, rhs);
            for (int u = 0; u < k; u++)
            {
                double mu = x[u + 1];
                Complex beta = Complex.Zero;
                if (mu > 0)
                {
                    Complex az = Complex.Zero;
                    double ay = 0;
                    for (int i = 0; i < n; i++)
                    {
                        var fa = f[i * rhs + k + u];
                        az += Complex.Conjugate(fa) * f[i * rhs + u];
                        ay += fa.Real * fa.Real + fa.Imaginary * fa.Imaginary;
                    }
                    Complex c = mu * rho * s[u];
                    beta = c + mu * (az + c * ay) / (1 - mu * ay);
                }
                for (int i = 0; i < n; i++) g[i * k + u] = f[i * rhs + u] + beta * f[i * rhs + k + u];
            }
            HermitianCholesky.BackwardMany(m, n, g, k);
            for (int u = 0; u < k; u++)
            {
                var w = v[u];
                for (int i = 0; i < n; i++) w[i] = g[i * k + u];
            }
            Array.Copy(x, ws.At, x.Length);
            ws.Valid = true;
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
        var cross = Workspace(p.Antennas, k).Cross; // a_uᴴv_j, kept for the dual Hessian
        for (int u = 0; u < k; u++)
        {
            double f = p.Sensing.NoiseTerm[u];
            Complex own = Complex.Zero;
            for (int j = 0; j < k; j++)
            {
                var d = cross[u * k + j] = ComplexVectors.Dot(a[u], v[j]);
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
