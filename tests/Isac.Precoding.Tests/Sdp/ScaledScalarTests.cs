using Isac.Modeling;
using Isac.Precoding.Sdp;

namespace Isac.Precoding.Tests.Sdp;

public class ScaledScalarTests
{
    [Fact]
    public void ScalarInUnits_ReadsBackInTheModelsUnits()
    {
        // minimise q subject to q ≥ 3·10⁻⁴ and q ≤ 10⁻³, with q held in units of 10⁻³: the optimum is 3·10⁻⁴.
        var model = new Model("scaled");
        var q = ScaledScalar.NonNegative(model, "q", 1e-3);
        q.AtMost(model, 1e-3);
        model.Add(q.Value >= 3e-4);
        model.Minimize(q.Variable);
        var s = model.Solve();
        Assert.Equal(3e-4, q.Read(s), 9);
        Assert.Equal(0.3, s.Scalar(q.Variable), 6);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void BadUnit_IsRefused(double unit) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ScaledScalar.NonNegative(new Model("bad"), "q", unit));
}
