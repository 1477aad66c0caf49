namespace Isac.Conic.Cones;

/// <summary>A block's data rows: the constraint matrices A_i restricted to it, and the linear maps
/// A(·) and Aᵀ(·) they define. Each cone stores its rows in the form its kernels read
/// (<see cref="PsdRowData"/>, <see cref="VectorRowData"/>).</summary>
internal abstract partial class ConeBlock
{
    /// <summary>The global constraint rows that touch this block, ascending.</summary>
    public int[] Rows { get; }

    /// <summary>result[i] += ⟨A_i, v⟩ for the rows of this block.</summary>
    public abstract void ApplyA(ReadOnlySpan<double> v, Span<double> result);

    /// <summary>dest += Σ_i y_i A_i over the rows of this block.</summary>
    public abstract void AddAdjoint(ReadOnlySpan<double> y, Span<double> dest);

    /// <summary>norm2[i] += ‖A_i‖² on this block (Frobenius for PSD blocks).</summary>
    public abstract void AddRowNorms2(double[] norm2);

    /// <summary>The position of global row <paramref name="row"/> in <see cref="Rows"/>, or −1.</summary>
    public int LocalIndex(int row)
    {
        int k = Array.BinarySearch(Rows, row);
        return k >= 0 ? k : -1;
    }
}
