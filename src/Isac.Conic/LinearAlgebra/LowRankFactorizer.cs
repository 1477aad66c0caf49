namespace Isac.Conic.LinearAlgebra;

/// <summary>
/// Recognises a symmetric matrix of low rank and writes it as Σ_k d_k u_k u_kᵀ, by symmetric
/// elimination with complete pivoting (1×1 pivots on a dominant diagonal entry, 2×2 pivots on a
/// dominant off-diagonal pair, as in Bunch–Parlett). O(n² r) for rank r; gives up past the rank cap.
/// </summary>
internal static class LowRankFactorizer
{
    /// <summary>Relative size of what is left when the factorisation stops (what the data lose).</summary>
    public const double Tolerance = 1e-13;

    /// <summary>Factors the n×n symmetric <paramref name="a"/> (destroyed); null if its rank exceeds <paramref name="maxRank"/>.</summary>
    public static (double[] Weights, double[] Vectors)? TryFactor(double[] a, int n, int maxRank)
    {
        double scale = MaxAbs(a, out _, out _);
        if (scale == 0)
        {
            return ([], []);
        }
        var weights = new List<double>();
        var vectors = new List<double[]>();
        while (true)
        {
            double big = MaxAbs(a, out int p, out int q);
            if (big <= Tolerance * scale)
            {
                return (weights.ToArray(), vectors.SelectMany(v => v).ToArray());
            }
            double diag = Math.Max(Math.Abs(a[p * n + p]), Math.Abs(a[q * n + q]));
            if (p == q || diag >= 0.6404 * big)
            {
                if (weights.Count + 1 > maxRank)
                {
                    return null;
                }
                int r = Math.Abs(a[p * n + p]) >= Math.Abs(a[q * n + q]) ? p : q;
                double piv = a[r * n + r];
                // A ← A − c cᵀ / piv with c = column r: one term (1/piv) c cᵀ.
                var c = new double[n];
                for (int i = 0; i < n; i++)
                {
                    c[i] = a[i * n + r];
                }
                weights.Add(1.0 / piv);
                vectors.Add(c);
                Subtract(a, n, c, 1.0 / piv);
            }
            else
            {
                if (weights.Count + 2 > maxRank)
                {
                    return null;
                }
                // 2×2 pivot E = A[{p,q},{p,q}]: A ← A − C E⁻¹ Cᵀ with C = columns p, q;
                // E⁻¹ = V diag(1/λ) Vᵀ gives the two terms (1/λ_k) (C v_k)(C v_k)ᵀ.
                double e11 = a[p * n + p], e12 = a[p * n + q], e22 = a[q * n + q];
                double mean = 0.5 * (e11 + e22), rad = Math.Sqrt(0.25 * (e11 - e22) * (e11 - e22) + e12 * e12);
                double[] lambdas = [mean + rad, mean - rad];
                foreach (double lam in lambdas)
                {
                    // Eigenvector of [[e11, e12], [e12, e22]] for lam.
                    double vx = e12, vy = lam - e11;
                    if (Math.Abs(vx) + Math.Abs(vy) < 1e-300 * (Math.Abs(e12) + 1))
                    {
                        (vx, vy) = (lam - e22, e12);
                    }
                    double norm = Math.Sqrt(vx * vx + vy * vy);
                    vx /= norm;
                    vy /= norm;
                    var c = new double[n];
                    for (int i = 0; i < n; i++)
                    {
                        c[i] = vx * a[i * n + p] + vy * a[i * n + q];
                    }
                    weights.Add(1.0 / lam);
                    vectors.Add(c);
                }
                for (int k = weights.Count - 2; k < weights.Count; k++)
                {
                    Subtract(a, n, vectors[k], weights[k]);
                }
            }
        }
    }

    private static void Subtract(double[] a, int n, double[] c, double w)
    {
        for (int i = 0; i < n; i++)
        {
            if (c[i] != 0)
            {
                ManagedKernels.Axpy(-w * c[i], c, a.AsSpan(i * n, n));
            }
        }
    }

    private static double MaxAbs(double[] a, out int p, out int q)
    {
        int n = (int)Math.Round(Math.Sqrt(a.Length));
        double big = 0;
        p = q = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
            {
                double v = Math.Abs(a[i * n + j]);
                if (v > big)
                {
                    big = v;
                    p = i;
                    q = j;
                }
            }
        }
        return big;
    }
}
