using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Cones;

/// <summary>
/// The dual slack Z of a PSD block whose data share a sparse aggregate pattern, handled through a sparse
/// Cholesky factor: the HKM products that end in Z⁻¹ become solves with it, and the dual step length and
/// interior test use it, so the only dense n³ work of an iteration on such a block is X's factorisation
/// and its interior test (and the Schur complement's).
/// </summary>
/// <remarks>
/// Z = Σ y_i A_i − C and the dual direction ΔZ = Σ Δy_i A_i + R_d stay inside the pattern P of C and
/// the A_i (plus the diagonal) at every iterate, so a symbolic factorisation of P done once serves every
/// iteration (max-cut relaxations: Z = Diag(y) − C with C a graph's Laplacian; maxG11, n = 800, whose
/// dense iteration did about 12 n³ flops). With V in P and B dense symmetric, X V Z⁻¹-type products are
/// formed transposed, Z⁻¹ (V B) = (B V Z⁻¹)ᵀ: U = V B costs |P|·n, the solve with U's n columns
/// 4·nnz(L)·n, against 4n³ for the two dense products; the callers symmetrise, so the transpose costs
/// nothing.
/// </remarks>
internal sealed class SparseDualSlack
{
    private readonly int _n;
    private readonly SparseCholesky _factor;
    private readonly int[] _rowStart;   // the pattern by rows (full, both triangles, diagonal included)
    private readonly int[] _column;
    private readonly double[] _scratch;
    private readonly double[] _u;
    private readonly double[] _t;

    private SparseDualSlack(int n, SparseCholesky factor, int[] rowStart, int[] column)
    {
        _n = n;
        _factor = factor;
        _rowStart = rowStart;
        _column = column;
        _scratch = new double[n * n];
        _u = new double[n];
        _t = new double[n];
    }

    /// <summary>Below this order the dense kernels are as fast.</summary>
    public const int MinimumOrder = 100;

    /// <summary>The largest share of n² entries the aggregate pattern may have.</summary>
    public const double MaximumDensity = 0.1;

    /// <summary>The largest share of a dense factor's entries the sparse factor may have.</summary>
    public const double MaximumFill = 0.15;

    /// <summary>The sparse handling of Z for a block of order <paramref name="n"/> with objective
    /// <paramref name="c"/> (dense n×n) and data <paramref name="data"/>, or null when the pattern or its
    /// factor is too dense to gain (or the block has dense or low-rank data).</summary>
    public static SparseDualSlack? TryCreate(int n, double[] c, IReadOnlyList<PsdRowData> data)
    {
        if (n < MinimumOrder)
        {
            return null;
        }
        var neighbours = new HashSet<int>[n];
        for (int i = 0; i < n; i++)
        {
            neighbours[i] = [];
        }
        long entries = 0;
        for (int p = 0; p < n; p++)
        {
            for (int q = p + 1; q < n; q++)
            {
                if (c[p * n + q] != 0 || c[q * n + p] != 0)
                {
                    entries += neighbours[p].Add(q) ? 2 : 0;
                    neighbours[q].Add(p);
                }
            }
        }
        foreach (var d in data)
        {
            if (d.Kind != PsdDataKind.Sparse)
            {
                return null;
            }
            for (int e = 0; e < d.P.Length; e++)
            {
                int p = d.P[e], q = d.Q[e];
                if (p != q && neighbours[p].Add(q))
                {
                    neighbours[q].Add(p);
                    entries += 2;
                }
            }
            if (entries > MaximumDensity * n * n)
            {
                return null;
            }
        }
        var factor = SparseCholesky.Analyze(n, neighbours, MaximumFill);
        if (factor is null)
        {
            return null;
        }
        var rowStart = new int[n + 1];
        for (int p = 0; p < n; p++)
        {
            rowStart[p + 1] = rowStart[p] + neighbours[p].Count + 1;
        }
        var column = new int[rowStart[n]];
        for (int p = 0; p < n; p++)
        {
            var cols = neighbours[p].Append(p).ToArray();
            Array.Sort(cols);
            cols.CopyTo(column, rowStart[p]);
        }
        return new SparseDualSlack(n, factor, rowStart, column);
    }

    /// <summary>Nonzeros of the factor (for the banner).</summary>
    public long FactorNonzeros => _factor.FactorNonzeros;

    /// <summary>Factorises Z (dense storage, entries outside the pattern ignored); false if not positive definite.</summary>
    public bool Factorize(ReadOnlySpan<double> z) => _factor.Factorize(z);

    /// <summary>Threads for the solves with many right-hand sides (their columns are independent).</summary>
    public ParallelOptions? Parallel { get; set; }

    /// <summary>w ← Z⁻¹ with the last factorisation.</summary>
    public void Inverse(Span<double> w) => _factor.Inverse(w, _scratch, Parallel);

    /// <summary>result ← Z⁻¹ V B, i.e. (B V Z⁻¹)ᵀ, for V inside the pattern and B symmetric (both dense
    /// n×n storage); the caller symmetrises.</summary>
    public void InverseTimes(ReadOnlySpan<double> v, ReadOnlySpan<double> b, Span<double> result)
    {
        int n = _n;
        // U = V B by the rows of V (row p of U is Σ_q V[p,q] B[q,:]), written straight into elimination
        // order in the scratch, solved there, and put back in the original order.
        var u = _scratch.AsSpan(0, n * n);
        for (int k = 0; k < n; k++)
        {
            int p = _factor.Original(k);
            var uk = u.Slice(k * n, n);
            uk.Clear();
            for (int e = _rowStart[p]; e < _rowStart[p + 1]; e++)
            {
                int q = _column[e];
                double vpq = v[p * n + q];
                if (vpq != 0)
                {
                    ManagedKernels.Axpy(vpq, b.Slice(q * n, n), uk);
                }
            }
        }
        _factor.SolvePermutedRows(u, n, Parallel);
        for (int k = 0; k < n; k++)
        {
            u.Slice(k * n, n).CopyTo(result.Slice(_factor.Original(k) * n, n));
        }
    }

    /// <summary>True if v (dense storage, inside the pattern) is positive definite. Overwrites the factor
    /// of Z, which the iteration no longer needs once the step is being taken.</summary>
    public bool IsInterior(ReadOnlySpan<double> v) => _factor.Factorize(v);

    /// <summary>The operator L⁻¹ P D Pᵀ L⁻ᵀ of the dual step length (P Z Pᵀ = L Lᵀ), for D inside the pattern.</summary>
    public Sandwich StepOperator(double[] d) => new(this, d);

    /// <summary>w ← L⁻¹ P D Pᵀ L⁻ᵀ v, vectors in elimination order.</summary>
    public readonly struct Sandwich(SparseDualSlack owner, double[] d) : LanczosStep.ISymmetricOperator
    {
        public void Apply(ReadOnlySpan<double> v, Span<double> w)
        {
            var o = owner;
            int n = o._n;
            var u = o._u;
            v.CopyTo(u);
            o._factor.SolveUpperPermuted(u);
            // t = D Pᵀ u in the original order, then back to elimination order into w.
            for (int p = 0; p < n; p++)
            {
                double s = 0;
                for (int k = o._rowStart[p]; k < o._rowStart[p + 1]; k++)
                {
                    int q = o._column[k];
                    s += d[p * n + q] * u[o._factor.Position(q)];
                }
                o._t[p] = s;
            }
            for (int k = 0; k < n; k++)
            {
                w[k] = o._t[o._factor.Original(k)];
            }
            o._factor.SolveLowerPermuted(w);
        }
    }
}
