namespace Isac.Modeling.Expressions;

/// <summary>The shape of an expression: rows × columns (a scalar is 1×1, a vector n×1).</summary>
/// <param name="Rows">Number of rows.</param>
/// <param name="Cols">Number of columns.</param>
public readonly record struct Shape(int Rows, int Cols)
{
    /// <summary>The 1×1 shape of a scalar.</summary>
    public static Shape Scalar { get; } = new(1, 1);

    /// <summary>Number of entries, rows·cols.</summary>
    public int Size => Rows * Cols;

    /// <summary>True for 1×1.</summary>
    public bool IsScalar => Rows == 1 && Cols == 1;

    /// <summary>True for rows = cols.</summary>
    public bool IsSquare => Rows == Cols;

    /// <summary>True for a column (n×1) or row (1×n) vector, scalars included.</summary>
    public bool IsVector => Rows == 1 || Cols == 1;

    /// <summary>The transposed shape.</summary>
    public Shape Transposed => new(Cols, Rows);

    /// <inheritdoc />
    public override string ToString() => $"{Rows}×{Cols}";
}
