using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Complex = System.Numerics.Complex;

namespace Isac.Core.Numerics;

/// <summary>
/// SIMD kernels on interleaved complex spans (re, im, re, im, …): two complex numbers per
/// 256-bit vector. A product of complex vectors is two real products, one of them with the second
/// operand's real and imaginary parts swapped; the signs are applied to the lanes at the end.
/// Every kernel falls back to scalar arithmetic for the odd element and when the hardware has no
/// 256-bit vectors; results equal the scalar loops up to the order of the additions.
/// </summary>
public static class ComplexKernels
{
    private static readonly Vector256<double> ImagSign = Vector256.Create(1.0, -1.0, 1.0, -1.0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> SwapPairs(Vector256<double> v) => Vector256.Shuffle(v, Vector256.Create(1L, 0L, 3L, 2L));

    /// <summary>Σ conj(a_i)·b_i.</summary>
    public static Complex DotConj(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b)
    {
        int n = a.Length;
        var (accR, accI, i) = PairProducts(a, b);
        double re = Vector256.Sum(accR), im = Vector256.Sum(accI * ImagSign); // ar br + ai bi, ar bi − ai br
        for (; i < n; i++)
        {
            double ar = a[i].Real, ai = a[i].Imaginary, br = b[i].Real, bi = b[i].Imaginary;
            re += ar * br + ai * bi;
            im += ar * bi - ai * br;
        }
        return new Complex(re, im);
    }

    /// <summary>Σ a_i·b_i (no conjugate).</summary>
    public static Complex Dot(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b)
    {
        int n = a.Length;
        var (accR, accI, i) = PairProducts(a, b);
        double re = Vector256.Sum(accR * ImagSign), im = Vector256.Sum(accI); // ar br − ai bi, ar bi + ai br
        for (; i < n; i++)
        {
            double ar = a[i].Real, ai = a[i].Imaginary, br = b[i].Real, bi = b[i].Imaginary;
            re += ar * br - ai * bi;
            im += ar * bi + ai * br;
        }
        return new Complex(re, im);
    }

    /// <summary>
    /// The products both dot products are made of, two complex entries per vector: lanes (ar br, ai bi) summed
    /// in <c>accR</c> and (ar bi, ai br) in <c>accI</c>; the caller combines them with its signs and finishes
    /// the entries from <c>done</c> on. Zero accumulators and <c>done</c> = 0 without 256-bit hardware.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> accR, Vector256<double> accI, int done) PairProducts(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b)
    {
        var accR = Vector256<double>.Zero;
        var accI = Vector256<double>.Zero;
        int n = a.Length, i = 0;
        if (!Vector256.IsHardwareAccelerated || n < 2) return (accR, accI, 0);
        var x = MemoryMarshal.Cast<Complex, double>(a);
        var y = MemoryMarshal.Cast<Complex, double>(b);
        for (; i + 2 <= n; i += 2)
        {
            var va = Vector256.Create(x.Slice(2 * i, 4));
            var vb = Vector256.Create(y.Slice(2 * i, 4));
            accR += va * vb;
            accI += va * SwapPairs(vb);
        }
        return (accR, accI, i);
    }

    /// <summary>y_i ← y_i + c·conj(x_i).</summary>
    public static void AddScaledConj(Span<Complex> y, Complex c, ReadOnlySpan<Complex> x)
    {
        // c·conj(x) = (cr xr + ci xi) + j(ci xr − cr xi): t1 = (cr, −cr), t2 = (ci, ci)
        double cr = c.Real, ci = c.Imaginary;
        AddLaneProducts(y, x, cr, -cr, ci, ci);
    }

    /// <summary>y_i ← y_i + c·x_i.</summary>
    public static void AddScaled(Span<Complex> y, Complex c, ReadOnlySpan<Complex> x)
    {
        // c·x = (cr xr − ci xi) + j(cr xi + ci xr): t1 = (cr, cr), t2 = (−ci, ci)
        double cr = c.Real, ci = c.Imaginary;
        AddLaneProducts(y, x, cr, cr, -ci, ci);
    }

    /// <summary>
    /// y_i ← y_i + t1 ∘ x_i + t2 ∘ swap(x_i) on the (real, imaginary) lanes of each entry:
    /// Re y_i += t1r·Re x_i + t2r·Im x_i, Im y_i += t1i·Im x_i + t2i·Re x_i. Every complex scaling
    /// (with or without conjugation) is one choice of (t1, t2), so the SIMD loop is written once.
    /// </summary>
    private static void AddLaneProducts(Span<Complex> y, ReadOnlySpan<Complex> x, double t1r, double t1i, double t2r, double t2i)
    {
        int n = x.Length, i = 0;
        if (Vector256.IsHardwareAccelerated && n >= 2)
        {
            var yd = MemoryMarshal.Cast<Complex, double>(y);
            var xd = MemoryMarshal.Cast<Complex, double>(x);
            var t1 = Vector256.Create(t1r, t1i, t1r, t1i);
            var t2 = Vector256.Create(t2r, t2i, t2r, t2i);
            for (; i + 2 <= n; i += 2)
            {
                var vx = Vector256.Create(xd.Slice(2 * i, 4));
                var vy = Vector256.Create(yd.Slice(2 * i, 4));
                (vy + t1 * vx + t2 * SwapPairs(vx)).CopyTo(yd.Slice(2 * i, 4));
            }
        }
        for (; i < n; i++)
        {
            double xr = x[i].Real, xi = x[i].Imaginary;
            y[i] += new Complex(t1r * xr + t2r * xi, t1i * xi + t2i * xr);
        }
    }
}
