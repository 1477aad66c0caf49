namespace Isac.Network.Beamforming;

/// <summary>
/// A per-BS beamformer: the seam where the simulator plugs DualOpt, the FP baselines, or the
/// SDR-based ISAC beamformer of the paper's reference [1] (<see cref="SdrBeamformer"/>, on the
/// modelling layer).
/// </summary>
public interface ILocalBeamformer
{
    /// <summary>A short name for tables and CSV files (e.g. <c>dualopt</c>).</summary>
    string Name { get; }

    /// <summary>Solves one BS's problem (17) (or its communication-only version when <see cref="LocalBeamformingProblem.Sensing"/> is null).</summary>
    BeamformingResult Solve(LocalBeamformingProblem problem);
}
