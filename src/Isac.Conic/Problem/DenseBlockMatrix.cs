namespace Isac.Conic.Problem;

/// <summary>
/// A block given in full: a symmetric n×n matrix stored row-major (n² numbers) for a PSD block,
/// or a vector of n numbers for a vector block.
/// </summary>
public sealed class DenseBlockMatrix : BlockMatrix
{
    /// <summary>Creates a dense block from its values (row-major n×n, or a length-n vector).</summary>
    public DenseBlockMatrix(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values;
    }

    /// <summary>Creates a dense symmetric matrix from a two-dimensional array.</summary>
    public static DenseBlockMatrix FromArray(double[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = matrix.GetLength(0);
        if (matrix.GetLength(1) != n)
        {
            throw new ArgumentException($"the matrix is {n}×{matrix.GetLength(1)}, not square");
        }
        var v = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                v[i * n + j] = matrix[i, j];
            }
        }
        return new DenseBlockMatrix(v);
    }

    /// <summary>The values: row-major n×n (symmetric) or a length-n vector.</summary>
    public double[] Values { get; }

    /// <inheritdoc />
    public override void AddTo(Span<double> destination, int size, bool isMatrix, double scale = 1.0)
    {
        for (int k = 0; k < Values.Length; k++)
        {
            destination[k] += scale * Values[k];
        }
    }

    /// <inheritdoc />
    public override double Dot(ReadOnlySpan<double> x, int size, bool isMatrix)
    {
        double s = 0;
        for (int k = 0; k < Values.Length; k++)
        {
            s += Values[k] * x[k];
        }
        return s;
    }

    internal override int MaxIndex => -1;

    internal override bool AllFinite => Values.All(double.IsFinite);
}
