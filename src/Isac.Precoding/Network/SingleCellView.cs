using Complex = System.Numerics.Complex;
using Isac.Physics.Channels;
using Isac.Physics.Sensing;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Network;

/// <summary>
/// Cell m of a network as if it were alone (J = 1): its BS, its K users, its target; every
/// inter-cell link (interference at the users, inter-cell reflections at the BS) dropped.
/// This is how a single-cell design "ignores the neighbours" (paper A Fig. 3).
/// </summary>
public static class SingleCellView
{
    /// <summary>The single-cell network of cell <paramref name="cell"/>.</summary>
    public static IsacNetwork Of(IsacNetwork network, int cell)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (cell < 0 || cell >= network.Cells) throw new ArgumentOutOfRangeException(nameof(cell), cell, $"cell must be in [0, {network.Cells})");
        int k = network.UsersPerCell;
        var h = new Vector<Complex>[1, 1, k];
        for (int u = 0; u < k; u++) h[0, 0, u] = network.Channels.PerBs(cell, cell, u);
        var s = network.Scene;
        var scene = new SensingScene(s.TransmitArray, s.ReceiveArray, new[,] { { s.Angle(cell, cell) } },
            new[,] { { s.Reflection(cell, cell) } }, s.RadarNoiseVariance, s.FrameLength);
        var symbols = new Complex[k, network.FrameLength];
        for (int u = 0; u < k; u++)
            for (int t = 0; t < network.FrameLength; t++)
                symbols[u, t] = network.Symbol(cell * k + u, t);
        return new IsacNetwork(new MultiCellChannels(h), scene, network.TransmitPower, network.CommNoiseVariance,
            network.PskOrder, symbols, network.Limits);
    }
}
