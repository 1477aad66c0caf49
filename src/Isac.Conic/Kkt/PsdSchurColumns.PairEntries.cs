using Isac.Conic.Cones;
using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Kkt;

/// <summary>Schur entries formed pair by pair, without a product per column: a low-rank row against
/// anything (through the vectors X u, W u of the iteration), two one-entry rows (four products read from
/// X and W), and two short sparse rows term by term.</summary>
internal sealed partial class PsdSchurColumns
{
    /// <summary>tr(A_i X A_k W) with A_k = _data[lowRankIndex] low rank and A_i anything.</summary>
    private double LowRankEntry(int lowRankIndex, PsdRowData di, int n)
    {
        var dk = _data[lowRankIndex];
        int start = _stack!.Start[lowRankIndex];
        double s = 0;
        for (int l = 0; l < dk.Rank; l++)
        {
            ReadOnlySpan<double> x = _stack.XU.AsSpan((start + l) * n, n), w = _stack.WU.AsSpan((start + l) * n, n);
            double t;
            if (di.Kind == PsdDataKind.LowRank)
            {
                t = 0;
                for (int q = 0; q < di.Rank; q++)
                {
                    ReadOnlySpan<double> v = di.Vectors.AsSpan(q * n, n);
                    t += di.Weights[q] * ManagedKernels.Dot(v, w) * ManagedKernels.Dot(v, x);
                }
            }
            else
            {
                t = di.Bilinear(w, x, n);
            }
            s += dk.Weights[l] * t;
        }
        return s;
    }

    /// <summary>
    /// Pairs of one-entry rows: with A = c v (e_p e_qᵀ + e_q e_pᵀ) (c = ½ on the diagonal, where the two
    /// terms coincide), tr(A_i X A_j W) = c_i v_i c_j v_j (X[q_i,p_j] W[q_j,p_i] + X[q_i,q_j] W[p_j,p_i]
    /// + X[p_i,p_j] W[q_j,q_i] + X[p_i,q_j] W[p_j,q_i]): four products read from the rows p_j, q_j of X
    /// and W, no call per pair.
    /// </summary>
    private void SingleEntryColumn(int last, double[] m, int rowJ)
    {
        int n = _n;
        double cvj = _singleCv[last];
        ReadOnlySpan<double> x1 = _x.AsSpan(_singleP[last] * n, n), x2 = _x.AsSpan(_singleQ[last] * n, n);
        ReadOnlySpan<double> w1 = _w.AsSpan(_singleQ[last] * n, n), w2 = _w.AsSpan(_singleP[last] * n, n);
        int[] sp = _singleP, sq = _singleQ, srow = _singleRow;
        double[] scv = _singleCv;
        for (int q = 0; q <= last; q++)
        {
            int pi = sp[q], qi = sq[q];
            double t = x1[qi] * w1[pi] + x2[qi] * w2[pi] + x1[pi] * w1[qi] + x2[pi] * w2[qi];
            m[rowJ + srow[q]] += scv[q] * cvj * t;
        }
    }

    private double SparseSparseEntry(PsdRowData di, PsdRowData dj, int n)
    {
        // Σ_{(p,q)∈A_i} A_i[p,q] Σ_{(r,s)∈A_j} X[q,r] A_j[r,s] W[p,s] (W symmetric: rows, not columns).
        double s = 0;
        double[] x = _x, w = _w;
        int[] jp = dj.FullP, jq = dj.FullQ;
        double[] jv = dj.FullV;
        for (int a = 0; a < di.FullV.Length; a++)
        {
            int xq = di.FullQ[a] * n, wp = di.FullP[a] * n;
            double t = 0;
            for (int b = 0; b < jv.Length; b++)
            {
                t += x[xq + jp[b]] * jv[b] * w[wp + jq[b]];
            }
            s += di.FullV[a] * t;
        }
        return s;
    }
}
