using Isac.Modeling.Compilation;
using Isac.Modeling.Expressions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Constraints;

/// <summary>
/// The linear matrix inequality a ⪰ b: a − b square, Hermitian (real symmetric when real) and
/// positive semidefinite. A Hermitian n×n LMI becomes the real 2n×2n one
/// [[Re G, −Im G], [Im G, Re G]] ⪰ 0.
/// </summary>
/// <remarks>Hermitian symmetry is checked on the numbers when the model is compiled (so a
/// non-Hermitian constant or a non-Hermitian dependence on a variable is refused, naming the
/// entries), to a relative 1e-9; the upper triangle is used.</remarks>
internal sealed class PsdConstraint : Constraint
{
    public PsdConstraint(Expression larger, Expression smaller)
    {
        ArgumentNullException.ThrowIfNull(larger);
        ArgumentNullException.ThrowIfNull(smaller);
        var shape = larger.Shape.IsScalar && IsZero(larger) ? smaller.Shape
            : smaller.Shape.IsScalar && IsZero(smaller) ? larger.Shape
            : larger.Shape;
        if ((larger.Shape != shape && !IsZero(larger)) || (smaller.Shape != shape && !IsZero(smaller)))
        {
            throw new ModelException(">>", $"shapes {larger.Shape} ('{larger}') and {smaller.Shape} ('{smaller}') differ (write c*I for a multiple of the identity)");
        }
        if (!shape.IsSquare)
        {
            throw new ModelException(">>", $"'{larger}' ⪰ '{smaller}' needs square matrices, not {shape}");
        }
        Larger = larger;
        Smaller = smaller;
        Shape = shape;
    }

    public Expression Larger { get; }

    public Expression Smaller { get; }

    public Shape Shape { get; }

    public override ConstraintKind Kind => ConstraintKind.Psd;

    internal override IEnumerable<Expression> Expressions => [Larger, Smaller];

    internal override string Describe() => IsZero(Smaller) ? $"{Larger} >> 0" : $"{Larger} >> {Smaller}";

    internal override void CheckConvex(string where)
    {
        RequireAffine(Larger, where, "the matrix");
        RequireAffine(Smaller, where, "the matrix");
    }

    internal override DualReader Canonicalize(Canonicalizer c, string where)
    {
        var g = c.Lowering.Lower(Larger);
        if (!IsZero(Smaller))
        {
            g = AffineAlgebra.Add(g, c.Lowering.Lower(Smaller), -Complex.One);
        }
        if (g.Size == 1 && Shape.Size > 1)
        {
            // 0 ⪯ 0 broadcast: nothing to say.
            g = AffineAlgebra.Select(g, new int[Shape.Rows], new int[Shape.Cols]);
        }
        int cone = c.AddPsd(g, where);
        var type = c.Cones[cone].Type;
        int n = Shape.Rows;
        return mu => MatrixDual(type, n, mu(cone));
    }

    /// <summary>Λ from the row multipliers μ of a (Hermitian) PSD cone: Λ_ii = μ_ii, Λ_ij = μ_ij / 2 (real and imaginary parts).</summary>
    internal static Matrix<Complex> MatrixDual(ConeType type, int n, double[] mu)
    {
        var dual = Matrix<Complex>.Build.Dense(n, n);
        if (type == ConeType.Nonnegative)
        {
            dual[0, 0] = mu[0];
        }
        else if (type == ConeType.Psd)
        {
            var entries = MatrixLayouts.SymmetricEntries(n);
            for (int k = 0; k < entries.Length; k++)
            {
                var (i, j) = entries[k];
                double v = i == j ? mu[k] : mu[k] / 2;
                dual[i, j] = v;
                dual[j, i] = v;
            }
        }
        else
        {
            var entries = MatrixLayouts.HermitianEntries(n);
            for (int k = 0; k < entries.Length; k++)
            {
                var (i, j, part) = entries[k];
                if (i == j)
                {
                    dual[i, i] = mu[k];
                }
                else if (part == 0)
                {
                    dual[i, j] += mu[k] / 2;
                    dual[j, i] += mu[k] / 2;
                }
                else
                {
                    dual[i, j] += new Complex(0, mu[k] / 2);
                    dual[j, i] += new Complex(0, -mu[k] / 2);
                }
            }
        }
        return dual;
    }

    private static bool IsZero(Expression e) => e is ConstantExpression { Shape.IsScalar: true } c && c.Value[0, 0] == Complex.Zero;
}
