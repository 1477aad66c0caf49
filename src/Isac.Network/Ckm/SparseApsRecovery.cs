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
    public (int[] Bins, double[] Powers) Recover(ReadOnlySpan<double> r)
    {
        int nt = _columns.Length;
        var c = new double[nt];
        for (int i = 0; i < nt; i++)
        {
            double s = 0;
            var phi = _columns[i];
            for (int t = 0; t < r.Length; t++) s += phi[t] * r[t];
            c[i] = s;
        }
        var support = new List<int>();
        var inSupport = new bool[nt];
        for (int step = 0; step < _sparsity; step++)
        {
            int k = support.Count;
            var gss = new double[k, k];
            var cs = new double[k];
            for (int a = 0; a < k; a++)
            {
                cs[a] = c[support[a]];
                for (int b = 0; b < k; b++) gss[a, b] = _gram[support[a], support[b]];
            }
            var xs = k == 0 ? [] : SolveSymmetric(gss, cs) ?? [];
            if (xs.Length != k) break;
            int best = -1;
            double bestScore = 0;
            var gi = new double[k];
            for (int i = 0; i < nt; i++)
            {
                if (inSupport[i]) continue;
                for (int a = 0; a < k; a++) gi[a] = _gram[support[a], i];
                double corr = c[i], norm = _gram[i, i];
                for (int a = 0; a < k; a++) corr -= gi[a] * xs[a];
                if (k > 0)
                {
                    var y = SolveSymmetric(gss, gi);
                    if (y is null) continue;
                    for (int a = 0; a < k; a++) norm -= gi[a] * y[a];
                }
                if (norm <= 1e-12 * _gram[i, i]) continue;
                double score = corr * corr / norm;
                if (score > bestScore) { bestScore = score; best = i; }
            }
            if (best < 0) break;
            support.Add(best);
            inSupport[best] = true;
        }
        return NonNegativeFit(c, r, support);
    }

    private (int[] Bins, double[] Powers) NonNegativeFit(double[] c, ReadOnlySpan<double> r, List<int> support)
    {
        int s = support.Count;
        double rr = 0;
        foreach (double x in r) rr += x * x;
        double bestResidual = double.PositiveInfinity;
        int[] bestBins = [];
        double[] bestPowers = [];
        for (int mask = 1; mask < (1 << s); mask++)
        {
            var cols = Enumerable.Range(0, s).Where(i => (mask & (1 << i)) != 0).Select(i => support[i]).ToArray();
            int m = cols.Length;
            var g = new double[m, m];
            var b = new double[m];
            for (int i = 0; i < m; i++)
            {
                b[i] = c[cols[i]];
                for (int j = 0; j < m; j++) g[i, j] = _gram[cols[i], cols[j]];
            }
            var x = SolveSymmetric(g, b);
            if (x is null || x.Any(v => v <= 0)) continue;
            // ‖r − Φx‖² = rᵀr − 2xᵀc + xᵀGx
            double res = rr;
            for (int i = 0; i < m; i++)
            {
                res -= 2 * x[i] * b[i];
                for (int j = 0; j < m; j++) res += x[i] * g[i, j] * x[j];
            }
            if (res < bestResidual) { bestResidual = res; bestBins = cols; bestPowers = x; }
        }
        return (bestBins, bestPowers);
    }

    /// <summary>Solves a small symmetric system by Gaussian elimination with partial pivoting; null when singular.</summary>
    private static double[]? SolveSymmetric(double[,] a0, double[] b0)
    {
        int m = b0.Length;
        var a = new double[m, m + 1];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++) a[i, j] = a0[i, j];
            a[i, m] = b0[i];
        }
        for (int col = 0; col < m; col++)
        {
            int piv = col;
            for (int i = col + 1; i < m; i++) if (Math.Abs(a[i, col]) > Math.Abs(a[piv, col])) piv = i;
            if (Math.Abs(a[piv, col]) <= 1e-300) return null;
            if (piv != col) for (int j = 0; j <= m; j++) (a[col, j], a[piv, j]) = (a[piv, j], a[col, j]);
            for (int i = col + 1; i < m; i++)
            {
                double f = a[i, col] / a[col, col];
                for (int j = col; j <= m; j++) a[i, j] -= f * a[col, j];
            }
        }
        var x = new double[m];
        for (int i = m - 1; i >= 0; i--)
        {
            double s = a[i, m];
            for (int j = i + 1; j < m; j++) s -= a[i, j] * x[j];
            x[i] = s / a[i, i];
        }
        return x;
    }
}
