using Isac.Modeling.Compilation;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Expressions;

/// <summary>A constant matrix (a copy of the data it was made from), optionally named for messages.</summary>
public sealed class ConstantExpression : Expression
{
    private readonly bool _hermitian;

    internal ConstantExpression(Matrix<Complex> value, bool isComplex, string? name)
        : base(new Shape(value.RowCount, value.ColumnCount), isComplex)
    {
        if (!Numbers.AllFinite(value))
        {
            throw new ModelException("constant", $"{name ?? "a constant"} ({value.RowCount}×{value.ColumnCount}) contains a NaN or infinite entry");
        }
        Value = value;
        Name = name;
        _hermitian = Numbers.IsHermitian(value);
    }

    /// <summary>The value.</summary>
    public Matrix<Complex> Value { get; }

    /// <summary>The name given to the constant, if any.</summary>
    public string? Name { get; }

    /// <inheritdoc />
    public override Curvature Curvature => Curvature.Constant;

    internal override IEnumerable<Expression> Children => [];

    internal override bool IsHermitian => _hermitian;

    /// <summary>The sign of a real scalar constant (+1, −1, 0), or null when not a real scalar.</summary>
    internal int? ScalarSign => Shape.IsScalar && Value[0, 0].Imaginary == 0 ? Math.Sign(Value[0, 0].Real) : null;

    internal override string Describe() =>
        Name ?? (Shape.IsScalar ? Numbers.Format(Value[0, 0]) : $"[{Shape} {(IsComplex ? "complex" : "real")} constant]");

    internal override AffineMap Lower(Lowering context) => AffineMap.FromConstant(Value);

    internal override Matrix<Complex> Evaluate(IValueSource values) => Value;
}
