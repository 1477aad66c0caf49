using Isac.Core.Random;
using Isac.Network.Channels;

namespace Isac.Network.Ckm;

/// <summary>
/// The offline measurement campaign of one BS, simulated: at each grid point's centre, T RSRP
/// snapshots of the inter-cell channel (the model's <see cref="IChannelModel.CampaignPaths"/>; paper B: eq. (38)) with the DFT codebook, then the sparse APS
/// recovery (35). Every grid point has its own random stream (seed, BS, ix, iy), so a point
/// measured on demand equals the same point of a full build.
/// </summary>
public sealed class SimulatedCampaign : IApsSource
{
    private readonly IChannelModel _model;
    private readonly int _bs;
    private readonly CkmGrid _grid;
    private readonly RsrpMeasurement _rsrp;
    private readonly SparseApsRecovery _recovery;
    private readonly ulong _seed;

    /// <summary>Creates the campaign of BS <paramref name="bs"/>.</summary>
    public SimulatedCampaign(IChannelModel model, int bs, CkmGrid grid, RsrpMeasurement rsrp, ulong seed)
    {
        _model = model;
        _bs = bs;
        _grid = grid;
        _rsrp = rsrp;
        _seed = seed;
        _recovery = new SparseApsRecovery(rsrp.Dictionary, rsrp.Settings.Sparsity);
    }

    /// <inheritdoc />
    public (int[] Bins, double[] Powers) Measure(int ix, int iy)
    {
        var p = _grid.Center(ix, iy);
        var paths = _model.CampaignPaths(_bs, p);
        var rng = new DeterministicRandom(DeterministicRandom.Derive(_seed, [2, _bs, ix, iy]));
        var r = _rsrp.Measure(paths, rng);
        return _recovery.Recover(r);
    }
}
