using Isac.Modeling.Atoms;
using Isac.Modeling.Constraints;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Expressions;

/// <summary>
/// Functions that build expressions and constraints: constants, sums over collections,
/// transposes, real and imaginary parts, traces, indexing, concatenation, the atoms (norms,
/// absolute values, quadratic-over-linear, maximum and minimum, extreme eigenvalues) and the
/// cone constraints.
/// </summary>
/// <remarks>Every function checks shapes and throws <see cref="ModelException"/> naming the operation
/// and the shapes involved.</remarks>
public static class Expr
{
    /// <summary>A real scalar constant.</summary>
    public static Expression Constant(double value, string? name = null) =>
        new ConstantExpression(Matrix<Complex>.Build.Dense(1, 1, new Complex(value, 0)), false, name);

    /// <summary>A complex scalar constant.</summary>
    public static Expression Constant(Complex value, string? name = null) =>
        new ConstantExpression(Matrix<Complex>.Build.Dense(1, 1, value), value.Imaginary != 0, name);

    /// <summary>A real matrix constant (copied).</summary>
    public static Expression Constant(Matrix<double> value, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ConstantExpression(Numbers.ToComplex(value), false, name);
    }

    /// <summary>A complex matrix constant (copied); real if every imaginary part is zero.</summary>
    public static Expression Constant(Matrix<Complex> value, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ConstantExpression(value.Clone(), Numbers.HasImaginaryPart(value), name);
    }

    /// <summary>A real column-vector constant.</summary>
    public static Expression Constant(Vector<double> value, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Constant(value.ToColumnMatrix(), name);
    }

    /// <summary>A complex column-vector constant.</summary>
    public static Expression Constant(Vector<Complex> value, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Constant(value.ToColumnMatrix(), name);
    }

    /// <summary>The n×n identity.</summary>
    public static Expression Identity(int n) => Constant(Matrix<double>.Build.DenseIdentity(CheckPositive(n, "identity")), $"I{n}");

    /// <summary>The rows×cols zero matrix.</summary>
    public static Expression Zeros(int rows, int cols) =>
        Constant(Matrix<double>.Build.Dense(CheckPositive(rows, "zeros"), CheckPositive(cols, "zeros")), $"0({rows}×{cols})");

    /// <summary>a + b (a 1×1 operand is broadcast).</summary>
    public static Expression Add(Expression a, Expression b) => Sum([a, b], "add");

    /// <summary>a − b (a 1×1 operand is broadcast).</summary>
    public static Expression Subtract(Expression a, Expression b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return Sum([a, Scale(-1.0, b)], "subtract");
    }

    /// <summary>The sum of a collection of expressions of one shape (1×1 terms broadcast).</summary>
    public static Expression Sum(IEnumerable<Expression> terms) => Sum(terms?.ToArray() ?? throw new ArgumentNullException(nameof(terms)), "sum");

    /// <summary>The sum of expressions of one shape.</summary>
    public static Expression Sum(params Expression[] terms) => Sum(terms, "sum");

    /// <summary>factor·e for a real factor.</summary>
    public static Expression Scale(double factor, Expression e) => Multiply(Constant(factor), e);

    /// <summary>factor·e for a complex factor.</summary>
    public static Expression Scale(Complex factor, Expression e) => Multiply(Constant(factor), e);

    /// <summary>
    /// The product a·b: a matrix product when both are matrices (one of them constant), a scaling
    /// when one of them is 1×1.
    /// </summary>
    public static Expression Multiply(Expression a, Expression b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        bool ca = a.Curvature == Curvature.Constant, cb = b.Curvature == Curvature.Constant;
        if (a.Shape.IsScalar && ca)
        {
            return IsOne(a) ? b : new ScaledExpression(a, b);
        }
        if (b.Shape.IsScalar && cb)
        {
            return IsOne(b) ? a : new ScaledExpression(b, a);
        }
        if (!ca && !cb)
        {
            throw new ModelException("multiply", $"'{a}' ({a.Shape}) times '{b}' ({b.Shape}) is not affine: both depend on variables; one factor must be constant");
        }
        if (a.Shape.IsScalar)
        {
            return new ScalarTimesMatrixExpression(a, b);
        }
        if (b.Shape.IsScalar)
        {
            return new ScalarTimesMatrixExpression(b, a);
        }
        if (a.Cols != b.Rows)
        {
            throw new ModelException("multiply", $"shapes {a.Shape} ('{a}') and {b.Shape} ('{b}') do not conform: {a.Cols} columns against {b.Rows} rows");
        }
        return new ProductExpression(a, b);
    }

    /// <summary>a / b for a nonzero constant scalar b.</summary>
    public static Expression Divide(Expression a, Expression b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (b is not ConstantExpression { Shape.IsScalar: true } c)
        {
            throw new ModelException("divide", $"'{a}' / '{b}' ({b.Shape}): only division by a number is supported (multiply by a parameter holding the reciprocal instead)");
        }
        if (c.Value[0, 0] == Complex.Zero)
        {
            throw new ModelException("divide", $"'{a}' divided by zero");
        }
        return Multiply(new ConstantExpression(Matrix<Complex>.Build.Dense(1, 1, Complex.One / c.Value[0, 0]), c.IsComplex, null), a);
    }

    /// <summary>Eᵀ.</summary>
    public static Expression Transpose(Expression e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Shape.IsScalar ? e : new TransposeExpression(e, conjugate: false);
    }

    /// <summary>Eᴴ (the transpose for a real expression; E itself for a Hermitian one).</summary>
    public static Expression ConjugateTranspose(Expression e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!e.IsComplex)
        {
            return Transpose(e);
        }
        return e is Variable { Kind: VariableKind.Hermitian } ? e : new TransposeExpression(e, conjugate: true);
    }

    /// <summary>The entrywise complex conjugate (E itself for a real expression).</summary>
    public static Expression Conj(Expression e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.IsComplex ? new ConjugateExpression(e) : e;
    }

    /// <summary>The entrywise real part (E itself for a real expression).</summary>
    public static Expression Re(Expression e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.IsComplex ? new PartExpression(e, imaginary: false) : e;
    }

    /// <summary>The entrywise imaginary part (zero for a real expression).</summary>
    public static Expression Im(Expression e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.IsComplex ? new PartExpression(e, imaginary: true) : Zeros(e.Rows, e.Cols);
    }

    /// <summary>The trace of a square expression (real for a Hermitian matrix or a product of two Hermitian factors).</summary>
    public static Expression Trace(Expression e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!e.Shape.IsSquare)
        {
            throw new ModelException("trace", $"'{e}' is {e.Shape}, not square");
        }
        return new TraceExpression(e);
    }

    /// <summary>The sum of all entries.</summary>
    public static Expression SumEntries(Expression e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Shape.IsScalar ? e : new SumEntriesExpression(e);
    }

    /// <summary>hᴴ·W·h for a constant column vector h and a square W (real when W is Hermitian): tr(h hᴴ W).</summary>
    public static Expression QuadForm(Expression h, Expression w)
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(w);
        if (h.Curvature != Curvature.Constant)
        {
            throw new ModelException("quadform", $"the vector '{h}' must be constant (a number or a parameter)");
        }
        if (h.Cols != 1 || !w.Shape.IsSquare || w.Rows != h.Rows)
        {
            throw new ModelException("quadform", $"needs an n×1 vector and an n×n matrix; got '{h}' ({h.Shape}) and '{w}' ({w.Shape})");
        }
        return new QuadraticFormExpression(h, w);
    }

    /// <summary>The entry (i, j), zero-based.</summary>
    public static Expression Index(Expression e, int i, int j)
    {
        ArgumentNullException.ThrowIfNull(e);
        if ((uint)i >= (uint)e.Rows || (uint)j >= (uint)e.Cols)
        {
            throw new ModelException("index", $"entry ({i}, {j}) is outside '{e}' ({e.Shape})");
        }
        return e.Shape.IsScalar ? e : new IndexExpression(e, [i], [j], $"{i}, {j}");
    }

    /// <summary>Entry i of a row or column vector.</summary>
    public static Expression Index(Expression e, int i)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!e.Shape.IsVector)
        {
            throw new ModelException("index", $"'{e}' is {e.Shape}, not a vector: give a row and a column");
        }
        return e.Cols == 1 ? Index(e, i, 0) : Index(e, 0, i);
    }

    /// <summary>The submatrix of the given row and column ranges.</summary>
    public static Expression Slice(Expression e, Range rows, Range cols)
    {
        ArgumentNullException.ThrowIfNull(e);
        var (r0, rn) = Offsets(e, rows, e.Rows, "rows");
        var (c0, cn) = Offsets(e, cols, e.Cols, "columns");
        return Select(e, Enumerable.Range(r0, rn).ToArray(), Enumerable.Range(c0, cn).ToArray());
    }

    /// <summary>The entries of a vector in a range (a vector of the same orientation).</summary>
    public static Expression Slice(Expression e, Range range)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!e.Shape.IsVector)
        {
            throw new ModelException("slice", $"'{e}' is {e.Shape}, not a vector: give row and column ranges");
        }
        return e.Cols == 1 ? Slice(e, range, Range.All) : Slice(e, Range.All, range);
    }

    /// <summary>The submatrix of the listed rows and columns (in that order; repeats allowed).</summary>
    public static Expression Select(Expression e, int[] rows, int[] cols)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(cols);
        if (rows.Length == 0 || cols.Length == 0)
        {
            throw new ModelException("select", $"an empty selection of '{e}' ({e.Shape})");
        }
        foreach (int i in rows)
        {
            if ((uint)i >= (uint)e.Rows)
            {
                throw new ModelException("select", $"row {i} is outside '{e}' ({e.Shape})");
            }
        }
        foreach (int j in cols)
        {
            if ((uint)j >= (uint)e.Cols)
            {
                throw new ModelException("select", $"column {j} is outside '{e}' ({e.Shape})");
            }
        }
        if (rows.Length == e.Rows && cols.Length == e.Cols && rows.Select((r, k) => r == k).All(b => b) && cols.Select((c, k) => c == k).All(b => b))
        {
            return e;
        }
        return new IndexExpression(e, rows, cols, $"{Describe(rows)}, {Describe(cols)}");
    }

    /// <summary>[a, b, …] side by side (equal row counts).</summary>
    public static Expression HStack(params Expression[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var grid = new Expression?[1, parts.Length];
        for (int j = 0; j < parts.Length; j++)
        {
            grid[0, j] = parts[j] ?? throw new ArgumentNullException(nameof(parts));
        }
        return Block(grid, "hstack");
    }

    /// <summary>[a; b; …] stacked (equal column counts).</summary>
    public static Expression VStack(params Expression[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var grid = new Expression?[parts.Length, 1];
        for (int i = 0; i < parts.Length; i++)
        {
            grid[i, 0] = parts[i] ?? throw new ArgumentNullException(nameof(parts));
        }
        return Block(grid, "vstack");
    }

    /// <summary>
    /// The block matrix [[E_00, E_01, …], [E_10, …], …]: the blocks of a block row share a height,
    /// those of a block column a width. A null block is a zero block of the size its row and column imply.
    /// </summary>
    public static Expression Block(Expression?[,] parts) => Block(parts, "block");

    /// <summary>‖x‖₂ of a real or complex vector (or the Frobenius norm of a matrix): convex.</summary>
    public static Expression Norm2(Expression x) => new Norm2Atom(x ?? throw new ArgumentNullException(nameof(x)));

    /// <summary>|z| of a real or complex scalar: convex.</summary>
    public static Expression Abs(Expression z) => new Norm2Atom(z ?? throw new ArgumentNullException(nameof(z)), "abs");

    /// <summary>‖x‖₂² / y for an affine vector x and a concave scalar y &gt; 0: convex (a rotated second-order cone).</summary>
    public static Expression QuadOverLin(Expression x, Expression y) =>
        new QuadOverLinAtom(x ?? throw new ArgumentNullException(nameof(x)), y ?? throw new ArgumentNullException(nameof(y)));

    /// <summary>‖x‖₂² = QuadOverLin(x, 1): convex.</summary>
    public static Expression SumSquares(Expression x) => QuadOverLin(x, 1.0);

    /// <summary>The largest of real scalar terms (or of the entries of one real expression): convex if every term is.</summary>
    public static Expression Max(params Expression[] terms) => new ExtremumAtom(terms, maximum: true);

    /// <summary>The smallest of real scalar terms (or of the entries of one real expression): concave if every term is.</summary>
    public static Expression Min(params Expression[] terms) => new ExtremumAtom(terms, maximum: false);

    /// <summary>λ_max of a Hermitian (or real symmetric) affine matrix: convex.</summary>
    public static Expression LambdaMax(Expression h) => new EigenvalueAtom(h ?? throw new ArgumentNullException(nameof(h)), largest: true);

    /// <summary>λ_min of a Hermitian (or real symmetric) affine matrix: concave.</summary>
    public static Expression LambdaMin(Expression h) => new EigenvalueAtom(h ?? throw new ArgumentNullException(nameof(h)), largest: false);

    /// <summary>The constraint E ⪰ 0 for a square Hermitian (or real symmetric) affine E.</summary>
    public static Constraint Psd(Expression e) => new PsdConstraint(e ?? throw new ArgumentNullException(nameof(e)), Constant(0.0));

    /// <summary>The second-order cone constraint ‖x‖₂ ≤ t for an affine vector x (real or complex) and a real affine scalar t.</summary>
    public static Constraint Soc(Expression x, Expression t) =>
        new SecondOrderConeConstraint(x ?? throw new ArgumentNullException(nameof(x)), t ?? throw new ArgumentNullException(nameof(t)));

    private static Expression Sum(Expression[] terms, string operation)
    {
        if (terms.Length == 0)
        {
            throw new ModelException(operation, "a sum of no terms (its shape is unknown)");
        }
        var flat = new List<Expression>();
        Shape shape = Shape.Scalar;
        foreach (var t in terms)
        {
            ArgumentNullException.ThrowIfNull(t);
            if (!t.Shape.IsScalar)
            {
                if (!shape.IsScalar && shape != t.Shape)
                {
                    var first = terms.First(u => !u.Shape.IsScalar);
                    throw new ModelException(operation, $"shapes {first.Shape} ('{first}') and {t.Shape} ('{t}') differ");
                }
                shape = t.Shape;
            }
            if (t is SumExpression s)
            {
                flat.AddRange(s.Terms);
            }
            else
            {
                flat.Add(t);
            }
        }
        return flat.Count == 1 ? flat[0] : new SumExpression(flat.ToArray(), shape);
    }

    private static Expression Block(Expression?[,] parts, string operation)
    {
        ArgumentNullException.ThrowIfNull(parts);
        int br = parts.GetLength(0), bc = parts.GetLength(1);
        if (br == 0 || bc == 0)
        {
            throw new ModelException(operation, "no blocks");
        }
        var heights = new int?[br];
        var widths = new int?[bc];
        for (int i = 0; i < br; i++)
        {
            for (int j = 0; j < bc; j++)
            {
                var p = parts[i, j];
                if (p is null)
                {
                    continue;
                }
                if (heights[i] is int h && h != p.Rows)
                {
                    throw new ModelException(operation, $"block row {i}: '{First(parts, i, true)}' has {h} rows but '{p}' ({p.Shape}) has {p.Rows}");
                }
                if (widths[j] is int w && w != p.Cols)
                {
                    throw new ModelException(operation, $"block column {j}: '{First(parts, j, false)}' has {w} columns but '{p}' ({p.Shape}) has {p.Cols}");
                }
                heights[i] = p.Rows;
                widths[j] = p.Cols;
            }
        }
        for (int i = 0; i < br; i++)
        {
            if (heights[i] is null)
            {
                throw new ModelException(operation, $"block row {i} has only zero (null) blocks: its height is unknown");
            }
        }
        for (int j = 0; j < bc; j++)
        {
            if (widths[j] is null)
            {
                throw new ModelException(operation, $"block column {j} has only zero (null) blocks: its width is unknown");
            }
        }
        if (br == 1 && bc == 1)
        {
            return parts[0, 0]!;
        }
        var full = new Expression[br, bc];
        for (int i = 0; i < br; i++)
        {
            for (int j = 0; j < bc; j++)
            {
                full[i, j] = parts[i, j] ?? Zeros(heights[i]!.Value, widths[j]!.Value);
            }
        }
        return new BlockExpression(full, new Shape(heights.Sum(h => h!.Value), widths.Sum(w => w!.Value)));
    }

    private static Expression First(Expression?[,] parts, int k, bool row)
    {
        int count = row ? parts.GetLength(1) : parts.GetLength(0);
        for (int t = 0; t < count; t++)
        {
            var p = row ? parts[k, t] : parts[t, k];
            if (p is not null)
            {
                return p;
            }
        }
        throw new InvalidOperationException("no block");
    }

    private static (int Offset, int Length) Offsets(Expression e, Range range, int length, string what)
    {
        try
        {
            var (o, n) = range.GetOffsetAndLength(length);
            if (n == 0)
            {
                throw new ModelException("slice", $"the {what} range {range} of '{e}' ({e.Shape}) is empty");
            }
            return (o, n);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new ModelException("slice", $"the {what} range {range} is outside '{e}' ({e.Shape})");
        }
    }

    private static string Describe(int[] idx)
    {
        if (idx.Length == 1)
        {
            return idx[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        bool contiguous = idx.Select((v, k) => v == idx[0] + k).All(b => b);
        return contiguous ? $"{idx[0]}:{idx[^1] + 1}" : "{" + string.Join(",", idx) + "}";
    }

    private static bool IsOne(Expression e) => e is ConstantExpression c && c.Value[0, 0] == Complex.One;

    private static int CheckPositive(int n, string operation) =>
        n > 0 ? n : throw new ModelException(operation, $"size {n} is not positive");
}
