using Isac.Modeling.Compilation;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Expressions;

/// <summary>A sum of terms of one shape (1×1 terms broadcast).</summary>
internal sealed class SumExpression : Expression
{
    private readonly Expression[] _terms;

    public SumExpression(Expression[] terms, Shape shape)
        : base(shape, terms.Any(t => t.IsComplex))
    {
        _terms = terms;
        var c = Curvature.Constant;
        foreach (var t in terms)
        {
            c = CurvatureRules.Add(c, t.Curvature);
        }
        Curvature = c;
    }

    public override Curvature Curvature { get; }

    internal IReadOnlyList<Expression> Terms => _terms;

    internal override IEnumerable<Expression> Children => _terms;

    internal override int Precedence => 1;

    internal override bool IsHermitian => Shape.IsSquare && _terms.All(t => t.IsHermitian);

    internal override string Describe()
    {
        var sb = new System.Text.StringBuilder(_terms[0].Format(1));
        for (int k = 1; k < _terms.Length; k++)
        {
            if (_terms[k] is ScaledExpression { IsNegation: true } neg)
            {
                sb.Append(" - ").Append(neg.Inner.Format(2));
            }
            else
            {
                sb.Append(" + ").Append(_terms[k].Format(1));
            }
        }
        return sb.ToString();
    }

    internal override AffineMap Lower(Lowering context)
    {
        var maps = _terms.Select(context.Lower).ToArray();
        return AffineAlgebra.Sum(maps, Enumerable.Repeat(Complex.One, maps.Length).ToArray());
    }

    internal override Matrix<Complex> Evaluate(IValueSource values)
    {
        var sum = Matrix<Complex>.Build.Dense(Rows, Cols);
        foreach (var t in _terms)
        {
            var v = t.Evaluate(values);
            sum = v.RowCount == 1 && v.ColumnCount == 1 && !Shape.IsScalar ? sum + v[0, 0] : sum + v;
        }
        return sum;
    }
}
