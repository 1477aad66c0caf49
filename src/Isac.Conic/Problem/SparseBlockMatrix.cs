namespace Isac.Conic.Problem;

/// <summary>
/// A symmetric matrix (or a vector) given by a list of entries: for a PSD block each entry
/// (i, j, v) with i ≤ j stands for both A[i,j] and A[j,i]; for a vector block use i = j = index.
/// Repeated positions add up.
/// </summary>
public sealed class SparseBlockMatrix : BlockMatrix
{
    /// <summary>Creates a sparse symmetric matrix from its upper-triangle entries.</summary>
    /// <param name="rows">Row indices i (zero-based).</param>
    /// <param name="columns">Column indices j ≥ i (zero-based).</param>
    /// <param name="values">The entries; same length as the indices.</param>
    public SparseBlockMatrix(int[] rows, int[] columns, double[] values)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        if (rows.Length != columns.Length || rows.Length != values.Length)
        {
            throw new ArgumentException(
                $"rows ({rows.Length}), columns ({columns.Length}) and values ({values.Length}) differ in length");
        }
        for (int k = 0; k < rows.Length; k++)
        {
            if (rows[k] < 0 || columns[k] < rows[k])
            {
                throw new ArgumentException($"entry {k} at ({rows[k]}, {columns[k]}) is not in the upper triangle (0 ≤ i ≤ j)");
            }
        }
        Rows = rows;
        Columns = columns;
        Values = values;
    }

    /// <summary>Set by a producer that guarantees no position repeats (the SDPA reader), so that the
    /// solver skips that check.</summary>
    internal bool DistinctPositions { get; init; }

    /// <summary>A sparse vector (for LP, second-order-cone and free blocks).</summary>
    public static SparseBlockMatrix Vector(int[] indices, double[] values) => new(indices, indices, values);

    /// <summary>A single entry: A[i,j] = A[j,i] = value (i and j in any order).</summary>
    public static SparseBlockMatrix Entry(int i, int j, double value) =>
        new([Math.Min(i, j)], [Math.Max(i, j)], [value]);

    /// <summary>Row indices of the stored entries.</summary>
    public int[] Rows { get; }

    /// <summary>Column indices of the stored entries (≥ the row index).</summary>
    public int[] Columns { get; }

    /// <summary>The stored values.</summary>
    public double[] Values { get; }

    /// <summary>Number of stored entries.</summary>
    public int Count => Values.Length;

    /// <inheritdoc />
    public override void AddTo(Span<double> destination, int size, bool isMatrix, double scale = 1.0)
    {
        for (int k = 0; k < Values.Length; k++)
        {
            double v = scale * Values[k];
            int i = Rows[k], j = Columns[k];
            if (!isMatrix)
            {
                destination[i] += v;
            }
            else
            {
                destination[i * size + j] += v;
                if (i != j)
                {
                    destination[j * size + i] += v;
                }
            }
        }
    }

    /// <inheritdoc />
    public override double Dot(ReadOnlySpan<double> x, int size, bool isMatrix)
    {
        double s = 0;
        for (int k = 0; k < Values.Length; k++)
        {
            int i = Rows[k], j = Columns[k];
            if (!isMatrix)
            {
                s += Values[k] * x[i];
            }
            else
            {
                s += i == j ? Values[k] * x[i * size + i] : Values[k] * (x[i * size + j] + x[j * size + i]);
            }
        }
        return s;
    }

    internal override int MaxIndex => Columns.Length == 0 ? -1 : Columns.Max();

    internal override bool AllFinite => Values.All(double.IsFinite);
}
