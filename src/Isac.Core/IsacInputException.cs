namespace Isac.Core;

/// <summary>
/// Bad input handed to an Isac library: a malformed file, an invalid field, a shape that does
/// not fit. The message is one line that names what is wrong and where (file, line, JSON path).
/// </summary>
/// <remarks>
/// Libraries throw this (or a subclass) for anything the user can fix by changing their input;
/// the command-line program turns it into a one-line error and exit code 2. Failures of the
/// computation itself (an infeasible problem, a solver that stalls) are results, not exceptions.
/// </remarks>
public class IsacInputException : Exception
{
    /// <summary>Creates an input error.</summary>
    /// <param name="location">Where the problem is, e.g. <c>theta1.dat-s:12</c> or
    /// <c>case.json: $.ntx</c>; null when the input has no natural location.</param>
    /// <param name="detail">What is wrong, in one line.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public IsacInputException(string? location, string detail, Exception? inner = null)
        : base(location is null ? detail : $"{location}: {detail}", inner)
    {
        Location = location;
        Detail = detail;
    }

    /// <summary>Creates an input error without a location.</summary>
    public IsacInputException(string detail) : this(null, detail) { }

    /// <summary>Where the problem is (file and line, or file and JSON path), if known.</summary>
    public string? Location { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Detail { get; }
}
