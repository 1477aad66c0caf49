using Complex = System.Numerics.Complex;
using Isac.Network.Beamforming;

namespace Isac.Network.Simulation;

/// <summary>Sees a run as it goes: a progress display, a problem exporter. Called from the simulator's thread, in BS order.</summary>
public interface ISimulationObserver
{
    /// <summary>Epoch <paramref name="epoch"/> of <paramref name="epochs"/> begins.</summary>
    void EpochStarted(int epoch, int epochs) { }

    /// <summary>BS <paramref name="bs"/> solved its problem of epoch <paramref name="epoch"/> (local beamforming schemes only).</summary>
    void BeamformingSolved(int epoch, int bs, LocalBeamformingProblem problem, BeamformingResult result) { }

    /// <summary>Every cell's beams of epoch <paramref name="epoch"/> (aligned with <paramref name="scheduled"/>), as transmitted (every scheme).</summary>
    void Transmitted(int epoch, IReadOnlyList<int[]> scheduled, Complex[][][] beams) { }

    /// <summary>An epoch is done.</summary>
    void EpochFinished(EpochRecord record) { }
}
