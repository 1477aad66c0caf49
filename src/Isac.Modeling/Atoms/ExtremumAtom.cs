using Isac.Modeling.Compilation;
using Isac.Modeling.Expressions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Atoms;

/// <summary>
/// max (convex, of convex terms) or min (concave, of concave terms) over the entries of real
/// terms: max_i a_i ≤ t is a_i ≤ t for every i.
/// </summary>
internal sealed class ExtremumAtom : Atom
{
    private readonly Expression[] _terms;
    private readonly bool _maximum;

    public ExtremumAtom(Expression[] terms, bool maximum)
    {
        ArgumentNullException.ThrowIfNull(terms);
        string name = maximum ? "max" : "min";
        if (terms.Length == 0)
        {
            throw new ModelException(name, "no terms");
        }
        foreach (var t in terms)
        {
            ArgumentNullException.ThrowIfNull(t, nameof(terms));
            if (t.IsComplex)
            {
                throw new ModelException(name, $"the term '{t}' is complex; {name} compares real terms");
            }
        }
        _terms = terms;
        _maximum = maximum;
    }

    public override bool IsConvex => _maximum;

    internal override string? ArgumentProblem
    {
        get
        {
            foreach (var t in _terms)
            {
                if (_maximum ? !t.Curvature.IsConvex() : !t.Curvature.IsConcave())
                {
                    return $"needs {(_maximum ? "convex" : "concave")} terms, but '{t}' is {t.Curvature.Describe()}";
                }
            }
            return null;
        }
    }

    internal override bool ArgumentsConstant => _terms.All(t => t.Curvature == Curvature.Constant);

    internal override IEnumerable<Expression> Children => _terms;

    internal override string Describe() => $"{(_maximum ? "max" : "min")}({string.Join(", ", _terms.Select(t => t.Format(0)))})";

    internal override Matrix<Complex> Evaluate(IValueSource values)
    {
        var all = _terms.SelectMany(t => t.Evaluate(values).Enumerate().Select(z => z.Real));
        return Matrix<Complex>.Build.Dense(1, 1, _maximum ? all.Max() : all.Min());
    }

    internal override (int Cone, int Row)[] Bound(Canonicalizer c, AffineMap bound)
    {
        var rows = new List<(int, int)>();
        foreach (var t in _terms)
        {
            var a = c.Lowering.Lower(t);
            var g = _maximum ? AffineAlgebra.Add(bound, a, -Complex.One) : AffineAlgebra.Add(a, bound, -Complex.One);
            int cone = c.AddNonnegative(g);
            for (int r = 0; r < g.Size; r++)
            {
                rows.Add((cone, r));
            }
        }
        return rows.ToArray();
    }
}
