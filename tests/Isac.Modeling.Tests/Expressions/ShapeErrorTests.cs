using Isac.Modeling.Expressions;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Modeling.Tests.Expressions;

/// <summary>Shape mismatches are refused when the expression is built, naming the operation and both shapes.</summary>
public class ShapeErrorTests
{
    private readonly Model _model = new("shapes");

    [Fact]
    public void Add_DifferentShapes_NamesBothShapes()
    {
        var x = _model.RealVector("x", 3);
        var y = _model.RealVector("y", 2);
        var e = Assert.Throws<ModelException>(() => x + y);
        Assert.Equal("add", e.Location);
        Assert.Contains("3×1", e.Message);
        Assert.Contains("2×1", e.Message);
        Assert.Contains("'x'", e.Message);
        Assert.Contains("'y'", e.Message);
    }

    [Fact]
    public void Multiply_InnerDimensionsDiffer_NamesBothShapes()
    {
        var x = _model.RealVector("x", 3);
        var a = Matrix<double>.Build.Dense(2, 4);
        var e = Assert.Throws<ModelException>(() => a * x);
        Assert.Equal("multiply", e.Location);
        Assert.Contains("2×4", e.Message);
        Assert.Contains("3×1", e.Message);
    }

    [Fact]
    public void Multiply_TwoVariables_IsRefusedAsNotAffine()
    {
        var x = _model.RealVector("x", 3);
        var y = _model.RealVector("y", 3);
        var e = Assert.Throws<ModelException>(() => x.T * y);
        Assert.Contains("not affine", e.Message);
        Assert.Contains("1×3", e.Message);
        Assert.Contains("3×1", e.Message);
    }

    [Fact]
    public void HStack_RowCountsDiffer_NamesBothShapes()
    {
        var x = _model.RealVector("x", 3);
        var y = _model.RealVector("y", 2);
        var e = Assert.Throws<ModelException>(() => Expr.HStack(x, y));
        Assert.Equal("hstack", e.Location);
        Assert.Contains("3 rows", e.Message);
        Assert.Contains("2×1", e.Message);
    }

    [Fact]
    public void VStack_ColumnCountsDiffer_NamesBothShapes()
    {
        var x = _model.RealMatrix("X", 2, 3);
        var y = _model.RealMatrix("Y", 2, 2);
        var e = Assert.Throws<ModelException>(() => Expr.VStack(x, y));
        Assert.Equal("vstack", e.Location);
        Assert.Contains("3 columns", e.Message);
        Assert.Contains("2×2", e.Message);
    }

    [Fact]
    public void Block_InconsistentWidths_NamesTheBlockColumn()
    {
        var f = _model.Symmetric("F", 3);
        var t = _model.RealScalar("t");
        var e = _model.RealVector("e", 2);
        var ex = Assert.Throws<ModelException>(() => Expr.Block(new Expression?[,] { { f, e }, { e.T, t } }));
        Assert.Equal("block", ex.Location);
        Assert.Contains("'F' has 3 rows", ex.Message);
    }

    [Fact]
    public void Trace_NonSquare_IsRefused()
    {
        var x = _model.ComplexMatrix("X", 2, 3);
        var e = Assert.Throws<ModelException>(() => x.Trace());
        Assert.Equal("trace", e.Location);
        Assert.Contains("2×3", e.Message);
    }

    [Fact]
    public void Index_OutOfRange_NamesTheShape()
    {
        var x = _model.RealVector("x", 3);
        var e = Assert.Throws<ModelException>(() => x[3]);
        Assert.Contains("(3, 0)", e.Message);
        Assert.Contains("3×1", e.Message);
        Assert.Throws<ModelException>(() => x[0..5]);
    }

    [Fact]
    public void Inequality_OnComplexExpression_IsRefused()
    {
        var z = _model.ComplexScalar("z");
        var e = Assert.Throws<ModelException>(() => z <= 1.0);
        Assert.Contains("complex", e.Message);
    }

    [Fact]
    public void Psd_OnNonSquareOrMismatchedShapes_IsRefused()
    {
        var x = _model.ComplexMatrix("X", 2, 3);
        var w = _model.Hermitian("W", 3);
        Assert.Contains("square", Assert.Throws<ModelException>(() => x >> 0.0).Message);
        var e = Assert.Throws<ModelException>(() => w >> Expr.Identity(2));
        Assert.Contains("3×3", e.Message);
        Assert.Contains("2×2", e.Message);
    }

    [Fact]
    public void QuadForm_WrongLength_NamesBothShapes()
    {
        var w = _model.Hermitian("W", 3);
        var h = Vector<double>.Build.Dense(4, 1.0);
        var e = Assert.Throws<ModelException>(() => Expr.QuadForm(h, w));
        Assert.Contains("4×1", e.Message);
        Assert.Contains("3×3", e.Message);
    }

    [Fact]
    public void Divide_ByVariable_IsRefused()
    {
        var x = _model.RealScalar("x");
        var y = _model.RealScalar("y");
        Assert.Equal("divide", Assert.Throws<ModelException>(() => x / y).Location);
    }

    [Fact]
    public void Parameter_ValueOfWrongShape_NamesBothShapes()
    {
        var p = _model.Parameter("P", Matrix<double>.Build.Dense(2, 2));
        var e = Assert.Throws<ModelException>(() => p.Set(Matrix<double>.Build.Dense(3, 2)));
        Assert.Contains("3×2", e.Message);
        Assert.Contains("2×2", e.Message);
    }

    [Fact]
    public void Constant_WithNaN_IsRefused()
    {
        var m = Matrix<double>.Build.Dense(2, 2, double.NaN);
        Assert.Contains("NaN", Assert.Throws<ModelException>(() => Expr.Constant(m, "M")).Message);
    }

    [Fact]
    public void VariableName_Twice_IsRefused()
    {
        _model.RealScalar("t");
        Assert.Contains("already used", Assert.Throws<ModelException>(() => _model.RealVector("t", 2)).Message);
    }
}
