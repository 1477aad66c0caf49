namespace Isac.Network.Ckm;

/// <summary>
/// Non-negative sparse recovery of the angular power spectrum, problem (35):
/// min ‖r̄ − Φα‖² s.t. α ⪰ 0, ‖α‖₀ ≤ N_p, by orthogonal least squares (OLS) for the support and an
/// exact non-negative least-squares fit on it.
/// </summary>
/// <remarks>
/// OLS (Chen, Billings, Luo 1989) adds, at each step, the column whose component orthogonal to the
/// chosen ones best explains the residual: score_i = (φ_iᵀr_S)² / ‖q_i‖², with r_S the least-squares
/// residual on the support S and q_i = φ_i − Φ_S G_SS⁻¹ G_Si. Everything is computed from the
/// dictionary's Gram matrix G = ΦᵀΦ (once per dictionary) and c = Φᵀr̄ (once per grid point):
/// φ_iᵀr_S = c_i − G_iSᵀx_S, ‖q_i‖² = G_ii − G_iSᵀG_SS⁻¹G_Si, x_S = G_SS⁻¹c_S, so a step costs
/// O(N_θ·|S|²) instead of O(N_θ·N_b·|S|). The non-negative fit on the (at most N_p) chosen columns
/// enumerates the subsets: the NNLS optimum is the unconstrained least-squares fit on its own
/// positive support, so the best non-negative subset fit is exact (2^N_p tiny solves).
/// </remarks>
public sealed class SparseApsRecovery
{
    private readonly double[][] _columns; // φ_i (length N_b)
    private readonly double[,] _gram;     // G = ΦᵀΦ
    private readonly int _sparsity;

    /// <summary>Creates the recovery for a dictionary given by columns.</summary>
    public SparseApsRecovery(double[][] columns, int sparsity)
    {
        _columns = columns;
        _sparsity = sparsity;
        int n = columns.Length;
        _gram = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
            {
                double s = 0;
                for (int t = 0; t < columns[i].Length; t++) s += columns[i][t] * columns[j][t];
                _gram[i, j] = s;
                _gram[j, i] = s;
            }
    }

    /// <summary>Recovers (bin, power) pairs, at most N_p, powers > 0.</summary>
    /// <remarks>
    /// The support's Gram block G_SS is kept as a Cholesky factor L, extended by one row per step, so a
    /// candidate's residual norm ‖q_i‖² = G_ii − ‖L⁻¹G_Si‖² and correlation c_i − G_iSᵀx_S cost O(|S|²)
    /// without allocating (x_S = G_SS⁻¹c_S by two triangular solves per step).
    /// </remarks>
    public (int[] Bins, double[] Powers) Recover(ReadOnlySpan<double> r)
    {
        int nt = _columns.Length, sp = _sparsity;
        Span<double> c = nt <= 1024 ? stackalloc double[nt] : new double[nt];
        for (int i = 0; i < nt; i++)
        {
            double s = 0;
            var phi = _columns[i];
            for (int t = 0; t < r.Length; t++) s += phi[t] * r[t];
            c[i] = s;
        }
        Span<int> support = stackalloc int[sp];
        Span<double> l = stackalloc double[sp * sp];   // Cholesky factor of G_SS (row-major, lower)
        Span<double> xs = stackalloc double[sp];
        Span<double> w = stackalloc double[sp];
        Span<bool> inSupport = nt <= 1024 ? stackalloc bool[nt] : new bool[nt];
        int k = 0;
        for (int step = 0; step < sp; step++)
        {
            // x_S = G_SS⁻¹c_S = L⁻ᵀL⁻¹c_S
            for (int a = 0; a < k; a++)
            {
                double t = c[support[a]];
                for (int b = 0; b < a; b++) t -= l[a * sp + b] * xs[b];
                xs[a] = t / l[a * sp + a];
            }
            for (int a = k - 1; a >= 0; a--)
            {
                double t = xs[a];
                for (int b = a + 1; b < k; b++) t -= l[b * sp + a] * xs[b];
                xs[a] = t / l[a * sp + a];
            }
            int best = -1;
            double bestScore = 0, bestNorm = 0;
            for (int i = 0; i < nt; i++)
            {
                if (inSupport[i]) continue;
                double corr = c[i], norm = _gram[i, i];
                for (int a = 0; a < k; a++)
                {
                    double g = _gram[support[a], i];
                    corr -= g * xs[a];
                    double t = g;
                    for (int b = 0; b < a; b++) t -= l[a * sp + b] * w[b];
                    w[a] = t / l[a * sp + a];
                    norm -= w[a] * w[a];
                }
                if (norm <= 1e-12 * _gram[i, i]) continue;
                double score = corr * corr / norm;
                if (score > bestScore) { bestScore = score; best = i; bestNorm = norm; }
            }
            if (best < 0) break;
            // New row of L: [L⁻¹G_S,best, √‖q_best‖²]
            for (int a = 0; a < k; a++)
            {
                double t = _gram[support[a], best];
                for (int b = 0; b < a; b++) t -= l[a * sp + b] * l[k * sp + b];
                l[k * sp + a] = t / l[a * sp + a];
            }
            l[k * sp + k] = Math.Sqrt(bestNorm);
            support[k++] = best;
            inSupport[best] = true;
        }
        return NonNegativeFit(c, r, support[..k]);
    }

    private (int[] Bins, double[] Powers) NonNegativeFit(ReadOnlySpan<double> c, ReadOnlySpan<double> r, ReadOnlySpan<int> support)
    {
        int s = support.Length;
        double rr = 0;
        foreach (double v in r) rr += v * v;
        double bestResidual = double.PositiveInfinity;
        int bestMask = 0;
        Span<double> bestX = stackalloc double[s];
        Span<int> cols = stackalloc int[s];
        Span<double> g = stackalloc double[s * s];
        Span<double> b = stackalloc double[s];
        Span<double> x = stackalloc double[s];
        for (int mask = 1; mask < (1 << s); mask++)
        {
            int m = 0;
            for (int i = 0; i < s; i++) if ((mask & (1 << i)) != 0) cols[m++] = support[i];
            for (int i = 0; i < m; i++)
            {
                b[i] = c[cols[i]];
                for (int j = 0; j < m; j++) g[i * m + j] = _gram[cols[i], cols[j]];
            }
            if (!SolveSmall(g[..(m * m)], b[..m], x[..m])) continue;
            bool positive = true;
            for (int i = 0; i < m; i++) positive &= x[i] > 0;
            if (!positive) continue;
            // ‖r − Φx‖² = rᵀr − 2xᵀc + xᵀGx
            double res = rr;
            for (int i = 0; i < m; i++)
            {
                res -= 2 * x[i] * c[cols[i]];
                for (int j = 0; j < m; j++) res += x[i] * _gram[cols[i], cols[j]] * x[j];
            }
            if (res < bestResidual)
            {
                bestResidual = res;
                bestMask = mask;
                x[..m].CopyTo(bestX);
            }
        }
        if (bestMask == 0) return ([], []);
        var bins = new List<int>(s);
        for (int i = 0; i < s; i++) if ((bestMask & (1 << i)) != 0) bins.Add(support[i]);
        return (bins.ToArray(), bestX[..bins.Count].ToArray());
    }

    /// <summary>Solves a small dense system by Gaussian elimination with partial pivoting (a and b are overwritten); false when singular.</summary>
    private static bool SolveSmall(Span<double> a, Span<double> b, Span<double> x)
    {
        int m = b.Length;
        for (int col = 0; col < m; col++)
        {
            int piv = col;
            for (int i = col + 1; i < m; i++) if (Math.Abs(a[i * m + col]) > Math.Abs(a[piv * m + col])) piv = i;
            if (Math.Abs(a[piv * m + col]) <= 1e-300) return false;
            if (piv != col)
            {
                for (int j = 0; j < m; j++) (a[col * m + j], a[piv * m + j]) = (a[piv * m + j], a[col * m + j]);
                (b[col], b[piv]) = (b[piv], b[col]);
            }
            for (int i = col + 1; i < m; i++)
            {
                double f = a[i * m + col] / a[col * m + col];
                for (int j = col; j < m; j++) a[i * m + j] -= f * a[col * m + j];
                b[i] -= f * b[col];
            }
        }
        for (int i = m - 1; i >= 0; i--)
        {
            double t = b[i];
            for (int j = i + 1; j < m; j++) t -= a[i * m + j] * x[j];
            x[i] = t / a[i * m + i];
        }
        return true;
    }
}
