using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Physics.Arrays;
using Isac.Physics.Channels;

namespace Isac.Physics.Tests.Channels;

public class ChannelGeneratorsTests
{
    [Fact]
    public void Rayleigh_MeanPowerPerAntennaIsTheLinkGain()
    {
        var gains = LinkGains.IntraInter(2, 1.0, 1.0 / 3);
        var random = new DeterministicRandom(40);
        const int draws = 500, ntx = 8, k = 3;
        var power = new double[2, 2];
        for (int d = 0; d < draws; d++)
        {
            var h = ChannelGenerators.Rayleigh(k, ntx, gains, random);
            for (int n = 0; n < 2; n++)
                for (int m = 0; m < 2; m++)
                    for (int u = 0; u < k; u++)
                        power[n, m] += Math.Pow(h.PerBs(n, m, u).L2Norm(), 2) / (draws * ntx * k);
        }
        // |h_i|² is exponential with mean g: relative standard error 1/√(draws·ntx·k) ≈ 0.008.
        for (int n = 0; n < 2; n++)
            for (int m = 0; m < 2; m++)
                Assert.InRange(power[n, m] / gains.Gain(n, m), 0.96, 1.04);
    }

    [Fact]
    public void Stacked_ConcatenatesThePerBsChannelsInBsOrder()
    {
        var h = ChannelGenerators.Rayleigh(2, 3, LinkGains.IntraInter(3, 1, 0.2), new DeterministicRandom(41));
        var s = h.Stacked(2, 1);
        Assert.Equal(9, s.Count);
        for (int n = 0; n < 3; n++) Assert.Equal(h.PerBs(n, 2, 1), s.SubVector(3 * n, 3));
        Assert.Equal(s, h.Stacked(h.GlobalUser(2, 1)));
        Assert.Equal(5, h.GlobalUser(2, 1));
    }

    [Fact]
    public void LineOfSight_IsScaledSteeringVectorWithDrawnPhase()
    {
        var ula = new UniformLinearArray(6, ArrayNormalization.Unnormalized);
        var angles = new double[2, 2, 1] { { { 0.2 }, { -0.4 } }, { { 0.9 }, { 0.1 } } };
        var gains = LinkGains.IntraInter(2, 1, 1.0 / 3);
        var fixedPhase = ChannelGenerators.LineOfSight(ula, angles, gains, null);
        Assert.Equal(ula.Response(-0.4) * Math.Sqrt(1.0 / 3), fixedPhase.PerBs(0, 1, 0));
        var random = ChannelGenerators.LineOfSight(ula, angles, gains, new DeterministicRandom(42));
        var h = random.PerBs(1, 1, 0);
        Complex phase = h[0];
        Assert.Equal(1.0, phase.Magnitude, 14);
        Assert.True((h - ula.Response(0.1) * phase).L2Norm() < 1e-14);
    }
}
