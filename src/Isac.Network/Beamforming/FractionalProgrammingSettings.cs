namespace Isac.Network.Beamforming;

/// <summary>Settings of the FP outer loop (Algorithm 2, steps 2-12).</summary>
/// <param name="MaxIterations">Cap on FP iterations.</param>
/// <param name="Tolerance">Stop when the virtual PFR improves by less than this, relatively.</param>
public sealed record FractionalProgrammingSettings(int MaxIterations = 30, double Tolerance = 1e-3);
