using Isac.Core;

namespace Isac.Conic.Problem;

/// <summary>A conic problem, an SDPA file or solver settings that cannot be solved as given
/// (wrong sizes, NaN or infinite data, a non-symmetric block, an empty problem, a bad setting).</summary>
public sealed class ConicInputException : IsacInputException
{
    /// <summary>Creates the error; <paramref name="location"/> is e.g. <c>file.dat-s:12</c> or <c>constraint 3, block 2</c>.</summary>
    public ConicInputException(string? location, string detail) : base(location, detail) { }
}
