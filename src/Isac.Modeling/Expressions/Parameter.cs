using Isac.Modeling.Compilation;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Expressions;

/// <summary>
/// A constant whose value can be changed between solves without rebuilding the model (the
/// channels of one round of an alternating optimisation, a threshold being swept). Created by
/// <see cref="Model.Parameter(string, Matrix{double}, bool)"/> and its overloads.
/// </summary>
/// <remarks>
/// A parameter counts as a constant for the convexity rules. Its shape and whether it is complex
/// are fixed; a parameter declared nonnegative (scalars) or Hermitian refuses values that are not,
/// so that a model proved convex stays convex. Every <see cref="Model.Solve"/> reads the current
/// values.
/// </remarks>
public sealed class Parameter : Expression
{
    private Matrix<Complex> _value;

    internal Parameter(Model model, string name, Matrix<Complex> value, bool isComplex, bool nonnegative, bool hermitian)
        : base(new Shape(value.RowCount, value.ColumnCount), isComplex)
    {
        Model = model;
        Name = name;
        IsNonnegative = nonnegative;
        IsDeclaredHermitian = hermitian;
        _value = Check(value);
    }

    /// <summary>The name used in messages.</summary>
    public string Name { get; }

    /// <summary>True if declared nonnegative (a real scalar that may scale convex terms).</summary>
    public bool IsNonnegative { get; }

    /// <summary>True if declared Hermitian (real symmetric for a real parameter).</summary>
    public bool IsDeclaredHermitian { get; }

    internal Model Model { get; }

    /// <summary>The current value.</summary>
    public Matrix<Complex> Value => _value;

    /// <summary>Sets a real value of the parameter's shape.</summary>
    public void Set(Matrix<double> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = Check(Numbers.ToComplex(value));
    }

    /// <summary>Sets a complex value of the parameter's shape (a real parameter takes only zero imaginary parts).</summary>
    public void Set(Matrix<Complex> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = Check(value.Clone());
    }

    /// <summary>Sets the value of a 1×1 parameter.</summary>
    public void Set(double value) => _value = Check(Matrix<Complex>.Build.Dense(1, 1, new Complex(value, 0)));

    /// <summary>Sets the value of a 1×1 complex parameter.</summary>
    public void Set(Complex value) => _value = Check(Matrix<Complex>.Build.Dense(1, 1, value));

    /// <summary>Sets the value of a column-vector parameter.</summary>
    public void Set(Vector<Complex> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Set(value.ToColumnMatrix());
    }

    /// <summary>Sets the value of a real column-vector parameter.</summary>
    public void Set(Vector<double> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Set(value.ToColumnMatrix());
    }

    /// <inheritdoc />
    public override Curvature Curvature => Curvature.Constant;

    internal override IEnumerable<Expression> Children => [];

    internal override bool IsHermitian => IsDeclaredHermitian || (Shape.IsScalar && !IsComplex);

    internal override string Describe() => Name;

    internal override AffineMap Lower(Lowering context) => AffineMap.FromConstant(_value);

    internal override Matrix<Complex> Evaluate(IValueSource values) => values.Value(this);

    private Matrix<Complex> Check(Matrix<Complex> value)
    {
        string op = $"parameter '{Name}'";
        if (value.RowCount != Rows || value.ColumnCount != Cols)
        {
            throw new ModelException(op, $"a value of shape {value.RowCount}×{value.ColumnCount} for a parameter of shape {Shape}");
        }
        if (!Numbers.AllFinite(value))
        {
            throw new ModelException(op, "the value contains a NaN or infinite entry");
        }
        if (!IsComplex && Numbers.HasImaginaryPart(value))
        {
            throw new ModelException(op, "a complex value for a real parameter");
        }
        if (IsNonnegative && value[0, 0].Real < 0)
        {
            throw new ModelException(op, $"the value {value[0, 0].Real} is negative but the parameter is declared nonnegative");
        }
        if (IsDeclaredHermitian && !Numbers.IsHermitian(value))
        {
            throw new ModelException(op, "the value is not Hermitian but the parameter is declared Hermitian");
        }
        return value;
    }
}
