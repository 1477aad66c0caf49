using Isac.Physics.Channels;
using Isac.Physics.Uncertainty;

namespace Isac.Physics.Sinr;

/// <summary>Block-level SINR of every user of a network (paper A eqs. (20) for CBF, (38c) for CoMP).</summary>
public static class BlockSinr
{
    /// <summary>
    /// SINR of every user (global order u = m·K + k) at the given channels, which may be the
    /// estimates or one realisation of the true channels (<see cref="CsiErrorModel.Perturb"/>).
    /// </summary>
    /// <param name="channels">The channels the users actually see.</param>
    /// <param name="streams">The precoder's streams; in CBF each must be confined to its BS.</param>
    /// <param name="mode">CBF or CoMP (CBF checks the stream structure).</param>
    /// <param name="noiseVariance">σ_C².</param>
    public static double[] All(MultiCellChannels channels, TransmitStreams streams, CoordinationMode mode, double noiseVariance)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var noErrors = new CsiErrorModel(mode, 0);
        var sinr = new double[channels.Users];
        for (int m = 0; m < channels.Cells; m++)
            for (int k = 0; k < channels.UsersPerCell; k++)
                sinr[channels.GlobalUser(m, k)] = UserSinrProblem.ForUser(channels, streams, noErrors, m, k, noiseVariance).NominalSinr;
        return sinr;
    }
}
