namespace Isac.Network.Channels;

/// <summary>One propagation path: departure angle (rad, from broadside) and mean power gain.</summary>
/// <param name="Angle">Angle of departure θ, rad.</param>
/// <param name="Power">Mean power gain α (linear).</param>
public readonly record struct PathGain(double Angle, double Power);
