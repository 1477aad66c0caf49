using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Kkt;

/// <summary>
/// One block's share of the Schur complement M_ij = Σ_blocks ⟨A_i, H(A_j)⟩: for each of its rows j,
/// the entries against the block's other rows, formed from the scaling the block holds. Kept apart from
/// the cone (Cones/) because this is where the time of most solves goes and where the formulas per data
/// structure live.
/// </summary>
internal abstract class BlockSchurColumns
{
    /// <summary>Adds this block's Schur complement entries for its local row <paramref name="localJ"/>
    /// (global row j) into row j of <paramref name="m"/> (M[j, i]), each pair {i, j} of the block once (by
    /// one of its two rows); <see cref="SchurComplement"/> then adds the two triangles. Only the thread
    /// forming row j writes there.</summary>
    /// <param name="localJ">The row's position in the block's rows.</param>
    /// <param name="m">The m×m matrix, row-major.</param>
    /// <param name="mSize">m.</param>
    /// <param name="scratch">This thread's scratch.</param>
    /// <param name="kernels">The dense kernels.</param>
    public abstract void AddColumn(int localJ, double[] m, int mSize, SchurScratch scratch, IDenseKernels kernels);
}
