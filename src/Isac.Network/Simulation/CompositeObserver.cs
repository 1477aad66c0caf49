using Complex = System.Numerics.Complex;
using Isac.Network.Beamforming;

namespace Isac.Network.Simulation;

/// <summary>Several observers of one run, called in order.</summary>
public sealed class CompositeObserver(params ISimulationObserver[] observers) : ISimulationObserver
{
    /// <inheritdoc />
    public void EpochStarted(int epoch, int epochs)
    {
        foreach (var o in observers) o.EpochStarted(epoch, epochs);
    }

    /// <inheritdoc />
    public void BeamformingSolved(int epoch, int bs, LocalBeamformingProblem problem, BeamformingResult result)
    {
        foreach (var o in observers) o.BeamformingSolved(epoch, bs, problem, result);
    }

    /// <inheritdoc />
    public void Transmitted(int epoch, IReadOnlyList<int[]> scheduled, Complex[][][] beams)
    {
        foreach (var o in observers) o.Transmitted(epoch, scheduled, beams);
    }

    /// <inheritdoc />
    public void EpochFinished(EpochRecord record)
    {
        foreach (var o in observers) o.EpochFinished(record);
    }
}
