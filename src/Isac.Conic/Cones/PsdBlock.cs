using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Cones;

/// <summary>
/// A positive semidefinite block with the HKM direction: H(V) = sym(X V Z⁻¹), so that
/// M_ij = tr(A_i X A_j Z⁻¹); predictor R = −X, corrector R = σμ Z⁻¹ − sym(ΔX_a ΔZ_a Z⁻¹).
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
internal sealed class PsdBlock : ConeBlock
{
    private readonly PsdRowData[] _data;
    private double[] _lx;
    private double[] _lz;
    // The factors of the last interior tests of candidate X and Z (TakeStep's Cholesky tests): when the
    // step is taken, they are the factors of the new iterate, and the next scaling need not factorise it
    // again (two n³/3 factorisations saved per iteration and block).
    private double[] _nextLx;
    private double[] _nextLz;
    private bool _nextLxValid, _nextLzValid, _nextSparseValid;
    private bool _lxCurrent, _lzCurrent;
    private readonly double[] _w;
    private readonly double[] _eig;
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
    private readonly LowRankStack? _stack;
    private readonly DiagonalPlusLowRank? _structure;
    private readonly bool[] _diagonal;

    public PsdBlock(int n, PsdRowData[] data)
        : base(n, n * n, data.Select(d => d.Row).ToArray())
    {
        _data = data;
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
        _stack = LowRankStack.Create(n, data);
        _structure = DiagonalPlusLowRank.TryCreate(n, data);
        _diagonal = Array.ConvertAll(data, d => d.HasDiagonalEntriesOnly());
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
        _lx = new double[n * n];
        _lz = new double[n * n];
        _nextLx = new double[n * n];
        _nextLz = new double[n * n];
        _w = new double[n * n];
        _eig = new double[n];
        _scratchA = new double[n * n];
        _scratchB = new double[n * n];
    }

    // Scratch for one operation at a time on this block (blocks are never shared between threads).
    private readonly double[] _scratchA;
    private readonly double[] _scratchB;

    public override int Degree => Size;

    public IReadOnlyList<PsdRowData> Data => _data;

    /// <summary>Z⁻¹ from the last <see cref="PrepareScaling"/>.</summary>
    public double[] ZInverse => _w;

    /// <summary>Whether the low-rank rows go through the batched products of <see cref="LowRankStack"/>.</summary>
    private bool Batched => _stack is { Batched: true };

    public override void ApplyA(ReadOnlySpan<double> v, Span<double> result)
    {
        bool batched = Batched;
        foreach (var d in _data)
        {
            if (!batched || d.Kind != PsdDataKind.LowRank)
            {
                result[d.Row] += d.Dot(v, Size);
            }
        }
        if (batched)
        {
            _stack!.ApplyA(v, result, Kernels);
        }
    }

    public override void AddAdjoint(ReadOnlySpan<double> y, Span<double> dest)
    {
        bool batched = Batched;
        foreach (var d in _data)
        {
            if (y[d.Row] != 0 && (!batched || d.Kind != PsdDataKind.LowRank))
            {
                d.AddTo(dest, Size, y[d.Row]);
            }
        }
        if (batched)
        {
            _stack!.AddAdjoint(y, dest, Kernels);
        }
    }

    public override void AddRowNorms2(double[] norm2)
    {
        foreach (var d in _data)
        {
            norm2[d.Row] += d.FrobeniusNorm2(Size);
        }
    }

    public override void SetInitialPoint(double alpha, double beta)
    {
        Array.Clear(X);
        Array.Clear(Z);
        for (int i = 0; i < Size; i++)
        {
            X[i * Size + i] = alpha;
            Z[i * Size + i] = beta;
        }
    }

    /// <summary>The sparse handling of Z when the block's aggregate pattern is sparse (decided at the
    /// first scaling, once C is set), else null.</summary>
    private SparseDualSlack? _sparseZ;
    private bool _sparseDecided;

    /// <summary>Whether Z is factorised sparsely (<see cref="SparseDualSlack"/>).</summary>
    public bool SparseDual => _sparseZ is not null;

    /// <summary>Nonzeros of Z's sparse factor (0 when dense).</summary>
    public long SparseFactorNonzeros => _sparseZ?.FactorNonzeros ?? 0;

    /// <summary>Decides, once C and the rows are known, whether Z is factorised sparsely (never when not
    /// <paramref name="allowed"/>).</summary>
    public void DecideSparseDual(bool allowed = true, ParallelOptions? parallel = null)
    {
        if (!_sparseDecided)
        {
            _sparseDecided = true;
            _sparseZ = allowed ? SparseDualSlack.TryCreate(Size, C, _data) : null;
            if (_sparseZ is not null)
            {
                _sparseZ.Parallel = parallel;
            }
        }
    }

    public override bool PrepareScaling(IDenseKernels kernels)
    {
        DecideSparseDual();
        bool xCurrent = _lxCurrent, zCurrent = _lzCurrent;
        _lxCurrent = _lzCurrent = false;
        if (!xCurrent)
        {
            X.CopyTo(_lx, 0);
            if (!kernels.Cholesky(_lx, Size))
            {
                return false;
            }
        }
        if (_sparseZ is { } sparse)
        {
            if (!zCurrent && !sparse.Factorize(Z))
            {
                return false;
            }
            sparse.Inverse(_w);
            return true;
        }
        if (!zCurrent)
        {
            Z.CopyTo(_lz, 0);
            if (!kernels.Cholesky(_lz, Size))
            {
                return false;
            }
        }
        kernels.CholeskyInverse(_lz, Size, _w);
        return true;
    }

    public override void AcceptStep()
    {
        if (_nextLxValid)
        {
            (_lx, _nextLx) = (_nextLx, _lx);
        }
        if (_nextLzValid)
        {
            (_lz, _nextLz) = (_nextLz, _lz);
        }
        _lxCurrent = _nextLxValid;
        _lzCurrent = _sparseZ is null ? _nextLzValid : _nextSparseValid;
        _nextLxValid = _nextLzValid = _nextSparseValid = false;
    }

    public override void ComplementarityRhs(double sigmaMu, bool corrector, ReadOnlySpan<double> affineDy, IDenseKernels kernels)
    {
        int nn = StoredLength;
        if (!corrector)
        {
            for (int k = 0; k < nn; k++)
            {
                R[k] = sigmaMu * _w[k] - X[k];
            }
            return;
        }
        // Corrector, as a correction to the predictor: R = σμ W − sym(ΔX_a ΔZ_a W).
        var g = _scratchB;
        if (_sparseZ is { } sparse)
        {
            sparse.InverseTimes(DZa, DXa, g);    // (ΔX_a ΔZ_a Z⁻¹)ᵀ; only its symmetric part is used
        }
        else if (_structure is { } structure && !affineDy.IsEmpty)
        {
            // ΔZ_a = Σ Δy_i A_i, diagonal plus low rank: one product instead of two.
            structure.Product(DXa, bIsX: false, affineDy, _w, g, _scratchA, kernels);
        }
        else
        {
            kernels.Gemm(Size, Size, Size, 1.0, DZa, _w, 0.0, _scratchA);
            kernels.Gemm(Size, Size, Size, 1.0, DXa, _scratchA, 0.0, g);
        }
        for (int k = 0; k < nn; k++)
        {
            R[k] = sigmaMu * _w[k];
        }
        SubtractSymmetricPart(g, R);
    }

    public override void ApplyH(ReadOnlySpan<double> v, Span<double> result, IDenseKernels kernels)
    {
        // result = sym(X V W)
        if (_sparseZ is { } sparse)
        {
            sparse.InverseTimes(v, X, result);    // (X V Z⁻¹)ᵀ, V = R_d inside the pattern
            Symmetrize(result);
            return;
        }
        var t = _scratchA;
        kernels.Gemm(Size, Size, Size, 1.0, v, _w, 0.0, t);
        kernels.Gemm(Size, Size, Size, 1.0, X, t, 0.0, result);
        Symmetrize(result);
    }

    public override void ApplyHToAdjoint(ReadOnlySpan<double> y, double[]? extra, Span<double> result, IDenseKernels kernels)
    {
        int n = Size;
        if (_structure is { } structure && extra is null && _sparseZ is null)
        {
            // X (D + Σ c u uᵀ) W = (X D) W + Σ c (X u)(W u)ᵀ: one product (gpp: two before, and a dense Σ y_i A_i).
            structure.Product(X, bIsX: true, y, _w, result, _scratchA, kernels);
            Symmetrize(result);
            return;
        }
        var dense = _scratchB;
        bool anyDense = extra is not null, diagonal = extra is null;
        for (int k = 0; k < _data.Length; k++)
        {
            var d = _data[k];
            if (d.Kind != PsdDataKind.LowRank && y[d.Row] != 0)
            {
                anyDense = true;
                diagonal &= _diagonal[k];
            }
        }
        if (anyDense && _sparseZ is { } sparse)
        {
            // Σ y_i A_i (+ extra) lies in Z's pattern: (X V Z⁻¹)ᵀ by a solve with Z's sparse factor.
            if (extra is null)
            {
                Array.Clear(dense);
            }
            else
            {
                extra.CopyTo(dense, 0);
            }
            foreach (var d in _data)
            {
                if (y[d.Row] != 0)
                {
                    d.AddTo(dense, n, y[d.Row]);
                }
            }
            sparse.InverseTimes(dense, X, result);
        }
        else if (anyDense && diagonal)
        {
            // Only diagonal data (paper A's per-BS power rows): X D W = (X D) W, a column scaling and
            // one product instead of two.
            var dvec = _eig;
            Array.Clear(dvec);
            foreach (var d in _data)
            {
                if (d.Kind == PsdDataKind.Sparse && y[d.Row] != 0)
                {
                    for (int e = 0; e < d.V.Length; e++)
                    {
                        dvec[d.P[e]] += y[d.Row] * d.V[e];
                    }
                }
            }
            var xd = _scratchA;
            for (int p = 0; p < n; p++)
            {
                for (int q = 0; q < n; q++)
                {
                    xd[p * n + q] = X[p * n + q] * dvec[q];
                }
            }
            kernels.Gemm(n, n, n, 1.0, xd, _w, 0.0, result);
        }
        else if (anyDense)
        {
            if (extra is null)
            {
                Array.Clear(dense);
            }
            else
            {
                extra.CopyTo(dense, 0);
            }
            foreach (var d in _data)
            {
                if (d.Kind != PsdDataKind.LowRank && y[d.Row] != 0)
                {
                    d.AddTo(dense, n, y[d.Row]);
                }
            }
            var t = _scratchA;
            kernels.Gemm(n, n, n, 1.0, dense, _w, 0.0, t);
            kernels.Gemm(n, n, n, 1.0, X, t, 0.0, result);
        }
        else
        {
            result.Slice(0, StoredLength).Clear();
        }
        // X (d u uᵀ) W = d (X u)(W u)ᵀ with the vectors of PrepareSchur.
        if (Batched)
        {
            _stack!.AddScaledProducts(y, result, kernels);
        }
        for (int k = 0; k < _data.Length && !Batched; k++)
        {
            var d = _data[k];
            double yi = y[d.Row];
            if (d.Kind != PsdDataKind.LowRank || yi == 0)
            {
                continue;
            }
            int start = _stack!.Start[k];
            for (int l = 0; l < d.Rank; l++)
            {
                double c = yi * d.Weights[l];
                ReadOnlySpan<double> xu = _stack.XU.AsSpan((start + l) * n, n), wu = _stack.WU.AsSpan((start + l) * n, n);
                for (int p = 0; p < n; p++)
                {
                    if (xu[p] != 0)
                    {
                        ManagedKernels.Axpy(c * xu[p], wu, result.Slice(p * n, n));
                    }
                }
            }
        }
        Symmetrize(result);
    }

    /// <summary>Below this order the full eigenvalue problem is as cheap as the Lanczos steps.</summary>
    private const int LanczosMinimumOrder = 16;

    private LanczosStep? _lanczos;

    /// <summary>Lanczos steps before the full eigenvalue problem: 40, and up to 120 on large blocks, where
    /// the fallback (a 2n³ sandwich and a 4n³/3 tridiagonalisation) costs as much as hundreds of steps
    /// (3n² each) and re-orthogonalisation (k²n): maxG11 (n = 800) fell back in 6 of 32 step-length tests
    /// at 40 steps.</summary>
    private int LanczosMaximumSteps => Size >= 200 ? Math.Min(120, 40 + Size / 10) : 40;

    public override double MaxStep(double[] d, bool primal, IDenseKernels kernels, bool exact = false)
    {
        if (exact)
        {
            // The estimate led to a point outside the cone: the full problem, and a cold start next time.
            _lanczos?.ForgetWarmStart(primal ? 0 : 1);
            if (!primal && _sparseZ is not null)
            {
                Z.CopyTo(_lz, 0);
                if (!kernels.Cholesky(_lz, Size))
                {
                    return 0;
                }
            }
        }
        else if (!primal && _sparseZ is { } sparse)
        {
            _lanczos ??= new LanczosStep(Size, LanczosMaximumSteps);
            var op = sparse.StepOperator(d);
            double mu = _lanczos.SmallestEigenvalue(ref op, slot: 1);
            if (!double.IsNaN(mu))
            {
                return mu < 0 ? -1.0 / mu : double.PositiveInfinity;
            }
            // Unsettled (rare): the dense factor for the full eigenvalue problem below.
            Z.CopyTo(_lz, 0);
            if (!kernels.Cholesky(_lz, Size))
            {
                return 0;
            }
        }
        else if (Size >= LanczosMinimumOrder)
        {
            // λ_min(L⁻¹ d L⁻ᵀ) by Lanczos (a lower bound, or NaN when unsettled: then the full problem).
            _lanczos ??= new LanczosStep(Size, LanczosMaximumSteps);
            double lambda = _lanczos.SmallestEigenvalue(primal ? _lx : _lz, d, slot: primal ? 0 : 1);
            if (!double.IsNaN(lambda))
            {
                return lambda < 0 ? -1.0 / lambda : double.PositiveInfinity;
            }
        }
        var b = _scratchA;
        d.CopyTo(b, 0);
        kernels.TriangularSandwich(primal ? _lx : _lz, Size, b);
        kernels.SymmetricEigenvalues(b, Size, _eig);
        double min = double.PositiveInfinity;
        for (int i = 0; i < Size; i++)
        {
            min = Math.Min(min, _eig[i]);
        }
        return min < 0 ? -1.0 / min : double.PositiveInfinity;
    }

    public override bool IsInterior(double[] v, bool primal, IDenseKernels kernels)
    {
        if (!primal && _sparseZ is { } sparse)
        {
            return _nextSparseValid = sparse.IsInterior(v);
        }
        var factor = primal ? _nextLx : _nextLz;
        v.CopyTo(factor, 0);
        bool ok = kernels.Cholesky(factor, Size);
        if (primal)
        {
            _nextLxValid = ok;
        }
        else
        {
            _nextLzValid = ok;
        }
        return ok;
    }

    public override double MinEigenvalue(double[] v, IDenseKernels kernels)
    {
        var copy = (double[])v.Clone();
        // Positive definite: no violation, and the eigenvalues (≈ 4n³/3 flops; 2 × 0.7e9 on maxG11) are
        // not needed. Only a failed factorisation asks for λ_min.
        if (kernels.Cholesky(copy, Size))
        {
            return double.Epsilon;
        }
        v.CopyTo(copy, 0);
        kernels.SymmetricEigenvalues(copy, Size, _eig);
        return ArrayMath.Min(_eig);
    }

    public override void PrepareSchur(IDenseKernels kernels, ParallelOptions parallel)
    {
        _stack?.Prepare(X, _w, kernels);
        _structure?.Prepare(X, _w);
    }

    /// <remarks>Writes row j of <paramref name="m"/> (M[j, i] for the rows i not denser than j, by
    /// <see cref="_order"/>); the Schur complement adds the two triangles at the end.</remarks>
    public override void AddSchurColumn(int localJ, double[] m, int mSize, SchurScratch scratch, IDenseKernels kernels)
    {
        int n = Size;
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
        int n = Size, nj = dj.FullV.Length;
        int[] jp = dj.FullP, jq = dj.FullQ;
        double[] jv = dj.FullV;
        for (int q = 0; q < n; q++)
        {
            int row = q * n, off = q * nj;
            for (int b = 0; b < nj; b++)
            {
                t[off + b] = X[row + jp[b]];
                u[off + b] = jv[b] * _w[row + jq[b]];
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
        int n = Size;
        double cvj = _singleCv[last];
        ReadOnlySpan<double> x1 = X.AsSpan(_singleP[last] * n, n), x2 = X.AsSpan(_singleQ[last] * n, n);
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
        double[] x = X, w = _w;
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
        int n = Size;
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
            kernels.Gemm(n, n, n, 1.0, X, t, 0.0, g);
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
                xr[off + c] = X[row + rows[c]];
            }
        }
        kernels.Gemm(n, n, k, 1.0, xr, t, 0.0, g);
    }

    private void Symmetrize(Span<double> a)
    {
        int n = Size;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double v = 0.5 * (a[i * n + j] + a[j * n + i]);
                a[i * n + j] = v;
                a[j * n + i] = v;
            }
        }
    }

    private void SubtractSymmetricPart(double[] g, double[] r)
    {
        int n = Size;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                r[i * n + j] -= 0.5 * (g[i * n + j] + g[j * n + i]);
            }
        }
    }
}
