namespace Isac.Physics.Crb;

/// <summary>
/// The three real parameters BS m estimates about its target, ζ_m = (θ_mm, Re α_mm, Im α_mm),
/// in the order of the rows and columns of every Fisher information matrix in Isac.
/// </summary>
public enum SensingParameter
{
    /// <summary>θ_mm, the target's angle in radians.</summary>
    Angle = 0,

    /// <summary>Re α_mm.</summary>
    AmplitudeReal = 1,

    /// <summary>Im α_mm.</summary>
    AmplitudeImaginary = 2,
}
