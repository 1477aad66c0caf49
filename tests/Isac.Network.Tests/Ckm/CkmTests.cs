using Isac.Core.Numerics;
using Isac.Core;
using Isac.Core.Random;
using Isac.Network.Channels;
using Isac.Network.Ckm;
using Isac.Network.Geometry;

namespace Isac.Network.Tests.Ckm;

public class CkmTests
{
    private static readonly ChannelSettings Channel = new();
    private static readonly CkmSettings Settings = new(Snapshots: 4);

    [Fact]
    public void SparseRecovery_NoiselessOnGridSpectrum_IsExact()
    {
        // r̄ = Φα for an APS on three bins: OLS must find the bins and the NNLS fit the powers.
        var rsrp = new RsrpMeasurement(Settings, Channel, transmitPower: 4, noise: 1e-12);
        var truth = new Dictionary<int, double> { [20] = 3e-9, [64] = 1e-9, [101] = 5e-10 };
        var r = new double[Settings.CodebookSize];
        foreach (var (bin, p) in truth)
            for (int b = 0; b < r.Length; b++) r[b] += rsrp.Dictionary[bin][b] * p;
        var (bins, powers) = new SparseApsRecovery(rsrp.Dictionary, 4).Recover(r);
        Assert.Equal(truth.Keys.OrderBy(x => x), bins.OrderBy(x => x));
        foreach (var (bin, p) in bins.Zip(powers)) Assert.Equal(truth[bin], p, 1e-6 * truth[bin]);
    }

    [Fact]
    public void Measurement_AveragesToTheDictionaryModel_ForSeparatedPaths()
    {
        // E[r̄] = Φᾱ when the paths' cross terms vanish: two paths on bins far apart, many snapshots.
        var settings = Settings with { Snapshots = 4000 };
        var rsrp = new RsrpMeasurement(settings, Channel, 4, noise: 1e-13);
        var paths = new[] { new PathGain(settings.BinAngle(30), 2e-9), new PathGain(settings.BinAngle(90), 1e-9) };
        var r = rsrp.Measure(paths, new DeterministicRandom(9));
        var model = new double[r.Length];
        for (int b = 0; b < r.Length; b++) model[b] = rsrp.Dictionary[30][b] * 2e-9 + rsrp.Dictionary[90][b] * 1e-9;
        double peak = model.Max();
        for (int b = 0; b < r.Length; b++) Assert.True(Math.Abs(r[b] - model[b]) <= 0.1 * peak, $"beam {b}: {r[b]} vs {model[b]}");
    }

    private static (PaperChannelModel Model, ChannelKnowledgeMap Map, CkmGrid Grid) SmallMap(ulong seed, IApsSource? sourceOverride = null)
    {
        var layout = NetworkLayout.PaperB();
        var field = new ScattererField(layout, Channel, new DeterministicRandom(seed));
        var model = new PaperChannelModel(Channel, layout, field, seed);
        var grid = new CkmGrid(new Point2(150, 20), 0.4, 6, 5);
        var rsrp = new RsrpMeasurement(Settings, Channel, 3.98, 1.3e-12);
        var map = new ChannelKnowledgeMap(0, grid, Settings, Channel.TransmitAntennas, sourceOverride ?? new SimulatedCampaign(model, 0, grid, rsrp, seed));
        return (model, map, grid);
    }

    [Fact]
    public void OnDemandEntries_EqualFullBuildEntries()
    {
        var (_, full, grid) = SmallMap(21);
        var (_, lazy, _) = SmallMap(21);
        full.BuildAll(1);
        Assert.Equal(grid.Count, full.BuiltCount);
        var p = grid.Center(3, 2);
        Assert.Equal(full.Query(p), lazy.Query(p));
        Assert.Equal(1, lazy.BuiltCount);
    }

    [Fact]
    public void SaveLoad_RoundTripsEveryEntry()
    {
        var (_, map, grid) = SmallMap(22);
        map.BuildAll(1);
        using var ms = new MemoryStream();
        CkmFile.Save(map, ms);
        ms.Position = 0;
        var loaded = CkmFile.Load(ms, "test.ckm");
        Assert.Equal(map.BuiltCount, loaded.BuiltCount);
        Assert.Equal(map.Grid, loaded.Grid);
        for (int ix = 0; ix < grid.Nx; ix++)
            for (int iy = 0; iy < grid.Ny; iy++)
            {
                var (b1, p1) = map.Entry(ix, iy);
                var (b2, p2) = loaded.Entry(ix, iy);
                Assert.Equal(b1, b2);
                Assert.Equal(p1, p2);
            }
    }

    [Fact]
    public void Load_GarbageFile_IsAnInputErrorNamingTheFile()
    {
        using var ms = new MemoryStream([1, 2, 3, 4, 5]);
        var e = Assert.Throws<IsacInputException>(() => CkmFile.Load(ms, "bad.ckm"));
        Assert.StartsWith("bad.ckm", e.Message);
    }

    [Fact]
    public void Query_RecoversTheDominantDirectionOfTheTrueChannel()
    {
        // The reconstructed ĥ (36) should point where the true inter-cell channel's power goes:
        // its normalised correlation with the mean channel is high.
        var (model, map, grid) = SmallMap(23);
        var p = grid.Center(2, 2);
        var paths = model.Scatterers.Paths(model.Layout.BaseStations[0], p);
        var mean = model.Synthesize(paths.Select(x => x).ToArray(), new DeterministicRandom(1));
        var est = map.Query(p);
        double corr = Isac.Core.Numerics.ComplexVectors.AbsDotSquared(est, mean) /
                      (Isac.Core.Numerics.ComplexVectors.NormSquared(est) * Isac.Core.Numerics.ComplexVectors.NormSquared(mean));
        Assert.True(corr > 0.5, $"correlation {corr}");
    }
}
