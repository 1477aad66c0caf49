namespace Isac.Conic.Problem;

/// <summary>
/// The coefficient of one block in the objective C or in one constraint matrix A_i: a symmetric
/// matrix for a PSD block, a vector for an LP, second-order-cone or free block.
/// </summary>
/// <remarks>
/// Three representations, chosen by the caller for what the data are (the solver forms the Schur
/// complement differently for each):
/// <list type="bullet">
/// <item><see cref="SparseBlockMatrix"/>: a few entries (i ≤ j for a matrix; i = j = index for a vector);</item>
/// <item><see cref="DenseBlockMatrix"/>: every entry;</item>
/// <item><see cref="LowRankBlockMatrix"/>: Σ_k d_k u_k u_kᵀ with a few vectors u_k (PSD blocks only),
///   what |hᵀw|² and tr(h hᴴ W) terms produce.</item>
/// </list>
/// The arrays handed to a constructor are kept, not copied: do not change them afterwards.
/// Indices are zero-based.
/// </remarks>
public abstract class BlockMatrix
{
    private protected BlockMatrix() { }

    /// <summary>Adds this matrix times <paramref name="scale"/> into a full dense block
    /// (row-major n×n for a PSD block, length n for a vector block).</summary>
    public abstract void AddTo(Span<double> destination, int size, bool isMatrix, double scale = 1.0);

    /// <summary>The inner product ⟨this, X⟩ with a full dense block (trace inner product for matrices).</summary>
    public abstract double Dot(ReadOnlySpan<double> x, int size, bool isMatrix);

    /// <summary>The largest index this matrix touches (checked against the block size).</summary>
    internal abstract int MaxIndex { get; }

    /// <summary>True if every stored number is finite.</summary>
    internal abstract bool AllFinite { get; }
}
