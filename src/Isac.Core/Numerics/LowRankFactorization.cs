using System.Numerics;
using System.Runtime.CompilerServices;
using Complex = System.Numerics.Complex;

namespace Isac.Core.Numerics;

/// <summary>
/// Recognises a real symmetric or complex Hermitian matrix of low rank and writes it as
/// A = Σ_k d_k z_k z_kᴴ (real weights d_k), by symmetric elimination with complete pivoting
/// (Bunch–Parlett): a 1×1 pivot on the dominant diagonal entry when it is at least α times the
/// largest entry, α = (1 + √17)/8, which bounds the growth of the entries; otherwise a 2×2 pivot on the
/// dominant off-diagonal pair. O(n² r) for rank r; gives up past the rank cap.
/// </summary>
/// <remarks>
/// <para>A 1×1 pivot a_rr takes the term (1/a_rr) c cᴴ with c = column r, and leaves A − c cᴴ/a_rr.
/// A 2×2 pivot E = A[{p,q},{p,q}] = V Λ Vᴴ takes the two terms (1/λ_k)(C v_k)(C v_k)ᴴ with C = columns p
/// and q, and leaves A − C E⁻¹ Cᴴ. The elimination stops when every entry left is below
/// <see cref="Tolerance"/> times the largest entry of the input. By Sylvester's law of inertia the signs of
/// the weights are those of the eigenvalues. A rank-one h hᴴ (an SINR term) is found in one step.</para>
/// <para>One implementation for both fields: the solver recognises low-rank real data matrices
/// (Isac.Conic), the modelling layer low-rank Hermitian coefficients (Isac.Modeling). For real input every
/// quantity stays real (the field's operations below are resolved per type by the JIT). The cost,
/// O(n² r) with r ≤ the cap (4 in the solver), is paid once per data matrix when a model is built.</para>
/// </remarks>
public static class LowRankFactorization
{
    /// <summary>What is left, relative to the largest entry, when the factorisation stops.</summary>
    public const double Tolerance = 1e-13;

    /// <summary>The Bunch–Parlett pivot threshold α = (1 + √17)/8 ≈ 0.6404.</summary>
    public static readonly double Alpha = (1 + Math.Sqrt(17)) / 8;

    /// <summary>
    /// Factors the n×n real symmetric <paramref name="a"/> (row-major, length n²; destroyed):
    /// A = Σ_k Weights[k]·v_k v_kᵀ with v_k = Vectors[k] (length n); null if the rank exceeds <paramref name="maxRank"/>.
    /// </summary>
    public static (double[] Weights, double[][] Vectors)? TryFactor(double[] a, int n, int maxRank) => Factor(a, n, maxRank);

    /// <summary>
    /// Factors the n×n Hermitian <paramref name="a"/> (row-major, length n²; destroyed):
    /// A = Σ_k Weights[k]·z_k z_kᴴ with z_k = Vectors[k] (length n); null if the rank exceeds <paramref name="maxRank"/>.
    /// </summary>
    public static (double[] Weights, Complex[][] Vectors)? TryFactor(Complex[] a, int n, int maxRank) => Factor(a, n, maxRank);

    private static (double[] Weights, T[][] Vectors)? Factor<T>(T[] a, int n, int maxRank) where T : struct
    {
        if (a.Length != n * n) throw new ArgumentException($"expected {n}×{n} = {n * n} entries, got {a.Length}", nameof(a));
        double scale = MaxAbs(a, n, out _, out _);
        var weights = new List<double>();
        var vectors = new List<T[]>();
        if (scale == 0) return ([], []);
        while (true)
        {
            double big = MaxAbs(a, n, out int p, out int q);
            if (big <= Tolerance * scale) return (weights.ToArray(), vectors.ToArray());
            double dp = Math.Abs(Re(a[p * n + p])), dq = Math.Abs(Re(a[q * n + q]));
            if (p == q || Math.Max(dp, dq) >= Alpha * big)
            {
                if (weights.Count + 1 > maxRank) return null;
                int r = dp >= dq ? p : q;
                double w = 1.0 / Re(a[r * n + r]);
                var c = new T[n];
                for (int i = 0; i < n; i++) c[i] = a[i * n + r];
                weights.Add(w);
                vectors.Add(c);
                Subtract(a, n, c, w);
                continue;
            }
            if (weights.Count + 2 > maxRank) return null;
            // 2×2 pivot E = [[e11, e12], [conj(e12), e22]], eigenvalues mean ± rad.
            double e11 = Re(a[p * n + p]), e22 = Re(a[q * n + q]);
            T e12 = a[p * n + q];
            double m12 = SquaredMagnitude(e12);
            double mean = 0.5 * (e11 + e22), rad = Math.Sqrt(0.25 * (e11 - e22) * (e11 - e22) + m12);
            var terms = new (double W, T[] C)[2];
            int t = 0;
            foreach (double lambda in new[] { mean + rad, mean - rad })
            {
                // (E − λI)v = 0: v = (e12, λ − e11), or (λ − e22, conj(e12)) when that is larger (|λ − e22| > |λ − e11|).
                T vx = e12, vy = FromReal<T>(lambda - e11);
                T wx = FromReal<T>(lambda - e22), wy = Conj(e12);
                if (Math.Abs(lambda - e22) > Math.Abs(lambda - e11)) (vx, vy) = (wx, wy);
                double norm = Math.Sqrt(SquaredMagnitude(vx) + SquaredMagnitude(vy));
                vx = DivideByReal(vx, norm);
                vy = DivideByReal(vy, norm);
                var c = new T[n];
                for (int i = 0; i < n; i++) c[i] = Add(Multiply(a[i * n + p], vx), Multiply(a[i * n + q], vy));
                terms[t++] = (1.0 / lambda, c);
            }
            foreach (var (w, c) in terms)
            {
                weights.Add(w);
                vectors.Add(c);
            }
            foreach (var (w, c) in terms) Subtract(a, n, c, w);
        }
    }

    /// <summary>A ← A − w·c cᴴ, row by row.</summary>
    private static void Subtract<T>(T[] a, int n, T[] c, double w) where T : struct
    {
        for (int i = 0; i < n; i++)
        {
            if (Size(c[i]) == 0) continue;
            T ci = Scale(c[i], w);
            int row = i * n;
            for (int j = 0; j < n; j++) a[row + j] = Subtract(a[row + j], Multiply(ci, Conj(c[j])));
        }
    }

    /// <summary>The largest |Re| + |Im| of the upper triangle and where it is.</summary>
    private static double MaxAbs<T>(T[] a, int n, out int p, out int q) where T : struct
    {
        double big = 0;
        p = q = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
            {
                double v = Size(a[i * n + j]);
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

    // The field's operations; typeof(T) tests are constants in each specialisation, so they cost nothing.
    // Written out rather than through INumberBase<T>'s static operators: crossgen2 does not precompile
    // Factor<double> with those (calls into the framework's generic math outside Isac.Core's version
    // bubble), and the solver's first solve then ran it as tier-0 JIT code (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Multiply<T>(T x, T y)
    {
        if (typeof(T) == typeof(double))
        {
            double v = Unsafe.As<T, double>(ref x) * Unsafe.As<T, double>(ref y);
            return Unsafe.As<double, T>(ref v);
        }
        var z = Unsafe.As<T, Complex>(ref x) * Unsafe.As<T, Complex>(ref y);
        return Unsafe.As<Complex, T>(ref z);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Add<T>(T x, T y)
    {
        if (typeof(T) == typeof(double))
        {
            double v = Unsafe.As<T, double>(ref x) + Unsafe.As<T, double>(ref y);
            return Unsafe.As<double, T>(ref v);
        }
        var z = Unsafe.As<T, Complex>(ref x) + Unsafe.As<T, Complex>(ref y);
        return Unsafe.As<Complex, T>(ref z);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Subtract<T>(T x, T y)
    {
        if (typeof(T) == typeof(double))
        {
            double v = Unsafe.As<T, double>(ref x) - Unsafe.As<T, double>(ref y);
            return Unsafe.As<double, T>(ref v);
        }
        var z = Unsafe.As<T, Complex>(ref x) - Unsafe.As<T, Complex>(ref y);
        return Unsafe.As<Complex, T>(ref z);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T DivideByReal<T>(T x, double s)
    {
        if (typeof(T) == typeof(double))
        {
            double v = Unsafe.As<T, double>(ref x) / s;
            return Unsafe.As<double, T>(ref v);
        }
        var z = Unsafe.As<T, Complex>(ref x) / s;
        return Unsafe.As<Complex, T>(ref z);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Scale<T>(T x, double s)
    {
        if (typeof(T) == typeof(double))
        {
            double v = Unsafe.As<T, double>(ref x) * s;
            return Unsafe.As<double, T>(ref v);
        }
        var z = Unsafe.As<T, Complex>(ref x) * s;
        return Unsafe.As<Complex, T>(ref z);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Re<T>(T x) => typeof(T) == typeof(double) ? Unsafe.As<T, double>(ref x) : Unsafe.As<T, Complex>(ref x).Real;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Size<T>(T x)
    {
        if (typeof(T) == typeof(double)) return Math.Abs(Unsafe.As<T, double>(ref x));
        var z = Unsafe.As<T, Complex>(ref x);
        return Math.Abs(z.Real) + Math.Abs(z.Imaginary);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SquaredMagnitude<T>(T x)
    {
        if (typeof(T) == typeof(double)) return Unsafe.As<T, double>(ref x) * Unsafe.As<T, double>(ref x);
        var z = Unsafe.As<T, Complex>(ref x);
        return z.Real * z.Real + z.Imaginary * z.Imaginary;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Conj<T>(T x)
    {
        if (typeof(T) == typeof(double)) return x;
        var z = Complex.Conjugate(Unsafe.As<T, Complex>(ref x));
        return Unsafe.As<Complex, T>(ref z);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T FromReal<T>(double v)
    {
        if (typeof(T) == typeof(double)) return Unsafe.As<double, T>(ref v);
        var z = new Complex(v, 0);
        return Unsafe.As<Complex, T>(ref z);
    }
}
