using Complex = System.Numerics.Complex;
using Isac.Physics;
using Isac.Physics.Sinr;
using Isac.Precoding.Network;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Evaluation;

/// <summary>Communication metrics of block-level stream covariances.</summary>
internal static class BlockMetrics
{
    /// <summary>The nominal SINR of every user (dB) for stacked stream covariances (absolute units).</summary>
    public static double[] NominalSinrDb(IsacNetwork network, IReadOnlyList<Matrix<Complex>> streams)
    {
        var ts = TransmitStreams.FromCompCovariances(streams, network.Cells);
        return BlockSinr.All(network.Channels, ts, CoordinationMode.Comp, network.CommNoiseVariance).Select(SensingMetrics.Db).ToArray();
    }

    /// <summary>min over users of <see cref="NominalSinrDb"/>.</summary>
    public static double MinNominalSinrDb(IsacNetwork network, CoordinationMode mode, IReadOnlyList<Matrix<Complex>> streams) =>
        streams.Count == 0 ? double.NaN : NominalSinrDb(network, streams).Min();
}
