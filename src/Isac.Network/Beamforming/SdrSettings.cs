namespace Isac.Network.Beamforming;

/// <summary>Settings of the SDR-based ISAC beamformer's semidefinite programs (<see cref="SdrBeamformer"/>); its FP loop takes <see cref="FractionalProgrammingSettings"/> like DualOpt's.</summary>
/// <param name="SolverTolerance">Relative gap and feasibility tolerances of the conic solver.</param>
/// <param name="SolverThreads">Threads of the conic solver (1: the experiment runner already keeps every core busy with points).</param>
public sealed record SdrSettings(double SolverTolerance = 1e-6, int SolverThreads = 1);
