using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Compilation;

/// <summary>
/// Writes a Hermitian matrix of low rank as H = Σ_k d_k z_k z_kᴴ (real d_k), by Hermitian
/// elimination with complete pivoting: a 1×1 pivot on a dominant diagonal entry, otherwise a 2×2
/// pivot on the dominant off-diagonal pair (Bunch–Parlett, α = (1 + √17)/8). O(n² r) for rank r;
/// gives up past the rank cap. A rank-one coefficient h hᴴ (an SINR term) is found in one step.
/// </summary>
internal static class HermitianLowRank
{
    /// <summary>What is left, relative to the largest entry, when the factorisation stops.</summary>
    public const double Tolerance = 1e-13;

    private const double Alpha = 0.6403882032022076;

    /// <summary>Factors the n×n Hermitian <paramref name="a"/> (row-major; destroyed); null if the rank exceeds <paramref name="maxRank"/>.</summary>
    public static (double[] Weights, Complex[][] Vectors)? TryFactor(Complex[] a, int n, int maxRank)
    {
        double scale = MaxAbs(a, n, out _, out _);
        var weights = new List<double>();
        var vectors = new List<Complex[]>();
        if (scale == 0)
        {
            return ([], []);
        }
        while (true)
        {
            double big = MaxAbs(a, n, out int p, out int q);
            if (big <= Tolerance * scale)
            {
                return (weights.ToArray(), vectors.ToArray());
            }
            double dp = Math.Abs(a[p * n + p].Real), dq = Math.Abs(a[q * n + q].Real);
            if (p == q || Math.Max(dp, dq) >= Alpha * big)
            {
                if (weights.Count + 1 > maxRank)
                {
                    return null;
                }
                int r = dp >= dq ? p : q;
                double pivot = a[r * n + r].Real;
                var c = new Complex[n];
                for (int i = 0; i < n; i++)
                {
                    c[i] = a[i * n + r];
                }
                weights.Add(1.0 / pivot);
                vectors.Add(c);
                Subtract(a, n, c, 1.0 / pivot);
                continue;
            }
            if (weights.Count + 2 > maxRank)
            {
                return null;
            }
            // 2×2 pivot E = A[{p,q},{p,q}] = V Λ Vᴴ: A ← A − C E⁻¹ Cᴴ = A − Σ_k (1/λ_k)(C v_k)(C v_k)ᴴ.
            double e11 = a[p * n + p].Real, e22 = a[q * n + q].Real;
            Complex e12 = a[p * n + q];
            double mean = 0.5 * (e11 + e22), rad = Math.Sqrt(0.25 * (e11 - e22) * (e11 - e22) + e12.Magnitude * e12.Magnitude);
            var terms = new List<(double, Complex[])>();
            foreach (double lambda in new[] { mean + rad, mean - rad })
            {
                // (E − λI)v = 0: v = (e12, λ − e11), or (λ − e22, conj(e12)) when that is larger.
                Complex vx = e12, vy = lambda - e11;
                Complex wx = lambda - e22, wy = Complex.Conjugate(e12);
                if (wx.Magnitude + wy.Magnitude > vx.Magnitude + vy.Magnitude)
                {
                    (vx, vy) = (wx, wy);
                }
                double norm = Math.Sqrt(vx.Magnitude * vx.Magnitude + vy.Magnitude * vy.Magnitude);
                vx /= norm;
                vy /= norm;
                var c = new Complex[n];
                for (int i = 0; i < n; i++)
                {
                    c[i] = a[i * n + p] * vx + a[i * n + q] * vy;
                }
                terms.Add((1.0 / lambda, c));
            }
            foreach (var (w, c) in terms)
            {
                weights.Add(w);
                vectors.Add(c);
            }
            foreach (var (w, c) in terms)
            {
                Subtract(a, n, c, w);
            }
        }
    }

    /// <summary>A ← A − w·c cᴴ.</summary>
    private static void Subtract(Complex[] a, int n, Complex[] c, double w)
    {
        for (int i = 0; i < n; i++)
        {
            if (c[i] == Complex.Zero)
            {
                continue;
            }
            Complex ci = w * c[i];
            int row = i * n;
            for (int j = 0; j < n; j++)
            {
                a[row + j] -= ci * Complex.Conjugate(c[j]);
            }
        }
    }

    private static double MaxAbs(Complex[] a, int n, out int p, out int q)
    {
        double big = 0;
        p = q = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
            {
                Complex z = a[i * n + j];
                double v = Math.Abs(z.Real) + Math.Abs(z.Imaginary);
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
