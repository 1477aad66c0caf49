using Isac.Modeling.Expressions;

namespace Isac.Modeling.Tests.Constraints;

/// <summary>Non-convex use is refused when the objective or constraint is handed to the model, naming the term.</summary>
public class ConvexityRefusalTests
{
    private readonly Model _model = new("dcp");
    private readonly Variable _x;
    private readonly Variable _t;

    public ConvexityRefusalTests()
    {
        _x = _model.ComplexVector("x", 3);
        _t = _model.RealScalar("t");
    }

    [Fact]
    public void Minimize_ConcaveTerm_NamesTheTerm()
    {
        var e = Assert.Throws<ModelException>(() => _model.Minimize(_t - Expr.Norm2(_x)));
        Assert.Equal("minimise", e.Location);
        Assert.Contains("must be convex", e.Message);
        Assert.Contains("'-norm2(x)' is concave", e.Message);
    }

    [Fact]
    public void Maximize_ConvexAtom_NamesTheAtom()
    {
        var e = Assert.Throws<ModelException>(() => _model.Maximize(2.0 * _t + Expr.Norm2(_x)));
        Assert.Equal("maximise", e.Location);
        Assert.Contains("'norm2(x)' is convex", e.Message);
    }

    [Fact]
    public void ConvexGreaterThanAffine_IsRefused()
    {
        var e = Assert.Throws<ModelException>(() => _model.Add(Expr.Norm2(_x) >= _t, "wrong way"));
        Assert.Equal("constraint 'wrong way'", e.Location);
        Assert.Contains("the larger side 'norm2(x)' must be concave", e.Message);
    }

    [Fact]
    public void Equality_WithAtom_IsRefused()
    {
        var e = Assert.Throws<ModelException>(() => _model.Add(Expr.Norm2(_x) == 1.0));
        Assert.Contains("must be affine", e.Message);
        Assert.Contains("'norm2(x)' is convex", e.Message);
    }

    [Fact]
    public void NormOfNonAffineArgument_IsRefused()
    {
        var y = _model.RealVector("y", 2);
        var nested = Expr.Norm2(Expr.VStack(Expr.Abs(y[0]), y[1]));
        var e = Assert.Throws<ModelException>(() => _model.Minimize(nested));
        Assert.Contains("needs an affine argument", e.Message);
        Assert.Contains("norm2", e.Message);
    }

    [Fact]
    public void MaxOfConcaveTerm_IsRefused()
    {
        var e = Assert.Throws<ModelException>(() => _model.Minimize(Expr.Max(_t, -Expr.Norm2(_x))));
        Assert.Contains("needs convex terms", e.Message);
        Assert.Contains("'-norm2(x)' is concave", e.Message);
    }

    [Fact]
    public void ParameterOfUnknownSign_ScalingConvexTerm_IsRefused()
    {
        var p = _model.Parameter("p", 2.0);
        var e = Assert.Throws<ModelException>(() => _model.Minimize(p * Expr.Norm2(_x)));
        Assert.Contains("sign is unknown", e.Message);
        var q = _model.Parameter("q", 2.0, nonnegative: true);
        _model.Minimize(q * Expr.Norm2(_x));
        Assert.Contains("q", _model.Objective!.ToString());
    }

    [Fact]
    public void ComplexObjective_IsRefused()
    {
        var e = Assert.Throws<ModelException>(() => _model.Minimize(_x[0]));
        Assert.Contains("complex", e.Message);
    }

    [Fact]
    public void NotEqual_IsRefused() =>
        Assert.Throws<ModelException>(() => _model.Add(_t != 1.0));

    [Fact]
    public void VariableOfAnotherModel_IsRefused()
    {
        var other = new Model("other");
        var y = other.RealScalar("y");
        var e = Assert.Throws<ModelException>(() => _model.Add(y >= 0.0));
        Assert.Contains("belongs to model 'other'", e.Message);
    }
}
