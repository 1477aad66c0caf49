using Isac.Modeling.Compilation;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Expressions;

/// <summary>The block matrix [[E_00, E_01, …], [E_10, …], …]; hstack and vstack are its one-row and one-column cases.</summary>
internal sealed class BlockExpression : Expression
{
    private readonly Expression[,] _parts;

    public BlockExpression(Expression[,] parts, Shape shape)
        : base(shape, parts.Cast<Expression>().Any(p => p.IsComplex))
    {
        _parts = parts;
        var c = Curvature.Constant;
        foreach (var p in parts)
        {
            c = CurvatureRules.Add(c, p.Curvature);
        }
        Curvature = c;
    }

    public override Curvature Curvature { get; }

    internal override IEnumerable<Expression> Children => _parts.Cast<Expression>();

    internal override bool IsHermitian
    {
        get
        {
            int n = _parts.GetLength(0);
            if (n != _parts.GetLength(1) || !Shape.IsSquare)
            {
                return false;
            }
            for (int i = 0; i < n; i++)
            {
                if (!_parts[i, i].IsHermitian)
                {
                    return false;
                }
                for (int j = i + 1; j < n; j++)
                {
                    if (!IsAdjointPair(_parts[i, j], _parts[j, i]))
                    {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    internal override string Describe()
    {
        var rows = new List<string>();
        for (int i = 0; i < _parts.GetLength(0); i++)
        {
            var cells = new List<string>();
            for (int j = 0; j < _parts.GetLength(1); j++)
            {
                cells.Add(_parts[i, j].Format(0));
            }
            rows.Add("[" + string.Join(", ", cells) + "]");
        }
        return "[" + string.Join(", ", rows) + "]";
    }

    internal override AffineMap Lower(Lowering context)
    {
        var maps = new AffineMap[_parts.GetLength(0), _parts.GetLength(1)];
        for (int i = 0; i < maps.GetLength(0); i++)
        {
            for (int j = 0; j < maps.GetLength(1); j++)
            {
                maps[i, j] = context.Lower(_parts[i, j]);
            }
        }
        return AffineAlgebra.Block(maps);
    }

    internal override Matrix<Complex> Evaluate(IValueSource values)
    {
        var result = Matrix<Complex>.Build.Dense(Rows, Cols);
        int r0 = 0;
        for (int i = 0; i < _parts.GetLength(0); i++)
        {
            int c0 = 0;
            for (int j = 0; j < _parts.GetLength(1); j++)
            {
                result.SetSubMatrix(r0, c0, _parts[i, j].Evaluate(values));
                c0 += _parts[i, j].Cols;
            }
            r0 += _parts[i, 0].Rows;
        }
        return result;
    }

    private static bool IsAdjointPair(Expression a, Expression b) =>
        (b is TransposeExpression tb && ReferenceEquals(tb.Inner, a) && (tb.Conjugate || !a.IsComplex))
        || (a is TransposeExpression ta && ReferenceEquals(ta.Inner, b) && (ta.Conjugate || !b.IsComplex))
        || (a is ConstantExpression ca && b is ConstantExpression cb && ca.Value.ConjugateTranspose().Equals(cb.Value));
}
