using Complex = System.Numerics.Complex;
using Isac.Physics.Arrays;

namespace Isac.Physics.Tests.Arrays;

public class UniformLinearArrayTests
{
    [Theory]
    [InlineData(ArrayNormalization.Unnormalized, 8, 8.0)]
    [InlineData(ArrayNormalization.UnitNorm, 8, 1.0)]
    [InlineData(ArrayNormalization.Unnormalized, 1, 1.0)]
    public void Response_HasTheConventionsSquaredNorm(ArrayNormalization n, int elements, double expected)
    {
        var a = new UniformLinearArray(elements, n).Response(0.7);
        Assert.Equal(expected, a.ConjugateDotProduct(a).Real, 12);
    }

    [Fact]
    public void Response_FirstElementIsThePhaseReference()
    {
        var a = new UniformLinearArray(6, ArrayNormalization.Unnormalized).Response(-0.9);
        Assert.Equal(Complex.One, a[0]);
        // Paper A: element i is e^{jπ i sinθ} for half-wavelength spacing.
        Assert.Equal(0, (a[3] - Complex.Exp(new Complex(0, Math.PI * 3 * Math.Sin(-0.9)))).Magnitude, 12);
    }

    [Theory]
    [InlineData(ArrayNormalization.Unnormalized, -1.1)]
    [InlineData(ArrayNormalization.UnitNorm, 0.3)]
    public void Derivative_MatchesCentralDifference(ArrayNormalization n, double theta)
    {
        var ula = new UniformLinearArray(10, n);
        const double h = 1e-6;
        var numeric = (ula.Response(theta + h) - ula.Response(theta - h)) / (2 * h);
        var analytic = ula.ResponseDerivative(theta);
        Assert.True((numeric - analytic).L2Norm() < 1e-7 * Math.Max(1, analytic.L2Norm()));
    }
}
