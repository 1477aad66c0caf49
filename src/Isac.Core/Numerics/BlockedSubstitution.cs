using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Complex = System.Numerics.Complex;
using static Isac.Core.Numerics.PairedLanes;

namespace Isac.Core.Numerics;

/// <summary>
/// Forward and backward substitution with a Cholesky factor for many right-hand sides at once
/// (B row-major n × rhs, row i holding the i-th entry of every right-hand side), register-blocked:
/// each row of the result is built in blocks of four 256-bit accumulators (eight complex entries), then two, then one,
/// while the rows it depends on stream past, instead of one read-modify-write pass over the row
/// per pair of rows. Products use fused multiply-adds where the hardware has them. The order of
/// the additions is that of the plain row-by-row loops.
/// </summary>
internal static class BlockedSubstitution
{
    /// <summary>Solves L·X = B in place (L lower triangular, from <see cref="HermitianCholesky.Factor"/>).</summary>
    public static void Forward(ReadOnlySpan<Complex> l, int n, Span<Complex> b, int rhs)
    {
        ref double lr = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(l));
        ref double br = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(b));
        int width = 2 * rhs;
        // x_i = (b_i − Σ_{k<i} L[i,k]·x_k) / L[i,i]
        for (int i = 0; i < n; i++)
        {
            int rowL = 2 * i * n;
            double inv = 1 / Unsafe.Add(ref lr, rowL + 2 * i);
            UpdateRow(ref lr, ref br, width, i * width, rowL, 2, 0, i, 1, conjugate: false, inv);
        }
    }

    /// <summary>Solves Lᴴ·X = B in place.</summary>
    public static void Backward(ReadOnlySpan<Complex> l, int n, Span<Complex> b, int rhs)
    {
        ref double lr = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(l));
        ref double br = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(b));
        int width = 2 * rhs;
        // x_i = (b_i − Σ_{k>i} conj(L[k,i])·x_k) / L[i,i], k taken from n−1 down (the order of the column sweep)
        for (int i = n - 1; i >= 0; i--)
        {
            double inv = 1 / Unsafe.Add(ref lr, 2 * (i * n + i));
            UpdateRow(ref lr, ref br, width, i * width, 2 * ((n - 1) * n + i), -2 * n, n - 1, n - 1 - i, -1, conjugate: true, inv);
        }
    }

    /// <summary>
    /// Row <paramref name="target"/> of B (offset in doubles) ← (row − Σ_t c_t·row_{k_t}) · inv over <paramref name="count"/>
    /// terms, c_t the factor entry at <paramref name="lStart"/> + t·<paramref name="lStep"/> (conjugated if asked), k_t =
    /// <paramref name="kStart"/> + t·<paramref name="kStep"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void UpdateRow(ref double l, ref double b, int width, int target, int lStart, int lStep, int kStart, int count, int kStep,
        bool conjugate, double inv)
    {
        // −c·x = (−cr)·x + (ci, −ci)·swap(x); −conj(c)·x = (−cr)·x + (−ci, ci)·swap(x)
        double sign = conjugate ? -1 : 1;
        var scale = Vector256.Create(inv);
        int col = 0;
        for (; col + 16 <= width; col += 16)
        {
            ref double row = ref Unsafe.Add(ref b, target + col);
            var a0 = Vector256.LoadUnsafe(ref row);
            var a1 = Vector256.LoadUnsafe(ref row, 4);
            var a2 = Vector256.LoadUnsafe(ref row, 8);
            var a3 = Vector256.LoadUnsafe(ref row, 12);
            for (int t = 0, li = lStart, k = kStart; t < count; t++, li += lStep, k += kStep)
            {
                double cr = Unsafe.Add(ref l, li), ci = sign * Unsafe.Add(ref l, li + 1);
                var re = Vector256.Create(-cr);
                var im = Vector256.Create(ci, -ci, ci, -ci);
                ref double src = ref Unsafe.Add(ref b, k * width + col);
                var x0 = Vector256.LoadUnsafe(ref src);
                var x1 = Vector256.LoadUnsafe(ref src, 4);
                var x2 = Vector256.LoadUnsafe(ref src, 8);
                var x3 = Vector256.LoadUnsafe(ref src, 12);
                a0 = MulAdd(im, Swap(x0), MulAdd(re, x0, a0));
                a1 = MulAdd(im, Swap(x1), MulAdd(re, x1, a1));
                a2 = MulAdd(im, Swap(x2), MulAdd(re, x2, a2));
                a3 = MulAdd(im, Swap(x3), MulAdd(re, x3, a3));
            }
            (a0 * scale).StoreUnsafe(ref row);
            (a1 * scale).StoreUnsafe(ref row, 4);
            (a2 * scale).StoreUnsafe(ref row, 8);
            (a3 * scale).StoreUnsafe(ref row, 12);
        }
        if (col + 8 <= width)
        {
            // two vectors (four complex entries) left: e.g. the six right-hand sides of a six-user back-solve are 8 + 4 doubles
            ref double row = ref Unsafe.Add(ref b, target + col);
            var a0 = Vector256.LoadUnsafe(ref row);
            var a1 = Vector256.LoadUnsafe(ref row, 4);
            for (int t = 0, li = lStart, k = kStart; t < count; t++, li += lStep, k += kStep)
            {
                double cr = Unsafe.Add(ref l, li), ci = sign * Unsafe.Add(ref l, li + 1);
                var re = Vector256.Create(-cr);
                var im = Vector256.Create(ci, -ci, ci, -ci);
                ref double src = ref Unsafe.Add(ref b, k * width + col);
                var x0 = Vector256.LoadUnsafe(ref src);
                var x1 = Vector256.LoadUnsafe(ref src, 4);
                a0 = MulAdd(im, Swap(x0), MulAdd(re, x0, a0));
                a1 = MulAdd(im, Swap(x1), MulAdd(re, x1, a1));
            }
            (a0 * scale).StoreUnsafe(ref row);
            (a1 * scale).StoreUnsafe(ref row, 4);
            col += 8;
        }
        for (; col + 4 <= width; col += 4)
        {
            ref double row = ref Unsafe.Add(ref b, target + col);
            var a0 = Vector256.LoadUnsafe(ref row);
            for (int t = 0, li = lStart, k = kStart; t < count; t++, li += lStep, k += kStep)
            {
                double cr = Unsafe.Add(ref l, li), ci = sign * Unsafe.Add(ref l, li + 1);
                var x0 = Vector256.LoadUnsafe(ref Unsafe.Add(ref b, k * width + col));
                a0 = MulAdd(Vector256.Create(ci, -ci, ci, -ci), Swap(x0), MulAdd(Vector256.Create(-cr), x0, a0));
            }
            (a0 * scale).StoreUnsafe(ref row);
        }
        if (col < width)
        {
            // the odd right-hand side
            ref double row = ref Unsafe.Add(ref b, target + col);
            double yr = row, yi = Unsafe.Add(ref row, 1);
            for (int t = 0, li = lStart, k = kStart; t < count; t++, li += lStep, k += kStep)
            {
                double cr = Unsafe.Add(ref l, li), ci = sign * Unsafe.Add(ref l, li + 1);
                ref double src = ref Unsafe.Add(ref b, k * width + col);
                double xr = src, xi = Unsafe.Add(ref src, 1);
                yr -= cr * xr - ci * xi;
                yi -= cr * xi + ci * xr;
            }
            row = yr * inv;
            Unsafe.Add(ref row, 1) = yi * inv;
        }
    }
}
