using Isac.Core.Random;
using Isac.Network.Geometry;

namespace Isac.Network.Tests.Geometry;

public class HexagonalLayoutTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(19)]
    public void Sites_FormAHexagonalGrid_WithTheInterSiteDistance(int sites)
    {
        var layout = NetworkLayout.Hexagonal(sites, 1, 200, wraparound: false);
        Assert.Equal(sites, layout.Cells);
        var pos = layout.BaseStations;
        Assert.Equal(new Point2(0, 0), pos[0]);
        for (int i = 0; i < sites; i++)
            for (int j = 0; j < sites; j++)
                if (i != j) Assert.True(pos[i].DistanceTo(pos[j]) >= 200 - 1e-9, "sites closer than the ISD");
        // every site of a ring has a neighbour at exactly one ISD
        for (int i = 1; i < sites; i++) Assert.Contains(pos.Where((_, j) => j != i), q => Math.Abs(q.DistanceTo(pos[i]) - 200) < 1e-9);
    }

    [Fact]
    public void ThreeSectors_HaveBoresights120DegreesApart_AndTheSectorPattern()
    {
        var layout = NetworkLayout.Hexagonal(19, 3, 200, wraparound: true);
        Assert.Equal(57, layout.Cells);
        Assert.Equal(ElementPattern.Tr38901Sector, layout.Pattern);
        for (int s = 0; s < 19; s++)
        {
            var b = layout.Boresights.Skip(3 * s).Take(3).Select(Angles.Degrees).ToArray();
            Assert.Equal([30, 150, 270], b.Select(x => Math.Round(x, 9)));
            Assert.All(Enumerable.Range(3 * s, 3), c => Assert.Equal(s, layout.Sites[c]));
        }
        // The array angle is measured from the boresight: a user on the boresight is at the broadside.
        Assert.Equal(0, layout.ArrayAngle(1, Angles.Radians(150)), 12);
    }

    [Fact]
    public void Sectors_PartitionTheClusterArea()
    {
        // Every point of the sites' hexagons (outside the minimum distance) lies in exactly one cell.
        var layout = NetworkLayout.Hexagonal(7, 3, 200, wraparound: false, minUserDistance: 10);
        var rng = new DeterministicRandom(4);
        var (min, max) = layout.BoundingBox();
        int inside = 0;
        for (int i = 0; i < 20000; i++)
        {
            var p = new Point2(rng.NextUniform(min.X, max.X), rng.NextUniform(min.Y, max.Y));
            int owners = Enumerable.Range(0, layout.Cells).Count(c => layout.InCell(c, p));
            bool inCluster = Enumerable.Range(0, 7).Any(s => HexSectorRegion.InHexagon(p - layout.BaseStations[3 * s], 200))
                             && Enumerable.Range(0, 7).All(s => p.DistanceTo(layout.BaseStations[3 * s]) >= 10);
            if (inCluster) { inside++; Assert.Equal(1, owners); }
            else Assert.True(owners <= 1);
        }
        Assert.True(inside > 10000);
    }

    [Fact]
    public void UserDrop_IsUniformOverTheSector_AndMobilityKeepsUsersInIt()
    {
        var layout = NetworkLayout.Hexagonal(1, 3, 200, wraparound: false, minUserDistance: 10);
        var users = UserDrop.Uniform(layout, 3000, 20, new DeterministicRandom(5));
        foreach (var cell in users)
            Assert.All(cell, u => Assert.True(layout.InCell(u.Cell, u.Position)));
        // Uniform over a rhombus of side R = ISD/√3 around the site: the fraction within R/2 of the site
        // is (area of the 120° disk sector of radius R/2 minus the d_min disk) / (rhombus area minus it).
        double r = 200 / Math.Sqrt(3), dmin = 10;
        double rhombus = r * r * Math.Sqrt(3) / 2, inner = Math.PI * (r / 2) * (r / 2) / 3, hole = Math.PI * dmin * dmin / 3;
        double expected = (inner - hole) / (rhombus - hole);
        double observed = users[0].Count(u => u.Position.Length <= r / 2) / 3000.0;
        Assert.InRange(observed, expected - 0.03, expected + 0.03);
        var mob = new StraightLineBounce();
        foreach (var u0 in users[1].Take(200))
        {
            var u = u0;
            for (int n = 0; n < 100; n++) { u = mob.Advance(u, 0.02, layout); Assert.True(layout.InCell(1, u.Position)); }
        }
    }

    [Fact]
    public void WrapAround_ShiftsTileThePlane_AndGiveEveryLinkItsNearestImage()
    {
        foreach (var (sites, rings) in new[] { (7, 1), (19, 2) })
        {
            var wrap = new WrapAround(rings, 200);
            Assert.All(wrap.Shifts.Skip(1), s => Assert.Equal(sites * 200.0 * 200.0, s.X * s.X + s.Y * s.Y, 6)); // |s|² = N·ISD²
            var layout = NetworkLayout.Hexagonal(sites, 1, 200, wraparound: true);
            // A point at the cluster's east edge sees the westmost site through its image, closer than directly.
            int west = Enumerable.Range(0, sites).MinBy(c => layout.BaseStations[c].X);
            var p = new Point2(layout.BaseStations.Max(b => b.X) + 100, 0);
            Assert.True(layout.Relative(west, p).Length < p.DistanceTo(layout.BaseStations[west]));
            // With wrap-around no link is longer than the cluster allows: every BS is within √N·ISD/√3 + ISD of any point
            var rng = new DeterministicRandom(6);
            for (int i = 0; i < 500; i++)
            {
                var u = UserDrop.Uniform(layout, 1, 1, rng)[rng.NextInt(sites)][0].Position;
                for (int c = 0; c < sites; c++) Assert.True(layout.Relative(c, u).Length <= Math.Sqrt(sites) * 200 / Math.Sqrt(3) + 200);
            }
        }
    }

    [Fact]
    public void Coordination_ReachesTheSitesOtherSectorsAndTheFirstTier()
    {
        var layout = NetworkLayout.Hexagonal(19, 3, 200, wraparound: true);
        Assert.All(Enumerable.Range(0, 57), c => Assert.Equal(2 + 6 * 3, layout.Neighbours(c).Count));
        var noWrap = NetworkLayout.Hexagonal(19, 3, 200, wraparound: false);
        Assert.Equal(20, noWrap.Neighbours(0).Count);          // the centre site
        Assert.True(noWrap.Neighbours(56).Count < 20);          // an outer site has fewer without wrap-around
        Assert.True(NetworkLayout.PaperB().FullyCoordinated);   // the paper's network: everyone
        // symmetric relation
        foreach (int a in Enumerable.Range(0, 57)) foreach (int b in layout.Neighbours(a)) Assert.Contains(a, layout.Neighbours(b));
    }

    [Fact]
    public void InvalidGrids_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NetworkLayout.Hexagonal(5, 1, 200, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetworkLayout.Hexagonal(7, 2, 200, false));
        Assert.Throws<ArgumentException>(() => NetworkLayout.Hexagonal(1, 3, 200, wraparound: true));
    }
}
