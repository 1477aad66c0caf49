using Isac.Network.Geometry;

namespace Isac.Network.Sensing;

/// <summary>What a BS currently believes about one of its users (from its latest echo).</summary>
/// <param name="Angle">θ̂, rad (azimuth from the BS, broadside = +x).</param>
/// <param name="Distance">d̂ = cτ̂/2, m.</param>
/// <param name="Position">(x̂, ŷ) = BS + d̂(cos θ̂, sin θ̂).</param>
/// <param name="Epoch">The epoch of the echo (0 = initial access).</param>
/// <param name="PositionVariance">The BS's predicted position error variance when the estimate was made, m²:
/// σ_d² + d̂²σ_θ² (σ_d = cσ_τ/2; first-order geometry), or 2s² for initial access.</param>
public readonly record struct SensedUser(double Angle, double Distance, Point2 Position, int Epoch, double PositionVariance);

/// <summary>The error variances of one echo (eq. (16)) and the errors drawn.</summary>
/// <param name="AngleVariance">σ²_θ, rad².</param>
/// <param name="DelayVariance">σ²_τ, s².</param>
/// <param name="DopplerVariance">σ²_μ, Hz².</param>
/// <param name="LocationError">‖p̂ − p‖ of the belief the BS keeps after this echo, m.</param>
public readonly record struct SensingOutcome(double AngleVariance, double DelayVariance, double DopplerVariance, double LocationError);
