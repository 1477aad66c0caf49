namespace Isac.Network.Beamforming;

/// <summary>Settings of the SDR-based ISAC beamformer (<see cref="SdrBeamformer"/>).</summary>
/// <param name="MaxIterations">Cap on FP iterations (one semidefinite program each).</param>
/// <param name="Tolerance">Stop when the relaxed virtual PFR improves by less than this, relatively (0: run all iterations).</param>
/// <param name="SolverTolerance">Relative gap and feasibility tolerances of the conic solver.</param>
/// <param name="SolverThreads">Threads of the conic solver (1: the experiment runner already keeps every core busy with points).</param>
public sealed record SdrSettings(int MaxIterations = 30, double Tolerance = 1e-3, double SolverTolerance = 1e-6, int SolverThreads = 1);
