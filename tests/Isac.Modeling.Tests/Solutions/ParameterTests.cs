using Isac.Modeling.Expressions;
using Isac.Modeling.Solutions;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Tests.Solutions;

/// <summary>Parameters change constants between solves without rebuilding the model.</summary>
public class ParameterTests
{
    [Fact]
    public void MatrixParameter_ChangedBetweenSolves_GivesTheNewOptimum()
    {
        var model = new Model("eig-parameter");
        var c = model.Parameter("C", TestData.RandomHermitian(4, seed: 81), hermitian: true);
        var x = model.HermitianPsd("X", 4);
        model.Add(x.Trace() == 1.0);
        model.Maximize(Expr.Trace(c * x));

        for (ulong seed = 81; seed < 84; seed++)
        {
            var value = TestData.RandomHermitian(4, seed);
            c.Set(value);
            var s = model.Solve();
            Assert.Equal(ModelStatus.Optimal, s.Status);
            Assert.Equal(TestData.LargestEigenvalue(value), s.Objective, Tolerances.Optimum);
        }
    }

    [Fact]
    public void VectorParameter_InQuadraticForm_IsReadAtEachSolve()
    {
        // min tr W s.t. hᴴ W h ≥ 1: W = h hᴴ/‖h‖⁴, tr W = 1/‖h‖².
        var model = new Model("channel-parameter");
        var h = model.Parameter("h", TestData.RandomComplexVector(3, seed: 85));
        var w = model.HermitianPsd("W", 3);
        model.Add(Expr.QuadForm(h, w) >= 1.0);
        model.Minimize(w.Trace());
        foreach (ulong seed in new ulong[] { 86, 87 })
        {
            var value = TestData.RandomComplexVector(3, seed);
            h.Set(value);
            var s = model.Solve();
            Assert.Equal(ModelStatus.Optimal, s.Status);
            Assert.Equal(1 / value.ConjugateDotProduct(value).Real, s.Objective, Tolerances.Optimum);
        }
    }

    [Fact]
    public void SolutionValues_UseTheParameterValuesOfTheirSolve()
    {
        var model = new Model("snapshot");
        var b = model.Parameter("b", 2.0);
        var x = model.RealScalar("x");
        model.Add(x >= b);
        model.Minimize(x);
        var s = model.Solve();
        b.Set(5.0);
        Assert.Equal(0.0, s.Scalar(x - b), Tolerances.Values);
    }

    [Fact]
    public void HermitianParameter_NonHermitianValue_IsRefused()
    {
        var model = new Model("p");
        var c = model.Parameter("C", Matrix<Complex>.Build.DenseIdentity(2), hermitian: true);
        var bad = Matrix<Complex>.Build.DenseOfArray(new Complex[,] { { 1, 2 }, { 0, 1 } });
        Assert.Contains("not Hermitian", Assert.Throws<ModelException>(() => c.Set(bad)).Message);
        var g = model.Parameter("g", 1.0, nonnegative: true);
        Assert.Contains("negative", Assert.Throws<ModelException>(() => g.Set(-1.0)).Message);
        var r = model.Parameter("r", Matrix<double>.Build.Dense(2, 2));
        var complex = Matrix<Complex>.Build.Dense(2, 2, new Complex(0, 1));
        Assert.Contains("complex value for a real parameter", Assert.Throws<ModelException>(() => r.Set(complex)).Message);
    }
}
