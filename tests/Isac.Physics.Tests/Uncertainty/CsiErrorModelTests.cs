using Isac.Core.Random;
using Isac.Physics.Channels;
using Isac.Physics.Uncertainty;

namespace Isac.Physics.Tests.Uncertainty;

public class CsiErrorModelTests
{
    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(4, 2.0)]
    public void Sample_InsideBall_IsUniformByVolume(int dimension, double radius)
    {
        // For a uniform draw in the real 2n-ball, (‖e‖/ρ)^{2n} is uniform on [0, 1]: mean 1/2, variance 1/12.
        var random = new DeterministicRandom(30);
        const int draws = 20000;
        double sum = 0;
        for (int i = 0; i < draws; i++)
        {
            double r = ComplexBall.Sample(dimension, radius, ErrorPlacement.InsideBall, random).L2Norm();
            Assert.True(r <= radius * (1 + 1e-15));
            sum += Math.Pow(r / radius, 2 * dimension);
        }
        double standardError = Math.Sqrt(1.0 / 12 / draws);
        Assert.InRange(sum / draws, 0.5 - 5 * standardError, 0.5 + 5 * standardError);
    }

    [Fact]
    public void Sample_OnSurface_HasTheRadius()
    {
        var random = new DeterministicRandom(31);
        for (int i = 0; i < 100; i++)
            Assert.Equal(0.3, ComplexBall.Sample(5, 0.3, ErrorPlacement.OnSurface, random).L2Norm(), 14);
    }

    [Fact]
    public void Cbf_AddsTheSameErrorToEveryBsChannel()
    {
        var random = new DeterministicRandom(32);
        var nominal = ChannelGenerators.Rayleigh(2, 3, LinkGains.IntraInter(3, 1, 1.0 / 3), random);
        var model = new CsiErrorModel(CoordinationMode.Cbf, 0.1);
        var perturbed = model.Perturb(nominal, ErrorPlacement.OnSurface, random);
        for (int m = 0; m < 3; m++)
            for (int k = 0; k < 2; k++)
            {
                var e0 = perturbed.PerBs(0, m, k) - nominal.PerBs(0, m, k);
                Assert.Equal(0.1, e0.L2Norm(), 12);
                for (int n = 1; n < 3; n++)
                    Assert.True((perturbed.PerBs(n, m, k) - nominal.PerBs(n, m, k) - e0).L2Norm() < 1e-14);
            }
    }

    [Fact]
    public void Comp_StackedErrorHasRadiusSqrtJTimesDelta()
    {
        var random = new DeterministicRandom(33);
        var nominal = ChannelGenerators.Rayleigh(2, 4, LinkGains.IntraInter(2, 1, 1.0 / 3), random);
        var model = new CsiErrorModel(CoordinationMode.Comp, 0.05);
        Assert.Equal(Math.Sqrt(2) * 0.05, model.Radius(2), 15);
        var perturbed = model.Perturb(nominal, ErrorPlacement.OnSurface, random);
        for (int u = 0; u < nominal.Users; u++)
            Assert.Equal(Math.Sqrt(2) * 0.05, (perturbed.Stacked(u) - nominal.Stacked(u)).L2Norm(), 12);
    }

    [Fact]
    public void Perturb_SameSeed_SameChannels()
    {
        var nominal = ChannelGenerators.Rayleigh(2, 2, LinkGains.IntraInter(2, 1, 0.5), new DeterministicRandom(34));
        var model = new CsiErrorModel(CoordinationMode.Cbf, 0.2);
        var a = model.Perturb(nominal, ErrorPlacement.InsideBall, new DeterministicRandom(35));
        var b = model.Perturb(nominal, ErrorPlacement.InsideBall, new DeterministicRandom(35));
        Assert.Equal(a.Stacked(3), b.Stacked(3));
    }
}
