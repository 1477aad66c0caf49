using Isac.Conic.Cones;
using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Kkt;

/// <summary>
/// The Schur complement columns of one PSD block with the HKM direction, M_ij += tr(A_i X A_j W) (W = Z⁻¹),
/// each pair {i, j} of the block's rows formed once, by the denser of the two: the choice of formula per
/// column and the tables it is read from (the block's X and W are read in place).
/// </summary>
/// <remarks>
/// Schur complement entries per pair of data kinds (W = Z⁻¹):
/// <list type="bullet">
/// <item>low rank A_j = Σ d_l u_l u_lᵀ: M_ij = Σ_l d_l (W u_l)ᵀ A_i (X u_l), with X u_l and W u_l
///   formed once per iteration; for low-rank A_i too this is Σ_kl d_k d_l (v_kᵀ W u_l)(v_kᵀ X u_l).</item>
/// <item>sparse A_i, A_j with few nonzeros (Fujisawa–Kojima–Nakata F3):
///   Σ_{(p,q)∈A_i} Σ_{(r,s)∈A_j} A_i[p,q] X[q,r] A_j[r,s] W[s,p].</item>
/// <item>otherwise (F1): G = X A_j W once for column j (sparse rows of A_j, or two dense products),
///   then M_ij = ⟨A_i, G⟩.</item>
/// </list>
/// </remarks>
internal sealed class PsdSchurColumns : BlockSchurColumns
{
    private readonly int _n;
    private readonly PsdRowData[] _data;
    private readonly double[] _x;
    private readonly double[] _w;
    private readonly LowRankStack? _stack;
    private readonly int[] _order;
    private readonly int[] _rank;
    private readonly long[] _prefixFull;
    private readonly long[] _prefixUpper;
    private readonly int[] _prefixDense;
    private readonly int[] _prefixLowRank;
    private readonly int[] _singleP;
    private readonly int[] _singleQ;
    private readonly double[] _singleCv;
    private readonly int[] _singleRow;
    private readonly int[] _prefixNotSingle;

    /// <param name="n">The block's order.</param>
    /// <param name="data">Its rows.</param>
    /// <param name="x">Its X (read at every column).</param>
    /// <param name="w">Its Z⁻¹ (read at every column).</param>
    /// <param name="stack">Its low-rank rows' X u and W u, if any.</param>
    public PsdSchurColumns(int n, PsdRowData[] data, double[] x, double[] w, LowRankStack? stack)
    {
        _n = n;
        _data = data;
        _x = x;
        _w = w;
        _stack = stack;
        // Pairs are formed by the denser of the two (Fujisawa–Kojima–Nakata's ordering): a dense or
        // long row forms G = X A_j W once and reads every sparser row's entries off it, and two short
        // rows meet in F3. Sorting by cost makes "the denser" the later one in _order (a stable sort
        // is not needed: equal costs may come in any order).
        _order = new int[data.Length];
        var cost = new long[data.Length];
        for (int k = 0; k < data.Length; k++)
        {
            _order[k] = k;
            cost[k] = data[k].Kind switch
            {
                PsdDataKind.Sparse => data[k].FullV.Length,
                PsdDataKind.Dense => (long)n * n,
                _ => (long)data[k].Rank * n,
            };
        }
        // Only where densities differ by an order of magnitude (qap's and gpp's dense rows among
        // single entries): among rows of similar size the order changes nothing in cost but the
        // rounding of M, and ss30 (25-74 entries per row) then stalled at 1e-6 primal infeasibility.
        long minCost = long.MaxValue, maxCost = 0;
        foreach (long c in cost)
        {
            minCost = Math.Min(minCost, c);
            maxCost = Math.Max(maxCost, c);
        }
        if (maxCost > 8 * minCost)
        {
            Array.Sort(cost, _order);
        }
        _rank = new int[data.Length];
        for (int q = 0; q < _order.Length; q++)
        {
            _rank[_order[q]] = q;
        }
        // Prefix counts over _order, so that a column's F3/F1 costs over the rows it pairs with (a
        // prefix of _order) are read, not summed again for every column and iteration.
        _prefixFull = new long[data.Length + 1];
        _prefixUpper = new long[data.Length + 1];
        _prefixDense = new int[data.Length + 1];
        _prefixLowRank = new int[data.Length + 1];
        for (int q = 0; q < _order.Length; q++)
        {
            var d = data[_order[q]];
            bool sparse = d.Kind == PsdDataKind.Sparse;
            _prefixFull[q + 1] = _prefixFull[q] + (sparse ? d.FullV.Length : 0);
            _prefixUpper[q + 1] = _prefixUpper[q] + (sparse ? d.V.Length : 0);
            _prefixDense[q + 1] = _prefixDense[q] + (d.Kind == PsdDataKind.Dense ? 1 : 0);
            _prefixLowRank[q + 1] = _prefixLowRank[q] + (d.Kind == PsdDataKind.LowRank ? 1 : 0);
        }
        // Rows with one entry (p, q) on this block, in _order, as flat arrays for the pair formula of
        // SingleEntryColumn; c·v holds the value, halved on the diagonal.
        _singleP = new int[data.Length];
        _singleQ = new int[data.Length];
        _singleCv = new double[data.Length];
        _singleRow = new int[data.Length];
        _prefixNotSingle = new int[data.Length + 1];
        for (int q = 0; q < _order.Length; q++)
        {
            var d = data[_order[q]];
            bool single = d.Kind == PsdDataKind.Sparse && d.V.Length == 1;
            _prefixNotSingle[q + 1] = _prefixNotSingle[q] + (single ? 0 : 1);
            if (single)
            {
                _singleP[q] = d.P[0];
                _singleQ[q] = d.Q[0];
                _singleCv[q] = d.P[0] == d.Q[0] ? 0.5 * d.V[0] : d.V[0];
                _singleRow[q] = d.Row;
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>Writes row j of <paramref name="m"/> (M[j, i] for the rows i not denser than j, by
    /// <see cref="_order"/>); the Schur complement adds the two triangles at the end.</remarks>
    public override void AddColumn(int localJ, double[] m, int mSize, SchurScratch scratch, IDenseKernels kernels)
    {
        int n = _n;
        var dj = _data[localJ];
        int rowJ = dj.Row * mSize;
        int last = _rank[localJ];
        if (dj.Kind == PsdDataKind.LowRank)
        {
            for (int q = 0; q <= last; q++)
            {
                int li = _order[q];
                m[rowJ + _data[li].Row] += LowRankEntry(localJ, _data[li], n);
            }
            return;
        }
        if (_prefixNotSingle[last + 1] == 0)
        {
            // A_j and every row it pairs with have one entry each (truss, mcp, most of qap and theta).
            SingleEntryColumn(last, m, rowJ);
            return;
        }
        // Pairs with a low-rank A_i use A_i's factors; the rest by F3 or F1, whichever is cheaper.
        if (_prefixLowRank[last + 1] > 0)
        {
            for (int q = 0; q <= last; q++)
            {
                int li = _order[q];
                if (_data[li].Kind == PsdDataKind.LowRank)
                {
                    m[rowJ + _data[li].Row] += LowRankEntry(li, dj, n);
                }
            }
        }
        bool anyDense = dj.Kind == PsdDataKind.Dense || _prefixDense[last + 1] > 0;
        // F3 with panels (A_j with at most n entries) runs contiguous SIMD dots; without them every term is
        // two gathers, about four times a GEMM flop of F1 (control3's first columns chose it by the bare
        // counts, 18 % of the instructions).
        double f3 = (double)_prefixFull[last + 1] * dj.FullV.Length * (dj.FullV.Length <= n ? 1 : 4);
        double f1Inner = _prefixUpper[last + 1];
        double f1 = dj.Kind == PsdDataKind.Dense || dj.NonzeroRows.Length > n / 2 ? 4.0 * n * n * n
            : 2.0 * n * n * dj.NonzeroRows.Length + (double)dj.FullV.Length * n;
        if (!anyDense && f3 <= f1 + f1Inner)
        {
            int nj = dj.FullV.Length;
            if (nj <= n)
            {
                GatherPanels(dj, scratch.T, scratch.G);
            }
            if (nj <= 2)
            {
                // One entry of A_j (truss: one per row and block, 100k such pairs per iteration): the
                // panel products written out, without a call per pair.
                ShortPanelEntries(last, nj, scratch.T, scratch.G, m, rowJ);
                return;
            }
            for (int q = 0; q <= last; q++)
            {
                var di = _data[_order[q]];
                if (di.Kind == PsdDataKind.Sparse)
                {
                    m[rowJ + di.Row] += nj <= n
                        ? PanelEntry(di, scratch.T, scratch.G, nj)
                        : SparseSparseEntry(di, dj, n);
                }
            }
            return;
        }
        // A shadowed low-rank row keeps its entries here: G = Σ d (X u)(W u)ᵀ loses the digits the Schur
        // complement needs as u approaches X's null space (gpp250-1 stalled at 1.2e-6 with it).
        double[] g = scratch.G;
        FormG(dj, g, scratch.T, scratch.XPanel, kernels);
        // ⟨A_i, G⟩ = ⟨A_i, sym G⟩: fold G into its upper triangle once (G_pq + G_qp above the diagonal), then
        // every row's inner product is one gather over its upper entries (control3: these inner
        // products, two scattered reads per entry, were a third of the instructions).
        FoldIntoUpper(g, n);
        for (int q = 0; q <= last; q++)
        {
            var di = _data[_order[q]];
            if (di.Kind != PsdDataKind.LowRank)
            {
                m[rowJ + di.Row] += di.DotFoldedUpper(g, n);
            }
        }
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
}
