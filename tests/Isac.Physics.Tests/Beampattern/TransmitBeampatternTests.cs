using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Physics.Arrays;
using Isac.Physics.Beampattern;

namespace Isac.Physics.Tests.Beampattern;

public class TransmitBeampatternTests
{
    [Fact]
    public void Power_RankOne_IsTheSquaredArrayGainOfTheBeamformer()
    {
        var random = new DeterministicRandom(90);
        var ula = new UniformLinearArray(6, ArrayNormalization.Unnormalized);
        var w = RandomCases.GaussianVector(6, random);
        var r = w.OuterProduct(w.Conjugate());
        foreach (double t in TransmitBeampattern.Grid(19))
        {
            double expected = Math.Pow(ula.Response(t).DotProduct(w).Magnitude, 2);
            Assert.Equal(expected, TransmitBeampattern.Power(ula, r, t), 1e-10 * (1 + expected));
        }
    }

    [Fact]
    public void Sweep_BeamSteeredTowardTheta0_PeaksThereWithNSquared()
    {
        var ula = new UniformLinearArray(8, ArrayNormalization.Unnormalized);
        double theta0 = 30 * Math.PI / 180;
        var u = ula.Response(theta0).Conjugate();
        var grid = TransmitBeampattern.Grid(181);
        var p = TransmitBeampattern.Sweep(ula, u.OuterProduct(u.Conjugate()), grid);
        int peak = Array.IndexOf(p, p.Max());
        Assert.Equal(30.0, grid[peak] * 180 / Math.PI, 9);
        Assert.Equal(64.0, p[peak], 9);
    }
}
