using Isac.Core.Numerics;
using Isac.Core.Random;
using Isac.Network.Channels;
using Isac.Network.Geometry;
using Isac.Network.Numerics;
using Isac.Physics.Channels.Tr38901;

namespace Isac.Network.Tests.Channels;

public class Tr38901ChannelModelTests
{
    private static Tr38901ChannelModel Model(ChannelModelKind kind, ulong seed, NetworkLayout? layout = null, int antennas = 16) =>
        new(new ChannelSettings(TransmitAntennas: antennas, Model: kind), layout ?? NetworkLayout.Hexagonal(1, 1, 2000, false), seed);

    [Theory]
    [InlineData(ChannelModelKind.Tr38901Umi, 60)]
    [InlineData(ChannelModelKind.Tr38901Umi, 150)]
    [InlineData(ChannelModelKind.Tr38901Uma, 100)]
    public void LosState_HasTable742sProbability_ByMonteCarlo(ChannelModelKind kind, double d)
    {
        // Many independent BS fields (seeds) and azimuths far apart (the LoS field decorrelates over 50 m).
        int los = 0, n = 0;
        for (ulong seed = 1; seed <= 200; seed++)
        {
            var m = Model(kind, seed);
            for (int i = 0; i < 10; i++)
            {
                var p = new Point2(0, 0).Offset(d, i * 2 * Math.PI / 10);
                if (m.Link(0, p).Los) los++;
                n++;
            }
        }
        var env = kind == ChannelModelKind.Tr38901Uma ? Tr38901Environment.UrbanMacro : Tr38901Environment.UrbanMicro;
        double pr = Tr38901LosProbability.Of(env, d), se = Math.Sqrt(pr * (1 - pr) / n);
        Assert.InRange(los / (double)n, pr - 4 * se - 0.01, pr + 4 * se + 0.01);
    }

    [Fact]
    public void PathLoss_IsTable741sAtTheLinkDistance()
    {
        var m = Model(ChannelModelKind.Tr38901Umi, 3);
        for (int i = 0; i < 50; i++)
        {
            var p = new Point2(0, 0).Offset(20 + 10 * i, 0.3 * i);
            var link = m.Link(0, p);
            Assert.Equal(Tr38901PathLoss.Db(Tr38901Environment.UrbanMicro, link.Los, 20 + 10 * i, 30, 10, 1.5), link.PathLossDb, 9);
        }
    }

    [Fact]
    public void ShadowFading_HasTheTablesStdAndCorrelationDistance_ByMonteCarlo()
    {
        // SF of NLoS UMi links: N(0, 7.82²) dB, correlation exp(−Δ/13 m) (Tables 7.4.1-1, 7.5-6).
        var sf = new List<double>();
        double cross = 0, sq = 0;
        int pairs = 0;
        for (ulong seed = 1; seed <= 300; seed++)
        {
            var m = Model(ChannelModelKind.Tr38901Umi, seed);
            for (int i = 0; i < 8; i++)
            {
                var p = new Point2(0, 0).Offset(400, i * Math.PI / 4); // far: almost surely NLoS
                var q = p + new Point2(13 * Math.Cos(i), 13 * Math.Sin(i));
                var a = m.Link(0, p);
                var b = m.Link(0, q);
                if (a.Los || b.Los) continue;
                sf.Add(a.ShadowFadingDb);
                cross += a.ShadowFadingDb * b.ShadowFadingDb;
                sq += a.ShadowFadingDb * a.ShadowFadingDb;
                pairs++;
            }
        }
        double mean = sf.Average(), std = Math.Sqrt(sf.Select(x => (x - mean) * (x - mean)).Average());
        Assert.InRange(mean, -0.5, 0.5);
        Assert.InRange(std, 7.82 * 0.94, 7.82 * 1.06);
        Assert.InRange(cross / sq, Math.Exp(-1) - 0.07, Math.Exp(-1) + 0.07);
    }

    [Fact]
    public void Paths_DependOnTheLocationOnly_AndAreSpatiallyConsistent()
    {
        var m = Model(ChannelModelKind.Tr38901Umi, 5);
        var p = new Point2(80, 30);
        Assert.Equal(m.CampaignPaths(0, p).Select(x => x.Power), m.Paths(0, 0, 7, p).Select(x => x.Power));
        // 0.2 m away: the same LoS state and a close total power (the exponential correlation of the shadow
        // fading, exp(−0.2/10) for LoS, leaves a difference of about 0.8 dB rms)
        var a = m.CampaignPaths(0, p);
        var b = m.CampaignPaths(0, p + new Point2(0.2, 0));
        Assert.Equal(a.Count, b.Count);
        Assert.InRange(10 * Math.Log10(a.Sum(x => x.Power) / b.Sum(x => x.Power)), -3, 3);
    }

    [Fact]
    public void Channel_HasTheMeanPowerOfItsPaths()
    {
        // E‖h‖² = Σ_q α_q over the uniform ray phases (200 epochs).
        var m = Model(ChannelModelKind.Tr38901Uma, 7);
        var p = new Point2(120, -40);
        double expected = m.Paths(0, 0, 0, p).Sum(x => x.Power);
        double sum = 0;
        for (int e = 1; e <= 400; e++) sum += ComplexVectors.NormSquared(m.Channel(0, 0, 0, p, e));
        Assert.InRange(sum / 400, 0.85 * expected, 1.15 * expected);
        Assert.Equal(m.Channel(0, 0, 0, p, 3), Model(ChannelModelKind.Tr38901Uma, 7).Channel(0, 0, 0, p, 3));
    }

    [Fact]
    public void SectorPattern_AttenuatesPathsBehindTheArray()
    {
        var layout = NetworkLayout.Hexagonal(1, 3, 200, false);
        var m = Model(ChannelModelKind.Tr38901Umi, 9, layout);
        // Sector 0 faces 30°: its LoS ray toward a user on the boresight carries 8 dBi, toward a user behind it
        // (210°) 8 − 30 dBi; the LoS ray is the last path, with K_R/(K_R + 1) of the link gain 10^(−(PL+SF)/10).
        foreach (var (az, dbi) in new[] { (Math.PI / 6, 8.0), (Math.PI / 6 + Math.PI, -22.0), (Math.PI / 6 + Angles.Radians(65), 8 - 12.0) })
        {
            var p = new Point2(0, 0).Offset(15, az); // 15 m: LoS (Pr = 1 below 18 m)
            var link = m.Link(0, p);
            Assert.True(link.Los);
            double kr = Math.Pow(10, link.KDb / 10);
            double gain = Math.Pow(10, -(link.PathLossDb + link.ShadowFadingDb) / 10) * kr / (kr + 1);
            Assert.Equal(dbi, 10 * Math.Log10(m.Paths(0, 0, 0, p)[^1].Power / gain), 9);
        }
    }
}
