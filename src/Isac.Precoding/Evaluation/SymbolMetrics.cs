using Complex = System.Numerics.Complex;
using Isac.Physics;
using Isac.Physics.Sinr;
using Isac.Physics.Uncertainty;
using Isac.Precoding.Network;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Evaluation;

/// <summary>Communication metrics of symbol-level precoders (constructive-interference SINR, Isac.Physics).</summary>
internal static class SymbolMetrics
{
    /// <summary>
    /// Per user, the smallest constructive-interference SINR over the frame's symbols (dB), nominal
    /// (<paramref name="errors"/> null) or guaranteed over the error ball.
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="mode">CBF: one Ntx×L matrix per BS; CoMP: one stacked matrix.</param>
    /// <param name="symbols">The transmitted symbols (absolute units).</param>
    /// <param name="errors">The error model for the worst case, or null for the nominal channel.</param>
    public static double[] UserSinrDb(IsacNetwork network, CoordinationMode mode, IReadOnlyList<Matrix<Complex>> symbols, CsiErrorModel? errors)
    {
        var d = network.Symbols();
        ConstructiveInterferenceResult result;
        if (errors is not null)
            result = ConstructiveInterference.RobustMargins(network.Channels, symbols, d, errors, network.CommNoiseVariance, 1, network.PskOrder);
        else if (mode == CoordinationMode.Cbf)
            result = ConstructiveInterference.Cbf(network.Channels, symbols, d, network.CommNoiseVariance, 1, network.PskOrder);
        else
            result = ConstructiveInterference.Comp(network.Channels, symbols[0], d, network.CommNoiseVariance, 1, network.PskOrder);
        var sinr = result.AchievedSinr;
        return Enumerable.Range(0, sinr.RowCount).Select(u => SensingMetrics.Db(sinr.Row(u).Minimum())).ToArray();
    }

    /// <summary>min over users of the nominal <see cref="UserSinrDb"/>.</summary>
    public static double MinNominalSinrDb(IsacNetwork network, CoordinationMode mode, IReadOnlyList<Matrix<Complex>> symbols) =>
        UserSinrDb(network, mode, symbols, null).Min();
}
