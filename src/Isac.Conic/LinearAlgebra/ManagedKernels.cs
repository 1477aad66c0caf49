using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Isac.Conic.LinearAlgebra;

/// <summary>Dense kernels in managed code with SIMD (AVX2/FMA where present); always available.</summary>
/// <remarks>The SIMD loops load and store through references (LoadUnsafe/StoreUnsafe) and test
/// Avx.IsSupported, so that ReadyToRun (x86-64-v3) compiles them ahead of time: span-based vector
/// loads kept them, and every method that inlines them, out of the image, and their tier-0 JIT code
/// is many times slower, which made a first solve several times slower than the next.</remarks>
internal sealed class ManagedKernels : IDenseKernels
{
    public static readonly ManagedKernels Instance = new();

    public string Name => "managed";

    public void Gemm(int m, int n, int k, double alpha, ReadOnlySpan<double> a, ReadOnlySpan<double> b, double beta, Span<double> c)
    {
        if (beta != 1.0)
        {
            for (int i = 0; i < m * n; i++)
            {
                c[i] = beta == 0 ? 0 : beta * c[i];
            }
        }
        int i0 = 0;
        if (Fma.IsSupported && n >= 8)
        {
            for (; i0 + 4 <= m; i0 += 4)
            {
                GemmRows4(i0, n, k, alpha, a, b, c);
            }
        }
        for (int i = i0; i < m; i++)
        {
            Span<double> crow = c.Slice(i * n, n);
            for (int p = 0; p < k; p++)
            {
                double aip = alpha * a[i * k + p];
                if (aip != 0)
                {
                    Axpy(aip, b.Slice(p * n, n), crow);
                }
            }
        }
    }

    /// <summary>Four rows of C at once, eight columns per register block: C[i..i+4, j..j+8] += α A B.</summary>
    private static unsafe void GemmRows4(int i0, int n, int k, double alpha, ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c)
    {
        fixed (double* pa = a, pb = b, pc = c)
        {
            double* a0 = pa + i0 * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
            int j = 0;
            for (; j + 8 <= n; j += 8)
            {
                Vector256<double> c00 = Vector256<double>.Zero, c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
                double* bp = pb + j;
                for (int p = 0; p < k; p++, bp += n)
                {
                    var b0 = Avx.LoadVector256(bp);
                    var b1 = Avx.LoadVector256(bp + 4);
                    var x = Vector256.Create(a0[p]);
                    c00 = Fma.MultiplyAdd(x, b0, c00);
                    c01 = Fma.MultiplyAdd(x, b1, c01);
                    x = Vector256.Create(a1[p]);
                    c10 = Fma.MultiplyAdd(x, b0, c10);
                    c11 = Fma.MultiplyAdd(x, b1, c11);
                    x = Vector256.Create(a2[p]);
                    c20 = Fma.MultiplyAdd(x, b0, c20);
                    c21 = Fma.MultiplyAdd(x, b1, c21);
                    x = Vector256.Create(a3[p]);
                    c30 = Fma.MultiplyAdd(x, b0, c30);
                    c31 = Fma.MultiplyAdd(x, b1, c31);
                }
                var al = Vector256.Create(alpha);
                Store(pc + i0 * n + j, al, c00, c01);
                Store(pc + (i0 + 1) * n + j, al, c10, c11);
                Store(pc + (i0 + 2) * n + j, al, c20, c21);
                Store(pc + (i0 + 3) * n + j, al, c30, c31);
            }
            for (; j < n; j++)
            {
                for (int r = 0; r < 4; r++)
                {
                    double s = 0;
                    double* ar = pa + (i0 + r) * k;
                    for (int p = 0; p < k; p++)
                    {
                        s += ar[p] * pb[p * n + j];
                    }
                    pc[(i0 + r) * n + j] += alpha * s;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Store(double* dst, Vector256<double> alpha, Vector256<double> lo, Vector256<double> hi)
    {
        Avx.Store(dst, Fma.MultiplyAdd(alpha, lo, Avx.LoadVector256(dst)));
        Avx.Store(dst + 4, Fma.MultiplyAdd(alpha, hi, Avx.LoadVector256(dst + 4)));
    }

    public bool Cholesky(Span<double> a, int n)
    {
        for (int j = 0; j < n; j++)
        {
            Span<double> rj = a.Slice(j * n, j);
            double d = a[j * n + j] - Dot(rj, rj);
            if (!(d > 0) || !double.IsFinite(d))
            {
                return false;
            }
            double ljj = Math.Sqrt(d);
            a[j * n + j] = ljj;
            double inv = 1.0 / ljj;
            for (int i = j + 1; i < n; i++)
            {
                a[i * n + j] = (a[i * n + j] - Dot(a.Slice(i * n, j), rj)) * inv;
            }
        }
        for (int i = 0; i < n; i++)
        {
            a.Slice(i * n + i + 1, n - i - 1).Clear();
        }
        return true;
    }

    public void CholeskyInverse(ReadOnlySpan<double> l, int n, Span<double> inverse)
    {
        // Rows of L⁻¹ by forward substitution, then (L Lᵀ)⁻¹ = L⁻ᵀ L⁻¹ = Σ_i row_iᵀ row_i.
        var linv = new double[n * n];
        ForwardSubstituteRows(l, n, linv, identity: true);
        inverse.Slice(0, n * n).Clear();
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> row = linv.AsSpan(i * n, i + 1);
            for (int p = 0; p <= i; p++)
            {
                double v = row[p];
                if (v != 0)
                {
                    Axpy(v, row.Slice(0, p + 1), inverse.Slice(p * n, p + 1));
                }
            }
        }
        for (int p = 0; p < n; p++)
        {
            for (int q = 0; q < p; q++)
            {
                inverse[q * n + p] = inverse[p * n + q];
            }
        }
    }

    public void CholeskySolve(ReadOnlySpan<double> l, int n, Span<double> b)
    {
        for (int i = 0; i < n; i++)
        {
            b[i] = (b[i] - Dot(l.Slice(i * n, i), b.Slice(0, i))) / l[i * n + i];
        }
        // Lᵀ x = y by rows of L: once x_i is known, it leaves row i of L (contiguous) times x_i from the
        // earlier entries. The column-wise inner products this replaces strode through L by n (qap8's
        // m = 529 Schur solves were 20 % of the instructions).
        for (int i = n - 1; i >= 0; i--)
        {
            double xi = b[i] / l[i * n + i];
            b[i] = xi;
            if (xi != 0)
            {
                Axpy(-xi, l.Slice(i * n, i), b.Slice(0, i));
            }
        }
    }

    public void TriangularSandwich(ReadOnlySpan<double> l, int n, Span<double> s)
    {
        // T = L⁻¹ S (rows by forward substitution); B = L⁻¹ Tᵀ is symmetric and equals L⁻¹ S L⁻ᵀ.
        ForwardSubstituteRows(l, n, s, identity: false);
        Transpose(s, n);
        ForwardSubstituteRows(l, n, s, identity: false);
    }

    /// <summary>Row i of T ← (B_i − Σ_{k&lt;i} L_ik T_k) / L_ii in place (B = I when <paramref name="identity"/>).</summary>
    private static void ForwardSubstituteRows(ReadOnlySpan<double> l, int n, Span<double> t, bool identity)
    {
        for (int i = 0; i < n; i++)
        {
            Span<double> ti = t.Slice(i * n, n);
            if (identity)
            {
                ti.Clear();
                ti[i] = 1.0;
            }
            for (int k = 0; k < i; k++)
            {
                double lik = l[i * n + k];
                if (lik != 0)
                {
                    Axpy(-lik, t.Slice(k * n, identity ? k + 1 : n), ti);
                }
            }
            double inv = 1.0 / l[i * n + i];
            for (int j = 0; j < (identity ? i + 1 : n); j++)
            {
                ti[j] *= inv;
            }
        }
    }

    private static void Transpose(Span<double> s, int n)
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                (s[i * n + j], s[j * n + i]) = (s[j * n + i], s[i * n + j]);
            }
        }
    }

    public void SymmetricEigenvalues(Span<double> a, int n, Span<double> eigenvalues) =>
        SymmetricTridiagonal.Eigenvalues(a, n, eigenvalues);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length, i = 0;
        double s = 0;
        if (Avx.IsSupported && n >= 8)
        {
            ref double xr = ref MemoryMarshal.GetReference(x);
            ref double yr = ref MemoryMarshal.GetReference(y);
            var acc0 = Vector256<double>.Zero;
            var acc1 = Vector256<double>.Zero;
            for (; i + 8 <= n; i += 8)
            {
                acc0 += Vector256.LoadUnsafe(ref xr, (nuint)i) * Vector256.LoadUnsafe(ref yr, (nuint)i);
                acc1 += Vector256.LoadUnsafe(ref xr, (nuint)(i + 4)) * Vector256.LoadUnsafe(ref yr, (nuint)(i + 4));
            }
            s = Vector256.Sum(acc0 + acc1);
        }
        for (; i < n; i++)
        {
            s += x[i] * y[i];
        }
        return s;
    }

    /// <summary>y ← y + α x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        int n = x.Length, i = 0;
        if (Avx.IsSupported && n >= 4)
        {
            ref double xr = ref MemoryMarshal.GetReference(x);
            ref double yr = ref MemoryMarshal.GetReference(y);
            var va = Vector256.Create(alpha);
            for (; i + 4 <= n; i += 4)
            {
                (Vector256.LoadUnsafe(ref yr, (nuint)i) + va * Vector256.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            y[i] += alpha * x[i];
        }
    }
}
