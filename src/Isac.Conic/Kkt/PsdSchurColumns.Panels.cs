using Isac.Conic.Cones;
using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Kkt;

/// <summary>Fujisawa–Kojima–Nakata's F3 for a short sparse column A_j: the rows of X and W that A_j's
/// entries touch gathered once into contiguous panels, so that each sparse row's entry is a few
/// contiguous dot products.</summary>
internal sealed partial class PsdSchurColumns
{
    /// <summary>
    /// F3 with gathered panels: T[q, b] = X[q, r_b] and U[p, b] = A_j[r_b, s_b] W[p, s_b] over the
    /// entries b = (r_b, s_b) of A_j, so that tr(A_i X A_j W) = Σ_{(p,q)∈A_i} A_i[p,q] ⟨T[q,:], U[p,:]⟩,
    /// contiguous dot products instead of two gathers per term.
    /// </summary>
    private void GatherPanels(PsdRowData dj, double[] t, double[] u)
    {
        int n = _n, nj = dj.FullV.Length;
        int[] jp = dj.FullP, jq = dj.FullQ;
        double[] jv = dj.FullV;
        // By the rows r_b and s_b (X and W are symmetric: X[q, r_b] = X[r_b, q]): nj contiguous rows read,
        // where going down the columns read one cache line per entry (arch0: the gathers were a fifth of
        // the solve).
        for (int b = 0; b < nj; b++)
        {
            ReadOnlySpan<double> xr = _x.AsSpan(jp[b] * n, n), wr = _w.AsSpan(jq[b] * n, n);
            double v = jv[b];
            for (int q = 0, off = b; q < n; q++, off += nj)
            {
                t[off] = xr[q];
                u[off] = v * wr[q];
            }
        }
    }

    /// <summary>m[rowJ + i] += Σ_{(p,q)∈A_i} A_i[p,q] ⟨T[q,:], U[p,:]⟩ for the sparse rows up to
    /// <paramref name="last"/> in the block's order, panels of width 1 or 2.</summary>
    private void ShortPanelEntries(int last, int nj, double[] t, double[] u, double[] m, int rowJ)
    {
        for (int q = 0; q <= last; q++)
        {
            var di = _data[_order[q]];
            if (di.Kind != PsdDataKind.Sparse)
            {
                continue;
            }
            int[] fq = di.FullQ, fp = di.FullP;
            double[] fv = di.FullV;
            double s = 0;
            if (nj == 1)
            {
                for (int a = 0; a < fv.Length; a++)
                {
                    s += fv[a] * t[fq[a]] * u[fp[a]];
                }
            }
            else
            {
                for (int a = 0; a < fv.Length; a++)
                {
                    int tq = 2 * fq[a], up = 2 * fp[a];
                    s += fv[a] * (t[tq] * u[up] + t[tq + 1] * u[up + 1]);
                }
            }
            m[rowJ + di.Row] += s;
        }
    }

    private static double PanelEntry(PsdRowData di, double[] t, double[] u, int nj)
    {
        double s = 0;
        int[] fq = di.FullQ, fp = di.FullP;
        double[] fv = di.FullV;
        if (nj < 8)
        {
            // Short panels (single entries, diagonal constraints): a plain loop beats a SIMD call.
            for (int a = 0; a < fv.Length; a++)
            {
                int tq = fq[a] * nj, up = fp[a] * nj;
                double d = 0;
                for (int b = 0; b < nj; b++)
                {
                    d += t[tq + b] * u[up + b];
                }
                s += fv[a] * d;
            }
            return s;
        }
        for (int a = 0; a < fv.Length; a++)
        {
            s += fv[a] * ManagedKernels.Dot(t.AsSpan(fq[a] * nj, nj), u.AsSpan(fp[a] * nj, nj));
        }
        return s;
    }
}
