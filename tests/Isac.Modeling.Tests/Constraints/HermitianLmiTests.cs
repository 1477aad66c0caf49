using Isac.Modeling.Expressions;
using Isac.Modeling.Solutions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Tests.Constraints;

/// <summary>Hermitian LMIs: the matrix must be Hermitian, checked on the numbers when the model is compiled.</summary>
public class HermitianLmiTests
{
    [Fact]
    public void Lmi_WithNonHermitianConstant_IsRefusedNamingTheEntries()
    {
        var model = new Model("lmi");
        var w = model.Hermitian("W", 2);
        var c = Matrix<Complex>.Build.DenseOfArray(new Complex[,] { { 1, new Complex(0, 1) }, { new Complex(0, 1), 1 } });
        model.Add(w + Expr.Constant(c, "C") >> 0.0, "lmi");
        model.Minimize(w.Trace());
        var e = Assert.Throws<ModelException>(() => model.Compile());
        Assert.Equal("constraint 'lmi'", e.Location);
        Assert.Contains("non-Hermitian constant", e.Message);
        Assert.Contains("(0, 1)", e.Message);
    }

    [Fact]
    public void Lmi_OnGeneralComplexVariable_IsRefusedNamingTheVariable()
    {
        var model = new Model("lmi");
        var x = model.ComplexMatrix("X", 2, 2);
        model.Add(x >> 0.0);
        model.Minimize(x.Trace().Re());
        var e = Assert.Throws<ModelException>(() => model.Compile());
        Assert.Contains("not Hermitian", e.Message);
        Assert.Contains("variable 'X'", e.Message);
    }

    [Fact]
    public void Lmi_SchurComplementBlock_IsAcceptedAndHolds()
    {
        // [[R, x], [xᴴ, 1]] ⪰ 0 ⇔ R ⪰ x xᴴ; minimising tr R gives R = x xᴴ and tr R = ‖x‖² = ‖a‖².
        var model = new Model("schur");
        var r = model.Hermitian("R", 3);
        var x = model.ComplexVector("x", 3);
        var a = TestData.RandomComplexVector(3, seed: 4);
        model.Add(Expr.Block(new Expression?[,] { { r, x }, { x.H, 1.0 } }) >> 0.0);
        model.Add(x == a);
        model.Minimize(r.Trace());
        var solution = model.Solve();
        Assert.Equal(ModelStatus.Optimal, solution.Status);
        Assert.Equal(a.ConjugateDotProduct(a).Real, solution.Objective, Tolerances.Optimum);
    }
}
