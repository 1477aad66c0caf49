using Isac.Core.Numerics;
using Isac.Core.Random;
using Isac.Network.Channels;
using Isac.Network.Geometry;
using Isac.Network.Numerics;

namespace Isac.Network.Tests.Channels;

public class ChannelTests
{
    private static PaperChannelModel Model(ulong seed = 1)
    {
        var layout = NetworkLayout.PaperB();
        var s = new ChannelSettings();
        return new PaperChannelModel(s, layout, new ScattererField(layout, s, new DeterministicRandom(seed)), seed);
    }

    [Fact]
    public void IntraCell_HasLosPathAtTheUsersAzimuthWithPathLoss()
    {
        var m = Model();
        var p = new Point2(30, 40); // 50 m from BS 0 at azimuth atan2(40, 30)
        var paths = m.Paths(0, 0, 0, p);
        Assert.Equal(4, paths.Count);
        Assert.Equal(Math.Atan2(40, 30), paths[0].Angle, 12);
        Assert.Equal(1e-6 / 2500, paths[0].Power, 1e-18);
        Assert.All(paths.Skip(1), q => Assert.InRange(paths[0].Power / q.Power, 4, 9));
    }

    [Fact]
    public void InterCell_PathsAreSpatiallyConsistent()
    {
        // Nearby locations see (almost) the same APS; that is what makes a CKM possible.
        var m = Model();
        var a = m.Paths(1, 0, 0, new Point2(40, 30));
        var b = m.Paths(1, 0, 0, new Point2(40.2, 30.1));
        Assert.Equal(a.Select(x => x.Angle), b.Select(x => x.Angle));
        for (int q = 0; q < a.Count; q++) Assert.Equal(a[q].Power, b[q].Power, 0.02 * a[q].Power);
    }

    [Fact]
    public void Channel_IsDeterministicPerEpochAndChangesAcrossEpochs()
    {
        var m = Model();
        var p = new Point2(30, 40);
        Assert.Equal(m.Channel(0, 0, 3, p, 2), Model().Channel(0, 0, 3, p, 2));
        Assert.NotEqual(m.Channel(0, 0, 3, p, 2), m.Channel(0, 0, 3, p, 3));
    }

    [Fact]
    public void NoiseCalibration_ReproducesTheReferenceSnr()
    {
        var m = Model();
        var users = UserDrop.Uniform(m.Layout, 5, 20, new DeterministicRandom(2));
        double p = 3.98, noise = NoiseCalibration.FromReferenceSnr(m, users, p, 15);
        double sum = 0;
        for (int b = 0; b < 3; b++)
            foreach (var u in users.SelectMany(c => c)) sum += ComplexVectors.NormSquared(m.Channel(b, u.Cell, u.Index, u.Position, 1));
        double snrDb = 10 * Math.Log10(p * sum / (3 * 15 * 32 * noise));
        Assert.Equal(15, snrDb, 1e-9);
    }

    [Fact]
    public void Mobility_StaysInTheCellAndMovesAtTheSpeed()
    {
        var layout = NetworkLayout.PaperB();
        var mob = new StraightLineBounce();
        var users = UserDrop.Uniform(layout, 30, 20, new DeterministicRandom(3));
        foreach (var u0 in users.SelectMany(c => c))
        {
            var u = u0;
            for (int n = 0; n < 50; n++)
            {
                var next = mob.Advance(u, 0.02, layout);
                Assert.True(layout.InCell(next.Cell, next.Position));
                Assert.True(next.Position.DistanceTo(u.Position) <= 0.4 + 1e-9);
                u = next;
            }
        }
    }
}

public class PaperModelOnHexagonalGridTests
{
    [Fact]
    public void WrappedScattererField_IsPeriodicLikeTheNetwork()
    {
        // 7 sites, wrap-around: the scatterers tile the plane with the cluster, so a BS sees the same paths at a
        // location and at its copy shifted by a wrap-around vector.
        var layout = NetworkLayout.Hexagonal(7, 1, 180, wraparound: true);
        var s = new ChannelSettings();
        var field = new ScattererField(layout, s, new DeterministicRandom(2));
        var model = new PaperChannelModel(s, layout, field, 2);
        double area = 7 * 180.0 * 180.0 * Math.Sqrt(3) / 2;
        Assert.Equal(7 * (int)Math.Round(s.ScattererDensityPerKm2 * area / 1e6), field.Count);
        var shift = layout.Wrap!.Shifts[1];
        var p = new Point2(60, 40);
        var a = model.CampaignPaths(3, p);
        var b = model.CampaignPaths(3, p + shift);
        Assert.Equal(a.Select(x => Math.Round(x.Angle, 9)), b.Select(x => Math.Round(x.Angle, 9)));
        for (int q = 0; q < a.Count; q++) Assert.Equal(a[q].Power, b[q].Power, 1e-9 * a[q].Power);
    }
}
