using Isac.Conic.Cones;
using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Kkt;

/// <summary>F1 for a dense or long column A_j: G = X A_j W formed once (one or two dense products, or
/// through A_j's nonzero rows only), folded into its upper triangle, so that every row's entry is
/// ⟨A_i, G⟩ read from its upper entries.</summary>
internal sealed partial class PsdSchurColumns
{
    /// <summary>G ← X A_j W.</summary>
    private void FormG(PsdRowData dj, double[] g, double[] t, double[] xPanel, IDenseKernels kernels)
    {
        int n = _n;
        if (dj.Kind == PsdDataKind.Dense || dj.NonzeroRows.Length > n / 2)
        {
            if (dj.Kind == PsdDataKind.Dense || (long)dj.FullV.Length * 4 > (long)n * n)
            {
                double[] a;
                if (dj.Kind == PsdDataKind.Dense)
                {
                    a = dj.Dense;
                }
                else
                {
                    a = g;
                    Array.Clear(a, 0, n * n);
                    dj.AddTo(a, n, 1.0);
                }
                kernels.Gemm(n, n, n, 1.0, a, _w, 0.0, t);
            }
            else
            {
                // Sparse on many rows: T = A_j W row by row (nnz·n) instead of a dense product (n³).
                Array.Clear(t, 0, n * n);
                for (int e = 0; e < dj.FullV.Length; e++)
                {
                    ManagedKernels.Axpy(dj.FullV[e], _w.AsSpan(dj.FullQ[e] * n, n), t.AsSpan(dj.FullP[e] * n, n));
                }
            }
            kernels.Gemm(n, n, n, 1.0, _x, t, 0.0, g);
            return;
        }
        // With R the nonzero rows of A_j: T = A_j[R,:] W (|R|×n, compact) and G = X[:,R] T, one product.
        int[] rows = dj.NonzeroRows;
        int k = rows.Length;
        Array.Clear(t, 0, k * n);
        int[] local = dj.FullPLocal;
        for (int e = 0; e < dj.FullV.Length; e++)
        {
            ManagedKernels.Axpy(dj.FullV[e], _w.AsSpan(dj.FullQ[e] * n, n), t.AsSpan(local[e] * n, n));
        }
        double[] xr = xPanel;
        for (int p = 0; p < n; p++)
        {
            int row = p * n, off = p * k;
            for (int c = 0; c < k; c++)
            {
                xr[off + c] = _x[row + rows[c]];
            }
        }
        kernels.Gemm(n, n, k, 1.0, xr, t, 0.0, g);
    }

    /// <summary>g[p, q] ← g[p, q] + g[q, p] for p &lt; q (the lower triangle is left as it was).</summary>
    private static void FoldIntoUpper(double[] g, int n)
    {
        for (int p = 0; p < n; p++)
        {
            int row = p * n;
            for (int q = p + 1; q < n; q++)
            {
                g[row + q] += g[q * n + p];
            }
        }
    }
}
