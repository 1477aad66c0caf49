using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Complex = System.Numerics.Complex;
using static Isac.Core.Numerics.PairedLanes;

namespace Isac.Core.Numerics;

/// <summary>
/// The column step of the Cholesky factorisation (<see cref="HermitianCholesky.Factor"/>): the entries
/// L[i,j] = (M[i,j] − Σ_{k&lt;j} L[i,k]·conj(L[j,k])) / L[j,j] of column j, four rows i at a time, so that
/// row j is loaded once per four dot products and the loop overhead of a call per entry (half of a
/// 32×32 factorisation's time) is gone. Fused multiply-adds where the hardware has them.
/// </summary>
internal static class BlockedFactor
{
    private static readonly Vector256<double> ImagSign = Vector256.Create(-1.0, 1.0, -1.0, 1.0);

    /// <summary>Fills L[j+1..n, j] of the row-major <paramref name="m"/> (rows 0..j of L done, L[j,j] = 1/<paramref name="inv"/>).</summary>
    public static void Column(Span<Complex> m, int n, int j, double inv)
    {
        ref double md = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(m));
        ref double rowJ = ref Unsafe.Add(ref md, 2 * j * n);
        int pairs = j / 2;
        int i = j + 1;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 4 <= n; i += 4)
            {
                ref double r0 = ref Unsafe.Add(ref md, 2 * i * n);
                ref double r1 = ref Unsafe.Add(ref r0, 2 * n);
                ref double r2 = ref Unsafe.Add(ref r1, 2 * n);
                ref double r3 = ref Unsafe.Add(ref r2, 2 * n);
                Vector256<double> re0 = default, re1 = default, re2 = default, re3 = default;
                Vector256<double> im0 = default, im1 = default, im2 = default, im3 = default;
                for (int p = 0; p < pairs; p++)
                {
                    // conj(a)·b summed: real part Σ(ar br + ai bi) from a·b, imaginary Σ(ar bi − ai br) from swap(a)·b
                    var a = Vector256.LoadUnsafe(ref rowJ, (nuint)(4 * p));
                    var sa = Swap(a);
                    var b0 = Vector256.LoadUnsafe(ref r0, (nuint)(4 * p));
                    var b1 = Vector256.LoadUnsafe(ref r1, (nuint)(4 * p));
                    var b2 = Vector256.LoadUnsafe(ref r2, (nuint)(4 * p));
                    var b3 = Vector256.LoadUnsafe(ref r3, (nuint)(4 * p));
                    re0 = MulAdd(a, b0, re0); im0 = MulAdd(sa, b0, im0);
                    re1 = MulAdd(a, b1, re1); im1 = MulAdd(sa, b1, im1);
                    re2 = MulAdd(a, b2, re2); im2 = MulAdd(sa, b2, im2);
                    re3 = MulAdd(a, b3, re3); im3 = MulAdd(sa, b3, im3);
                }
                Finish(ref md, ref rowJ, ref r0, n, i, j, 2 * pairs, Vector256.Sum(re0), Vector256.Sum(im0 * ImagSign), inv);
                Finish(ref md, ref rowJ, ref r1, n, i + 1, j, 2 * pairs, Vector256.Sum(re1), Vector256.Sum(im1 * ImagSign), inv);
                Finish(ref md, ref rowJ, ref r2, n, i + 2, j, 2 * pairs, Vector256.Sum(re2), Vector256.Sum(im2 * ImagSign), inv);
                Finish(ref md, ref rowJ, ref r3, n, i + 3, j, 2 * pairs, Vector256.Sum(re3), Vector256.Sum(im3 * ImagSign), inv);
            }
        }
        for (; i < n; i++)
        {
            ref double r = ref Unsafe.Add(ref md, 2 * i * n);
            Finish(ref md, ref rowJ, ref r, n, i, j, 0, 0, 0, inv);
        }
    }

    /// <summary>Adds the terms k ≥ <paramref name="from"/> of the sum to (re, im) and stores L[i,j].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(ref double m, ref double rowJ, ref double rowI, int n, int i, int j, int from, double re, double im, double inv)
    {
        for (int k = from; k < j; k++)
        {
            double ar = Unsafe.Add(ref rowJ, 2 * k), ai = Unsafe.Add(ref rowJ, 2 * k + 1);
            double br = Unsafe.Add(ref rowI, 2 * k), bi = Unsafe.Add(ref rowI, 2 * k + 1);
            re += ar * br + ai * bi;
            im += ar * bi - ai * br;
        }
        ref double target = ref Unsafe.Add(ref m, 2 * (i * n + j));
        target = (target - re) * inv;
        Unsafe.Add(ref target, 1) = (Unsafe.Add(ref target, 1) - im) * inv;
    }
}
