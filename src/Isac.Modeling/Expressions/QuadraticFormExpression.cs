using Isac.Modeling.Compilation;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Expressions;

/// <summary>
/// hᴴ·W·h for a constant column vector h (a number or a parameter) and a square expression W:
/// the form |hᴴw|² = hᴴ(w wᴴ)h takes after lifting, real when W is Hermitian.
/// </summary>
internal sealed class QuadraticFormExpression : Expression
{
    public QuadraticFormExpression(Expression vector, Expression matrix)
        : base(Shape.Scalar, (vector.IsComplex || matrix.IsComplex) && !matrix.IsHermitian)
    {
        Vector = vector;
        Matrix = matrix;
    }

    public Expression Vector { get; }

    public Expression Matrix { get; }

    public override Curvature Curvature => Matrix.Curvature;

    internal override IEnumerable<Expression> Children => [Vector, Matrix];

    internal override bool IsHermitian => !IsComplex;

    internal override string Describe() => $"{Vector.Format(3)}ᴴ*{Matrix.Format(3)}*{Vector.Format(3)}";

    internal override AffineMap Lower(Lowering context)
    {
        var h = context.ConstantValue(Vector);
        var column = new Complex[h.GetLength(0)];
        for (int i = 0; i < column.Length; i++)
        {
            column[i] = h[i, 0];
        }
        // Onto the variables' scalars directly when W is a sum of variables: g_ij = conj(h_i) h_j.
        var g = new Complex[column.Length, column.Length];
        for (int i = 0; i < column.Length; i++)
        {
            for (int j = 0; j < column.Length; j++)
            {
                g[i, j] = Complex.Conjugate(column[i]) * column[j];
            }
        }
        var map = context.Functional(Matrix, g) ?? AffineAlgebra.QuadraticForm(column, context.Lower(Matrix));
        return IsComplex ? map : AffineAlgebra.RealPart(map);
    }

    internal override Matrix<Complex> Evaluate(IValueSource values)
    {
        var h = Vector.Evaluate(values).Column(0);
        Complex q = h.Conjugate().DotProduct(Matrix.Evaluate(values) * h);
        return Matrix<Complex>.Build.Dense(1, 1, IsComplex ? q : new Complex(q.Real, 0));
    }
}
