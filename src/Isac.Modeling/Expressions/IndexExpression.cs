using Isac.Modeling.Compilation;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Expressions;

/// <summary>The submatrix E[rows, cols] for lists of row and column indices (entries, slices, selections).</summary>
internal sealed class IndexExpression : Expression
{
    private readonly int[] _rows;
    private readonly int[] _cols;
    private readonly string _text;

    public IndexExpression(Expression inner, int[] rows, int[] cols, string text)
        : base(new Shape(rows.Length, cols.Length), inner.IsComplex)
    {
        Inner = inner;
        _rows = rows;
        _cols = cols;
        _text = text;
    }

    public Expression Inner { get; }

    public override Curvature Curvature => Inner.Curvature;

    internal override IEnumerable<Expression> Children => [Inner];

    internal override bool IsHermitian => Inner.IsHermitian && _rows.AsSpan().SequenceEqual(_cols);

    internal override string Describe() => $"{Inner.Format(3)}[{_text}]";

    internal override AffineMap Lower(Lowering context) => AffineAlgebra.Select(context.Lower(Inner), _rows, _cols);

    internal override Matrix<Complex> Evaluate(IValueSource values)
    {
        var v = Inner.Evaluate(values);
        return Matrix<Complex>.Build.Dense(_rows.Length, _cols.Length, (i, j) => v[_rows[i], _cols[j]]);
    }
}
