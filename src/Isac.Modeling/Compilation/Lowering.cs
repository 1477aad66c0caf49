using Isac.Modeling.Atoms;
using Isac.Modeling.Expressions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Compilation;

/// <summary>Values of variables and parameters for numeric evaluation.</summary>
internal interface IValueSource
{
    Matrix<Complex> Value(Variable variable);

    Matrix<Complex> Value(Parameter parameter);
}

/// <summary>Parameters at their current values; no variable has a value (for constant folding).</summary>
internal sealed class ParameterValues : IValueSource
{
    public static ParameterValues Instance { get; } = new();

    public Matrix<Complex> Value(Variable variable) =>
        throw new InvalidOperationException($"variable '{variable.Name}' has no value while lowering a constant");

    public Matrix<Complex> Value(Parameter parameter) => parameter.Value;
}

/// <summary>Replaces a convex or concave atom by an epigraph (hypograph) variable and its cone constraints.</summary>
internal interface IAtomCanonicalizer
{
    AffineMap Epigraph(Atom atom);
}

/// <summary>
/// Lowers expression trees to <see cref="AffineMap"/>s, once per node (shared sub-expressions such
/// as R = Σ_k W_k used in many traces are lowered once). Constant sub-trees are evaluated
/// numerically; atoms are handed to the canonicaliser, which replaces them by auxiliary variables.
/// </summary>
internal sealed class Lowering
{
    private readonly Dictionary<Expression, AffineMap> _maps = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Expression, Complex[,]> _constants = new(ReferenceEqualityComparer.Instance);
    private readonly IAtomCanonicalizer? _atoms;

    public Lowering(IAtomCanonicalizer? atoms = null) => _atoms = atoms;

    public AffineMap Lower(Expression e)
    {
        if (_maps.TryGetValue(e, out var map))
        {
            return map;
        }
        if (e.Curvature == Curvature.Constant)
        {
            map = AffineMap.FromConstant(e.Evaluate(ParameterValues.Instance));
        }
        else if (e is Atom atom)
        {
            map = (_atoms ?? throw new InvalidOperationException($"atom '{atom}' outside a model")).Epigraph(atom);
        }
        else
        {
            map = e.Lower(this);
        }
        _maps[e] = map;
        return map;
    }

    /// <summary>
    /// Σ_ij g_ij E_ij for an expression E that is a sum of constant multiples of variables, as a
    /// compact 1×1 map (one term per real scalar); null for any other E (then lower E itself).
    /// </summary>
    public AffineMap? Functional(Expression e, Complex[,] g)
    {
        var terms = new List<(Variable Variable, Complex Scale)>();
        if (!CollectVariables(e, Complex.One, terms))
        {
            return null;
        }
        var builder = new AffineMapBuilder(1, 1, terms.Sum(t => t.Variable.ScalarCount));
        foreach (var (v, scale) in terms)
        {
            v.AddFunctional(builder, g, scale);
        }
        builder.EndEntry();
        return builder.Build();
    }

    private bool CollectVariables(Expression e, Complex scale, List<(Variable, Complex)> into)
    {
        switch (e)
        {
            case Variable v:
                into.Add((v, scale));
                return true;
            case ScaledExpression { Inner: var inner, Factor: var factor } when factor.Curvature == Curvature.Constant:
                return CollectVariables(inner, scale * ConstantValue(factor)[0, 0], into);
            case SumExpression sum:
                foreach (var t in sum.Terms)
                {
                    if (t.Shape != sum.Shape || !CollectVariables(t, scale, into))
                    {
                        return false;
                    }
                }
                return true;
            default:
                return false;
        }
    }

    /// <summary>The value of a constant sub-expression as a rows×cols array.</summary>
    public Complex[,] ConstantValue(Expression e)
    {
        if (!_constants.TryGetValue(e, out var value))
        {
            value = e.Evaluate(ParameterValues.Instance).ToArray();
            _constants[e] = value;
        }
        return value;
    }
}
