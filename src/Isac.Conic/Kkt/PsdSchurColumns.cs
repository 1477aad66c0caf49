using Isac.Conic.Cones;
using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Kkt;

/// <summary>
/// The Schur complement columns of one PSD block with the HKM direction, M_ij += tr(A_i X A_j W) (W = Z⁻¹),
/// each pair {i, j} of the block's rows formed once, by the denser of the two: the choice of formula per
/// column and the tables it is read from (the block's X and W are read in place). The formulas themselves
/// are in <c>PsdSchurColumns.PairEntries.cs</c>, <c>.Panels.cs</c> (F3) and <c>.DenseProduct.cs</c> (F1).
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
internal sealed partial class PsdSchurColumns : BlockSchurColumns
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
}
