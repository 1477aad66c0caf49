using Isac.Core.Random;
using Isac.Modeling.Compilation;
using Isac.Modeling.Expressions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Tests.Expressions;

/// <summary>
/// The lowering to real scalars is checked against direct evaluation: at a random point x, the
/// lowered map's value must equal the expression evaluated on the variables' values.
/// </summary>
public class LoweringTests
{
    private readonly Model _model = new("lowering");
    private readonly Variable _w;
    private readonly Variable _s;
    private readonly Variable _x;
    private readonly Variable _v;
    private readonly Variable _t;
    private readonly Variable _r;
    private readonly Matrix<Complex> _a = TestData.RandomComplex(3, 3, seed: 1);
    private readonly Matrix<Complex> _b = TestData.RandomComplex(3, 2, seed: 2);
    private readonly Vector<Complex> _h = TestData.RandomComplexVector(3, seed: 3);

    public LoweringTests()
    {
        _w = _model.HermitianPsd("W", 3);
        _s = _model.Symmetric("S", 3);
        _x = _model.ComplexMatrix("X", 3, 2);
        _v = _model.ComplexVector("v", 3);
        _t = _model.RealScalar("t");
        _r = _model.RealMatrix("R", 2, 3);
    }

    public static TheoryData<string> Cases => new()
    {
        "W", "S", "X", "v", "R", "W + S", "W - 2*S + 1", "A*W", "W*A", "A*X*B'", "(1+2i)*W", "W'", "Wᴴ", "Xᴴ", "conj(X)",
        "re(A*W)", "im(A*W)", "tr(W)", "tr(A*W)", "tr(W*A)", "tr(A*S)", "W[1,2]", "X[0:2, 1:2]", "v[1:3]",
        "hstack(X, v)", "vstack(W, R)", "block", "sum(X)", "quad(h, W)", "t*A", "hᴴ*W*h", "sum of many",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lower_AtRandomPoint_EqualsDirectEvaluation(string name)
    {
        var e = Build(name);
        var x = RandomPoint(seed: 99);
        var map = new Lowering().Lower(e);
        var lowered = map.Evaluate(x);
        var direct = e.Evaluate(new PointValues(x));
        Assert.Equal(direct.RowCount, lowered.RowCount);
        Assert.Equal(direct.ColumnCount, lowered.ColumnCount);
        double scale = 1 + Numbers.MaxAbs(direct);
        Assert.True((lowered - direct).Enumerate().All(z => z.Magnitude <= Tolerances.Algebra * scale),
                    $"{e}: lowered and evaluated values differ by {(lowered - direct).Enumerate().Max(z => z.Magnitude)}");
    }

    [Fact]
    public void Trace_OfHermitianProduct_IsReal()
    {
        var h = Expr.Constant(TestData.RandomHermitian(3, seed: 5), "H");
        Assert.False(Expr.Trace(h * _w).IsComplex);
        Assert.True(Expr.Trace(Expr.Constant(_a) * _w).IsComplex);
        Assert.False(Expr.QuadForm(Expr.Constant(_h), _w).IsComplex);
    }

    [Fact]
    public void HermitianVariable_LowersToConjugatePairs()
    {
        var map = new Lowering().Lower(_w);
        var x = RandomPoint(seed: 7);
        var value = map.Evaluate(x);
        Assert.True((value - value.ConjugateTranspose()).Enumerate().All(z => z.Magnitude == 0));
        Assert.Equal(9, _w.ScalarCount);
    }

    private Expression Build(string name)
    {
        Expression a = Expr.Constant(_a, "A"), b = Expr.Constant(_b, "B"), h = Expr.Constant(_h, "h");
        return name switch
        {
            "W" => _w,
            "S" => _s,
            "X" => _x,
            "v" => _v,
            "R" => _r,
            "W + S" => _w + _s,
            "W - 2*S + 1" => _w - 2.0 * _s + 1.0,
            "A*W" => a * _w,
            "W*A" => _w * a,
            "A*X*B'" => a * _x * b.T,
            "(1+2i)*W" => new Complex(1, 2) * _w,
            "W'" => _w.T,
            "Wᴴ" => _w.H,
            "Xᴴ" => _x.H,
            "conj(X)" => _x.Conj(),
            "re(A*W)" => (a * _w).Re(),
            "im(A*W)" => (a * _w).Im(),
            "tr(W)" => _w.Trace(),
            "tr(A*W)" => Expr.Trace(a * _w),
            "tr(W*A)" => Expr.Trace(_w * a),
            "tr(A*S)" => Expr.Trace(a * _s),
            "W[1,2]" => _w[1, 2],
            "X[0:2, 1:2]" => _x[0..2, 1..2],
            "v[1:3]" => _v[1..3],
            "hstack(X, v)" => Expr.HStack(_x, _v),
            "vstack(W, R)" => Expr.VStack(_w, _r),
            "block" => Expr.Block(new Expression?[,] { { _w, _x }, { _x.H, null } }),
            "sum(X)" => _x.Sum(),
            "quad(h, W)" => Expr.QuadForm(h, _w),
            "t*A" => _t * a,
            "hᴴ*W*h" => h.H * _w * h,
            "sum of many" => Expr.Sum(Enumerable.Range(0, 4).Select(k => (Expression)(k * _w[0, k % 3]))),
            _ => throw new ArgumentException(name),
        };
    }

    private double[] RandomPoint(ulong seed)
    {
        var rng = new DeterministicRandom(seed);
        int n = _model.Variables.Sum(v => v.ScalarCount);
        return Enumerable.Range(0, n).Select(_ => rng.NextGaussian()).ToArray();
    }

    private sealed class PointValues(double[] x) : IValueSource
    {
        public Matrix<Complex> Value(Variable variable) => variable.FromScalars(x);

        public Matrix<Complex> Value(Parameter parameter) => parameter.Value;
    }
}
