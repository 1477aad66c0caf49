using Isac.Modeling.Compilation;
using Isac.Modeling.Expressions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Constraints;

/// <summary>a = b entrywise; both sides affine.</summary>
/// <remarks>A square difference that is Hermitian (real symmetric) gives only the rows of its upper
/// triangle, so that the equal entries below the diagonal do not repeat rows (which would make the
/// Schur complement singular); an entry with no variable must hold exactly.</remarks>
internal sealed class EqualityConstraint : Constraint
{
    public EqualityConstraint(Expression left, Expression right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        Shape = Broadcast(left, right, "==");
        Left = left;
        Right = right;
    }

    public Expression Left { get; }

    public Expression Right { get; }

    public Shape Shape { get; }

    public override ConstraintKind Kind => ConstraintKind.Equality;

    internal override IEnumerable<Expression> Expressions => [Left, Right];

    internal override string Describe() => $"{Left} == {Right}";

    internal override void CheckConvex(string where)
    {
        RequireAffine(Left, where, "the left side");
        RequireAffine(Right, where, "the right side");
    }

    internal override DualReader Canonicalize(Canonicalizer c, string where)
    {
        var g = AffineAlgebra.Add(c.Lowering.Lower(Left), c.Lowering.Lower(Right), -Complex.One);
        bool complex = Canonicalizer.HasImaginaryPart(g);
        bool matrix = g.Rows == g.Cols && g.Rows > 1 && c.CheckHermitian(g).Failure is null;
        // Each kept row: which entry (or layout scalar) and which part it is.
        var kept = new List<(int Index, bool Imaginary)>();
        var rows = c.NewRows();
        void Keep(int entry, bool imaginary, int index, string at)
        {
            rows.AddPart(g, entry, imaginary);
            if (rows.EndRow() > 0)
            {
                kept.Add((index, imaginary));
                return;
            }
            double constant = rows.LastConstant;
            rows.DropLastRow();
            if (Math.Abs(constant) > 1e-12 * (1 + g.Constant.Max(z => z.Magnitude)))
            {
                throw new ModelException(where, $"{at} has no variable and does not hold (it says {Numbers.Format(constant)} = 0)");
            }
        }
        int n = g.Rows;
        if (matrix)
        {
            bool real = !complex;
            if (real)
            {
                var entries = MatrixLayouts.SymmetricEntries(n);
                for (int k = 0; k < entries.Length; k++)
                {
                    Keep(entries[k].I * n + entries[k].J, false, k, $"entry ({entries[k].I}, {entries[k].J})");
                }
            }
            else
            {
                var entries = MatrixLayouts.HermitianEntries(n);
                for (int k = 0; k < entries.Length; k++)
                {
                    var (i, j, part) = entries[k];
                    Keep(i * n + j, part == 1, k, $"entry ({i}, {j})");
                }
            }
        }
        else
        {
            for (int e = 0; e < g.Size; e++)
            {
                string at = $"entry ({e / g.Cols}, {e % g.Cols})";
                Keep(e, false, e, at);
                if (complex)
                {
                    Keep(e, true, e, at);
                }
            }
        }
        int cone = c.Add(new ConeConstraint(ConeType.Zero, kept.Count, rows.Build()));
        int r = g.Rows, cols = g.Cols;
        bool realSymmetric = matrix && !complex;
        return mu =>
        {
            var m = mu(cone);
            var dual = Matrix<Complex>.Build.Dense(r, cols);
            var sym = realSymmetric ? MatrixLayouts.SymmetricEntries(r) : null;
            var her = matrix && complex ? MatrixLayouts.HermitianEntries(r) : null;
            for (int k = 0; k < kept.Count; k++)
            {
                var (index, imaginary) = kept[k];
                if (sym is not null)
                {
                    var (i, j) = sym[index];
                    double v = i == j ? m[k] : m[k] / 2;
                    dual[i, j] += v;
                    if (i != j)
                    {
                        dual[j, i] += v;
                    }
                }
                else if (her is not null)
                {
                    var (i, j, part) = her[index];
                    double v = i == j ? m[k] : m[k] / 2;
                    Complex z = part == 1 ? new Complex(0, v) : new Complex(v, 0);
                    dual[i, j] += z;
                    if (i != j)
                    {
                        dual[j, i] += Complex.Conjugate(z);
                    }
                }
                else
                {
                    dual[index / cols, index % cols] += imaginary ? new Complex(0, m[k]) : new Complex(m[k], 0);
                }
            }
            return dual;
        };
    }
}
