using Isac.Core;

namespace Isac.Physics.Crb;

/// <summary>
/// The Fisher information is singular, so no finite CRB exists: typically no transmit power
/// reaches the target, the target does not reflect (α_mm = 0), or the angle sits at ±90° where
/// the array has no angular sensitivity. An input error: the precoders or the scene must change.
/// </summary>
public sealed class SingularFisherInformationException : IsacInputException
{
    /// <summary>Creates the error.</summary>
    /// <param name="location">Where (e.g. a file and JSON path), or null.</param>
    /// <param name="detail">What is singular, in one line.</param>
    public SingularFisherInformationException(string? location, string detail) : base(location, detail) { }
}
