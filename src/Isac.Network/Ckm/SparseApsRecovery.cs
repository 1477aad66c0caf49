namespace Isac.Network.Ckm;

/// <summary>
/// Non-negative sparse recovery of the angular power spectrum, problem (35):
/// min ‖r̄ − Φα‖² s.t. α ⪰ 0, ‖α‖₀ ≤ N_p, by orthogonal least squares (OLS) for the support and an
/// exact non-negative least-squares fit on it.
/// </summary>
/// <remarks>
/// OLS (Chen, Billings, Luo 1989): at each step add the dictionary column whose component
/// orthogonal to the chosen ones best explains the residual, score (q_iᵀr)²/‖q_i‖². The
/// non-negative fit on the (at most N_p) chosen columns enumerates the subsets: the NNLS optimum
/// is the unconstrained least-squares fit on its own positive support, so the best non-negative
/// subset fit is exact (2^N_p small solves).
/// </remarks>
public sealed class SparseApsRecovery
{
    private readonly double[][] _columns; // Φ columns φ_i (length N_b)
    private readonly int _sparsity;

    /// <summary>Creates the recovery for a dictionary given by columns.</summary>
    public SparseApsRecovery(double[][] columns, int sparsity)
    {
        _columns = columns;
        _sparsity = sparsity;
    }

    /// <summary>Recovers (bin, power) pairs, at most N_p, powers > 0.</summary>
    public (int[] Bins, double[] Powers) Recover(ReadOnlySpan<double> r)
    {
        int nb = r.Length, nt = _columns.Length;
        var residual = r.ToArray();
        var basis = new List<double[]>();
        var support = new List<int>();
        var q = new double[nb];
        for (int step = 0; step < _sparsity; step++)
        {
            int best = -1;
            double bestScore = 0;
            double[]? bestQ = null;
            for (int i = 0; i < nt; i++)
            {
                if (support.Contains(i)) continue;
                var phi = _columns[i];
                Array.Copy(phi, q, nb);
                foreach (var e in basis)
                {
                    double c = 0;
                    for (int t = 0; t < nb; t++) c += e[t] * phi[t];
                    for (int t = 0; t < nb; t++) q[t] -= c * e[t];
                }
                double qq = 0, qr = 0;
                for (int t = 0; t < nb; t++) { qq += q[t] * q[t]; qr += q[t] * residual[t]; }
                if (qq <= 1e-12 * Norm2(phi)) continue;
                double score = qr * qr / qq;
                if (score > bestScore) { bestScore = score; best = i; bestQ = (double[])q.Clone(); }
            }
            if (best < 0 || bestQ is null) break;
            double norm = Math.Sqrt(bestQ.Sum(x => x * x));
            for (int t = 0; t < nb; t++) bestQ[t] /= norm;
            double proj = 0;
            for (int t = 0; t < nb; t++) proj += bestQ[t] * residual[t];
            for (int t = 0; t < nb; t++) residual[t] -= proj * bestQ[t];
            basis.Add(bestQ);
            support.Add(best);
        }
        return NonNegativeFit(r, support);
    }

    private (int[] Bins, double[] Powers) NonNegativeFit(ReadOnlySpan<double> r, List<int> support)
    {
        int s = support.Count;
        double bestResidual = double.PositiveInfinity;
        int[] bestBins = [];
        double[] bestPowers = [];
        for (int mask = 1; mask < (1 << s); mask++)
        {
            var cols = Enumerable.Range(0, s).Where(i => (mask & (1 << i)) != 0).Select(i => support[i]).ToArray();
            var x = LeastSquares(r, cols);
            if (x is null || x.Any(v => v <= 0)) continue;
            double res = 0;
            for (int t = 0; t < r.Length; t++)
            {
                double f = r[t];
                for (int c = 0; c < cols.Length; c++) f -= _columns[cols[c]][t] * x[c];
                res += f * f;
            }
            if (res < bestResidual) { bestResidual = res; bestBins = cols; bestPowers = x; }
        }
        return (bestBins, bestPowers);
    }

    private double[]? LeastSquares(ReadOnlySpan<double> r, int[] cols)
    {
        int m = cols.Length;
        var a = new double[m, m + 1];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                double s = 0;
                for (int t = 0; t < r.Length; t++) s += _columns[cols[i]][t] * _columns[cols[j]][t];
                a[i, j] = s;
            }
            double b = 0;
            for (int t = 0; t < r.Length; t++) b += _columns[cols[i]][t] * r[t];
            a[i, m] = b;
        }
        // Gaussian elimination with partial pivoting on the normal equations (m ≤ N_p, tiny).
        for (int c = 0; c < m; c++)
        {
            int piv = c;
            for (int i = c + 1; i < m; i++) if (Math.Abs(a[i, c]) > Math.Abs(a[piv, c])) piv = i;
            if (Math.Abs(a[piv, c]) < 1e-300) return null;
            if (piv != c) for (int j = 0; j <= m; j++) (a[c, j], a[piv, j]) = (a[piv, j], a[c, j]);
            for (int i = c + 1; i < m; i++)
            {
                double f = a[i, c] / a[c, c];
                for (int j = c; j <= m; j++) a[i, j] -= f * a[c, j];
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

    private static double Norm2(double[] v) => v.Sum(x => x * x);
}
