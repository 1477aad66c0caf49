using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Complex = System.Numerics.Complex;
using static Isac.Core.Numerics.PairedLanes;

namespace Isac.Core.Numerics;

/// <summary>
/// The kernel of <see cref="ComplexVectors.AddOuters"/>: M ← M + Σ_u c_u·x_u·x_uᴴ on the lower triangle of a
/// row-major Hermitian matrix, each row segment held in up to four 256-bit accumulators while the K terms
/// are added (in the order u = 0, 1, …, as K calls of <see cref="ComplexVectors.AddOuter"/> would), so that
/// the matrix is read and written once instead of K times.
/// </summary>
internal static class RankUpdateKernel
{
    public static void Apply(Span<Complex> m, int n, ReadOnlySpan<double> c, IReadOnlyList<Complex[]> x)
    {
        int k = x.Count;
        Span<double> sr = k <= 64 ? stackalloc double[k] : new double[k];
        Span<double> si = k <= 64 ? stackalloc double[k] : new double[k];
        ref double md = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(m));
        for (int i = 0; i < n; i++)
        {
            // row i gains Σ_u s_u·conj(x_u[j]) for j ≤ i, s_u = c_u·x_u[i]
            for (int u = 0; u < k; u++)
            {
                sr[u] = c[u] * x[u][i].Real;
                si[u] = c[u] * x[u][i].Imaginary;
            }
            ref double row = ref Unsafe.Add(ref md, 2 * i * n);
            int width = 2 * (i + 1), col = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                // s·conj(x) = (sr, −sr)·x + (si, si)·swap(x)
                for (; col + 16 <= width; col += 16)
                {
                    var a0 = Vector256.LoadUnsafe(ref row, (nuint)col);
                    var a1 = Vector256.LoadUnsafe(ref row, (nuint)col + 4);
                    var a2 = Vector256.LoadUnsafe(ref row, (nuint)col + 8);
                    var a3 = Vector256.LoadUnsafe(ref row, (nuint)col + 12);
                    for (int u = 0; u < k; u++)
                    {
                        if (c[u] == 0) continue;
                        var t1 = Vector256.Create(sr[u], -sr[u], sr[u], -sr[u]);
                        var t2 = Vector256.Create(si[u]);
                        ref double xu = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetArrayDataReference(x[u]));
                        var x0 = Vector256.LoadUnsafe(ref xu, (nuint)col);
                        var x1 = Vector256.LoadUnsafe(ref xu, (nuint)col + 4);
                        var x2 = Vector256.LoadUnsafe(ref xu, (nuint)col + 8);
                        var x3 = Vector256.LoadUnsafe(ref xu, (nuint)col + 12);
                        a0 = MulAdd(t2, Swap(x0), MulAdd(t1, x0, a0));
                        a1 = MulAdd(t2, Swap(x1), MulAdd(t1, x1, a1));
                        a2 = MulAdd(t2, Swap(x2), MulAdd(t1, x2, a2));
                        a3 = MulAdd(t2, Swap(x3), MulAdd(t1, x3, a3));
                    }
                    a0.StoreUnsafe(ref row, (nuint)col);
                    a1.StoreUnsafe(ref row, (nuint)col + 4);
                    a2.StoreUnsafe(ref row, (nuint)col + 8);
                    a3.StoreUnsafe(ref row, (nuint)col + 12);
                }
                for (; col + 4 <= width; col += 4)
                {
                    var a0 = Vector256.LoadUnsafe(ref row, (nuint)col);
                    for (int u = 0; u < k; u++)
                    {
                        if (c[u] == 0) continue;
                        ref double xu = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetArrayDataReference(x[u]));
                        var x0 = Vector256.LoadUnsafe(ref xu, (nuint)col);
                        a0 = MulAdd(Vector256.Create(si[u]), Swap(x0), MulAdd(Vector256.Create(sr[u], -sr[u], sr[u], -sr[u]), x0, a0));
                    }
                    a0.StoreUnsafe(ref row, (nuint)col);
                }
            }
            for (; col < width; col += 2)
            {
                double yr = Unsafe.Add(ref row, col), yi = Unsafe.Add(ref row, col + 1);
                int j = col / 2;
                for (int u = 0; u < k; u++)
                {
                    if (c[u] == 0) continue;
                    double xr = x[u][j].Real, xi = x[u][j].Imaginary;
                    yr += sr[u] * xr + si[u] * xi;
                    yi += si[u] * xr - sr[u] * xi;
                }
                Unsafe.Add(ref row, col) = yr;
                Unsafe.Add(ref row, col + 1) = yi;
            }
        }
    }
}
