using Isac.Core;

namespace Isac.Modeling;

/// <summary>
/// A model that cannot be built or solved as written: shapes that do not conform, a non-convex
/// objective or constraint, a non-Hermitian matrix in a Hermitian LMI, a variable of another model.
/// </summary>
/// <remarks>The message names the operation (the location) and the offending term or shapes, in
/// one line. It derives from <see cref="IsacInputException"/>, so the command-line program reports
/// it as bad input (exit code 2).</remarks>
public sealed class ModelException : IsacInputException
{
    /// <summary>Creates the error; <paramref name="operation"/> is e.g. <c>add</c>, <c>minimise</c> or <c>constraint 'sinr1'</c>.</summary>
    public ModelException(string operation, string detail) : base(operation, detail) { }
}
