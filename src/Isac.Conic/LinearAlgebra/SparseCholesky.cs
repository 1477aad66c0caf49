namespace Isac.Conic.LinearAlgebra;

/// <summary>
/// Cholesky factorisation P A Pᵀ = L Lᵀ of a symmetric positive definite matrix with a fixed sparsity
/// pattern: a minimum-degree ordering and the pattern of L are computed once (symbolic phase), then
/// each <see cref="Factorize"/> reads the values from a dense row-major n×n array and factorises them
/// on that pattern (numeric phase, left-looking by columns).
/// </summary>
/// <remarks>
/// Used for the dual slack Z of a PSD block whose data (C and every A_i) share a sparse aggregate
/// pattern, as in max-cut relaxations (Z = Diag(y) − C with C a graph's Laplacian): Z stays inside that
/// pattern at every iterate, and its factor has far fewer nonzeros than the n²/2 of a dense one
/// (maxG11, n = 800: see <see cref="FactorNonzeros"/>). Solves with many right-hand sides work on the
/// rows of a row-major n×k array, so that every nonzero of L updates a contiguous row of k numbers.
/// The ordering is the exact minimum degree on the elimination graph (ties by index), adequate for the
/// sizes here (n in the thousands); a column's pattern in L is its neighbour set when eliminated.
/// </remarks>
internal sealed class SparseCholesky
{
    private readonly int _n;
    private readonly int[] _perm;      // _perm[k] = original index of the k-th eliminated node
    private readonly int[] _inverse;   // _inverse[original] = k
    private readonly int[] _colStart;  // CSC of L (strictly below the diagonal), permuted indices, rows ascending
    private readonly int[] _rowIndex;
    private readonly double[] _values;
    private readonly double[] _diagonal;
    private readonly int[] _rowStart;  // the same nonzeros by rows: for row j, the columns k < j with L_jk ≠ 0
    private readonly int[] _rowColumn;
    private readonly int[] _rowSlot;   // position of (j, k) in column k's arrays
    private readonly int[] _gather;    // for each stored entry (diagonal first, then CSC order), its index in a dense n×n array
    private readonly double[] _work;

    private SparseCholesky(int n, int[] perm, List<int>[] columns)
    {
        _n = n;
        _perm = perm;
        _inverse = new int[n];
        for (int k = 0; k < n; k++)
        {
            _inverse[perm[k]] = k;
        }
        _colStart = new int[n + 1];
        for (int k = 0; k < n; k++)
        {
            _colStart[k + 1] = _colStart[k] + columns[k].Count;
        }
        int nnz = _colStart[n];
        _rowIndex = new int[nnz];
        _values = new double[nnz];
        _diagonal = new double[n];
        var rowCount = new int[n + 1];
        for (int k = 0; k < n; k++)
        {
            columns[k].Sort();
            for (int t = 0; t < columns[k].Count; t++)
            {
                _rowIndex[_colStart[k] + t] = columns[k][t];
                rowCount[columns[k][t] + 1]++;
            }
        }
        _rowStart = new int[n + 1];
        for (int j = 0; j < n; j++)
        {
            _rowStart[j + 1] = _rowStart[j] + rowCount[j + 1];
        }
        _rowColumn = new int[nnz];
        _rowSlot = new int[nnz];
        var fill = (int[])_rowStart.Clone();
        for (int k = 0; k < n; k++)
        {
            for (int p = _colStart[k]; p < _colStart[k + 1]; p++)
            {
                int j = _rowIndex[p];
                _rowColumn[fill[j]] = k;
                _rowSlot[fill[j]] = p;
                fill[j]++;
            }
        }
        _gather = new int[n + nnz];
        for (int k = 0; k < n; k++)
        {
            _gather[k] = perm[k] * n + perm[k];
            for (int p = _colStart[k]; p < _colStart[k + 1]; p++)
            {
                _gather[n + p] = perm[_rowIndex[p]] * n + perm[k];
            }
        }
        _work = new double[n];
    }

    /// <summary>The order.</summary>
    public int Order => _n;

    /// <summary>Nonzeros of L, the diagonal included.</summary>
    public long FactorNonzeros => _n + _colStart[_n];

    /// <summary>
    /// The symbolic factorisation for the symmetric pattern given by <paramref name="neighbours"/>
    /// (for each index the others it is coupled to; the diagonal is implied), or null when L would hold
    /// more than <paramref name="maxFill"/> of the n(n+1)/2 entries of a dense factor (then a dense
    /// factorisation is the better choice).
    /// </summary>
    public static SparseCholesky? Analyze(int n, IReadOnlyList<IReadOnlyCollection<int>> neighbours, double maxFill)
    {
        var adjacency = new HashSet<int>[n];
        for (int i = 0; i < n; i++)
        {
            adjacency[i] = new HashSet<int>(neighbours[i]);
            adjacency[i].Remove(i);
        }
        long limit = (long)(maxFill * n * (n + 1) / 2.0);
        long stored = n;
        var eliminated = new bool[n];
        var perm = new int[n];
        var columns = new List<int>[n];
        var position = new int[n];
        // Degrees in buckets for a cheap minimum; stale entries are skipped when popped.
        var degree = new int[n];
        var buckets = new List<List<int>>();
        void Push(int v)
        {
            while (buckets.Count <= degree[v])
            {
                buckets.Add([]);
            }
            buckets[degree[v]].Add(v);
        }
        for (int v = 0; v < n; v++)
        {
            degree[v] = adjacency[v].Count;
            Push(v);
        }
        int smallest = 0;
        for (int k = 0; k < n; k++)
        {
            int v = -1;
            while (v < 0)
            {
                while (buckets[smallest].Count == 0)
                {
                    smallest++;
                }
                var bucket = buckets[smallest];
                int cand = bucket[^1];
                bucket.RemoveAt(bucket.Count - 1);
                if (!eliminated[cand] && degree[cand] == smallest)
                {
                    v = cand;
                }
            }
            eliminated[v] = true;
            perm[k] = v;
            position[v] = k;
            var nb = adjacency[v];
            stored += nb.Count;
            if (stored > limit)
            {
                return null;
            }
            // The neighbours become a clique (the fill of eliminating v) and lose v.
            var list = new int[nb.Count];
            nb.CopyTo(list);
            foreach (int a in list)
            {
                var adj = adjacency[a];
                adj.Remove(v);
                foreach (int b in list)
                {
                    if (b != a)
                    {
                        adj.Add(b);
                    }
                }
                degree[a] = adj.Count;
                Push(a);
                smallest = Math.Min(smallest, degree[a]);
            }
            columns[k] = [.. list];
            adjacency[v] = [];
        }
        // Column k's rows were recorded as original indices: map them to elimination positions.
        for (int k = 0; k < n; k++)
        {
            for (int t = 0; t < columns[k].Count; t++)
            {
                columns[k][t] = position[columns[k][t]];
            }
        }
        return new SparseCholesky(n, perm, columns);
    }

    /// <summary>Factorises the matrix held in the dense row-major <paramref name="a"/> (only the entries of
    /// the pattern are read); false if it is not positive definite.</summary>
    public bool Factorize(ReadOnlySpan<double> a)
    {
        int n = _n;
        var x = _work;
        for (int j = 0; j < n; j++)
        {
            // Column j of A below the diagonal, scattered into x; the diagonal separately.
            double d = a[_gather[j]];
            for (int p = _colStart[j]; p < _colStart[j + 1]; p++)
            {
                x[_rowIndex[p]] = a[_gather[n + p]];
            }
            // Left-looking: subtract L[j:, k] L[j, k] for every earlier column k with L_jk ≠ 0.
            for (int r = _rowStart[j]; r < _rowStart[j + 1]; r++)
            {
                int k = _rowColumn[r];
                int pj = _rowSlot[r];
                double ljk = _values[pj];
                d -= ljk * ljk;
                int end = _colStart[k + 1];
                for (int p = pj + 1; p < end; p++)
                {
                    x[_rowIndex[p]] -= _values[p] * ljk;
                }
            }
            if (!(d > 0) || !double.IsFinite(d))
            {
                for (int p = _colStart[j]; p < _colStart[j + 1]; p++)
                {
                    x[_rowIndex[p]] = 0;
                }
                return false;
            }
            double ljj = Math.Sqrt(d);
            _diagonal[j] = ljj;
            double inv = 1 / ljj;
            for (int p = _colStart[j]; p < _colStart[j + 1]; p++)
            {
                int i = _rowIndex[p];
                _values[p] = x[i] * inv;
                x[i] = 0;
            }
        }
        return true;
    }

    /// <summary>B ← A⁻¹ B for the row-major n×k array <paramref name="b"/> (k right-hand sides as its
    /// columns; row i holds entry i of each), with the last factorisation.</summary>
    public void SolveRows(Span<double> b, int k, Span<double> scratch, ParallelOptions? parallel = null)
    {
        int n = _n;
        // Permuted copy: row p of the scratch is row perm[p] of B.
        for (int p = 0; p < n; p++)
        {
            b.Slice(_perm[p] * k, k).CopyTo(scratch.Slice(p * k, k));
        }
        SolvePermutedRows(scratch, k, parallel);
        for (int p = 0; p < n; p++)
        {
            scratch.Slice(p * k, k).CopyTo(b.Slice(_perm[p] * k, k));
        }
    }

    /// <summary>B ← (L Lᵀ)⁻¹ B for B already in elimination order (row p is position p). The k columns are
    /// independent: with <paramref name="parallel"/> and enough of them they are split between threads.</summary>
    public void SolvePermutedRows(Span<double> b, int k, ParallelOptions? parallel = null)
    {
        int workers = parallel is null ? 1 : Math.Min(parallel.MaxDegreeOfParallelism, k / 128);
        if (workers <= 1)
        {
            SolveColumns(b, k, 0, k);
            return;
        }
        // Pinned so that each worker can take a span of the same memory.
        unsafe
        {
            fixed (double* pb = b)
            {
                nint address = (nint)pb;
                int length = b.Length;
                Parallel.For(0, workers, parallel!, w =>
                {
                    int from = k * w / workers, to = k * (w + 1) / workers;
                    SolveColumns(new Span<double>((void*)address, length), k, from, to);
                });
            }
        }
    }

    /// <summary>Columns [from, to) of the permuted rows: forward L, then back Lᵀ.</summary>
    private void SolveColumns(Span<double> b, int k, int from, int to)
    {
        int n = _n, width = to - from;
        // L Y = B by columns of L: row j is final once every earlier column has been applied.
        for (int j = 0; j < n; j++)
        {
            var rj = b.Slice(j * k + from, width);
            Scale(rj, 1 / _diagonal[j]);
            for (int p = _colStart[j]; p < _colStart[j + 1]; p++)
            {
                ManagedKernels.Axpy(-_values[p], rj, b.Slice(_rowIndex[p] * k + from, width));
            }
        }
        // Lᵀ Z = Y: row j takes the contributions of the later rows in column j, then its diagonal.
        for (int j = n - 1; j >= 0; j--)
        {
            var rj = b.Slice(j * k + from, width);
            for (int p = _colStart[j]; p < _colStart[j + 1]; p++)
            {
                ManagedKernels.Axpy(-_values[p], b.Slice(_rowIndex[p] * k + from, width), rj);
            }
            Scale(rj, 1 / _diagonal[j]);
        }
    }

    /// <summary>inverse ← A⁻¹ (dense n×n) with the last factorisation: the permuted identity solved in
    /// <paramref name="scratch"/>, then its rows put back in the original order.</summary>
    public void Inverse(Span<double> inverse, Span<double> scratch, ParallelOptions? parallel = null)
    {
        int n = _n;
        scratch.Slice(0, n * n).Clear();
        for (int p = 0; p < n; p++)
        {
            scratch[p * n + _perm[p]] = 1;
        }
        SolvePermutedRows(scratch, n, parallel);
        for (int p = 0; p < n; p++)
        {
            scratch.Slice(p * n, n).CopyTo(inverse.Slice(_perm[p] * n, n));
        }
    }

    /// <summary>v ← L⁻ᵀ v in the permuted order (v indexed by elimination position).</summary>
    public void SolveUpperPermuted(Span<double> v)
    {
        for (int j = _n - 1; j >= 0; j--)
        {
            double s = v[j];
            for (int p = _colStart[j]; p < _colStart[j + 1]; p++)
            {
                s -= _values[p] * v[_rowIndex[p]];
            }
            v[j] = s / _diagonal[j];
        }
    }

    /// <summary>v ← L⁻¹ v in the permuted order.</summary>
    public void SolveLowerPermuted(Span<double> v)
    {
        for (int j = 0; j < _n; j++)
        {
            double vj = v[j] / _diagonal[j];
            v[j] = vj;
            if (vj != 0)
            {
                for (int p = _colStart[j]; p < _colStart[j + 1]; p++)
                {
                    v[_rowIndex[p]] -= _values[p] * vj;
                }
            }
        }
    }

    /// <summary>The original index of elimination position <paramref name="k"/>.</summary>
    public int Original(int k) => _perm[k];

    /// <summary>The elimination position of original index <paramref name="i"/>.</summary>
    public int Position(int i) => _inverse[i];

    private static void Scale(Span<double> v, double s)
    {
        for (int i = 0; i < v.Length; i++)
        {
            v[i] *= s;
        }
    }
}
