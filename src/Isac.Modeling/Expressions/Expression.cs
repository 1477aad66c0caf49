using Isac.Modeling.Compilation;
using Isac.Modeling.Constraints;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Expressions;

/// <summary>
/// A matrix-valued expression in the model's variables: a variable, a constant or parameter, an
/// affine combination of expressions, or an atom (norm, absolute value, quadratic over linear,
/// maximum, minimum, extreme eigenvalue). Scalars are 1×1, vectors n×1.
/// </summary>
/// <remarks>
/// <para>Expressions are immutable trees built with operators and the functions of <see cref="Expr"/>.
/// <c>+ − *</c> follow matrix algebra (a 1×1 operand is broadcast in sums and comparisons; a product
/// needs a constant on one side), <c>/</c> divides by a constant scalar. Comparisons build
/// constraints: <c>a == b</c>, <c>a &lt;= b</c>, <c>a &gt;= b</c> entrywise, <c>a &gt;&gt; b</c> and
/// <c>a &lt;&lt; b</c> the semidefinite order (a − b ⪰ 0, b − a ⪰ 0) on Hermitian or real symmetric
/// matrices. Numbers, complex numbers and Math.NET matrices and vectors convert implicitly to
/// constants.</para>
/// <para>Shape errors are thrown when the expression is built (<see cref="ModelException"/>, naming
/// the operation and both shapes); convexity is checked when a constraint or objective is handed
/// to the <see cref="Model"/>.</para>
/// </remarks>
public abstract class Expression
{
    private protected Expression(Shape shape, bool isComplex)
    {
        Shape = shape;
        IsComplex = isComplex;
    }

    /// <summary>Rows × columns.</summary>
    public Shape Shape { get; }

    /// <summary>Number of rows.</summary>
    public int Rows => Shape.Rows;

    /// <summary>Number of columns.</summary>
    public int Cols => Shape.Cols;

    /// <summary>True if the value may be complex; false for real-valued expressions.</summary>
    public bool IsComplex { get; }

    /// <summary>The curvature the DCP rules prove for this expression.</summary>
    public abstract Curvature Curvature { get; }

    /// <summary>The expression transposed, Eᵀ.</summary>
    public Expression T => Expr.Transpose(this);

    /// <summary>The conjugate transpose, Eᴴ.</summary>
    public Expression H => Expr.ConjugateTranspose(this);

    /// <summary>The entry (i, j), zero-based.</summary>
    public Expression this[int i, int j] => Expr.Index(this, i, j);

    /// <summary>Entry i of a row or column vector, zero-based.</summary>
    public Expression this[int i] => Expr.Index(this, i);

    /// <summary>The submatrix of the given row and column ranges.</summary>
    public Expression this[Range rows, Range cols] => Expr.Slice(this, rows, cols);

    /// <summary>The entries of a vector in the given range.</summary>
    public Expression this[Range range] => Expr.Slice(this, range);

    /// <summary>The entrywise complex conjugate.</summary>
    public Expression Conj() => Expr.Conj(this);

    /// <summary>The entrywise real part.</summary>
    public Expression Re() => Expr.Re(this);

    /// <summary>The entrywise imaginary part.</summary>
    public Expression Im() => Expr.Im(this);

    /// <summary>The trace of a square expression.</summary>
    public Expression Trace() => Expr.Trace(this);

    /// <summary>The sum of all entries.</summary>
    public Expression Sum() => Expr.SumEntries(this);

    /// <summary>Sum (a 1×1 operand is broadcast).</summary>
    public static Expression operator +(Expression a, Expression b) => Expr.Add(a, b);

    /// <summary>Difference (a 1×1 operand is broadcast).</summary>
    public static Expression operator -(Expression a, Expression b) => Expr.Subtract(a, b);

    /// <summary>Negation.</summary>
    public static Expression operator -(Expression a) => Expr.Scale(-1.0, a);

    /// <summary>Matrix product (one side constant), or scaling by a 1×1 factor.</summary>
    public static Expression operator *(Expression a, Expression b) => Expr.Multiply(a, b);

    /// <summary>Division by a constant scalar.</summary>
    public static Expression operator /(Expression a, Expression b) => Expr.Divide(a, b);

    /// <summary>The equality constraint a = b (entrywise).</summary>
    public static Constraint operator ==(Expression a, Expression b) => new EqualityConstraint(a, b);

    /// <summary>Not a convex constraint: always throws <see cref="ModelException"/>.</summary>
    public static Constraint operator !=(Expression a, Expression b) =>
        throw new ModelException("≠", $"'{a}' ≠ '{b}' is not a convex constraint; use ==, <=, >= or >>");

    /// <summary>The inequality a ≤ b (entrywise, real expressions).</summary>
    public static Constraint operator <=(Expression a, Expression b) => new InequalityConstraint(a, b);

    /// <summary>The inequality a ≥ b (entrywise, real expressions).</summary>
    public static Constraint operator >=(Expression a, Expression b) => new InequalityConstraint(b, a);

    /// <summary>The linear matrix inequality a ⪰ b (a − b Hermitian or real symmetric, positive semidefinite).</summary>
    public static Constraint operator >>(Expression a, Expression b) => new PsdConstraint(a, b);

    /// <summary>The linear matrix inequality a ⪯ b.</summary>
    public static Constraint operator <<(Expression a, Expression b) => new PsdConstraint(b, a);

    /// <summary>A real scalar constant.</summary>
    public static implicit operator Expression(double value) => Expr.Constant(value);

    /// <summary>A complex scalar constant.</summary>
    public static implicit operator Expression(Complex value) => Expr.Constant(value);

    /// <summary>A real matrix constant.</summary>
    public static implicit operator Expression(Matrix<double> value) => Expr.Constant(value);

    /// <summary>A complex matrix constant.</summary>
    public static implicit operator Expression(Matrix<Complex> value) => Expr.Constant(value);

    /// <summary>A real column-vector constant.</summary>
    public static implicit operator Expression(Vector<double> value) => Expr.Constant(value);

    /// <summary>A complex column-vector constant.</summary>
    public static implicit operator Expression(Vector<Complex> value) => Expr.Constant(value);

    /// <summary>Reference equality (== builds a constraint, so it cannot be used to compare expressions).</summary>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <summary>The reference hash.</summary>
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    /// <summary>The expression written out, with variable and parameter names.</summary>
    public override string ToString() => Format(0);

    /// <summary>The sub-expressions.</summary>
    internal abstract IEnumerable<Expression> Children { get; }

    /// <summary>Printing precedence: 1 for sums, 2 for products, 3 for atoms and names.</summary>
    internal virtual int Precedence => 3;

    /// <summary>Writes the expression, parenthesised when the context binds tighter.</summary>
    internal string Format(int context)
    {
        string s = Describe();
        return Precedence < context ? $"({s})" : s;
    }

    /// <summary>The expression written out (without outer parentheses).</summary>
    internal abstract string Describe();

    /// <summary>True if the expression is known to be Hermitian (real symmetric when real) by its structure.</summary>
    internal virtual bool IsHermitian => false;

    /// <summary>Lowers an affine expression (atoms already replaced by the lowering context).</summary>
    internal abstract AffineMap Lower(Lowering context);

    /// <summary>The numeric value given values of the variables and parameters.</summary>
    internal abstract Matrix<Complex> Evaluate(IValueSource values);

    /// <summary>
    /// The smallest sub-expression that keeps this expression from having the wanted curvature
    /// (convex when <paramref name="wantConvex"/>, else concave), with the reason; null if none.
    /// </summary>
    internal virtual (Expression Term, string Reason)? Offender(bool wantConvex)
    {
        if (wantConvex ? Curvature.IsConvex() : Curvature.IsConcave())
        {
            return null;
        }
        foreach (var child in Children)
        {
            var found = child.Offender(wantConvex);
            if (found is not null)
            {
                return found;
            }
        }
        return (this, $"is {Curvature.Describe()}");
    }
}
