namespace Isac.Precoding.Design;

/// <summary>
/// A block-level design whose relaxed optimum can be moved, within its optimal face, toward rank one: the last
/// (P·.A) is solved again with its objective held at the accepted value (up to a relative tolerance) and the total
/// transmit power Σ_k tr W_k minimised instead (docs/derivations.md §6.7).
/// </summary>
internal interface IRankReducible
{
    /// <summary>Re-solves for the least-power point of the (nearly) optimal set; on success that point becomes the accepted iterate.</summary>
    /// <param name="tolerance">How far the design's own objective may move, relative.</param>
    /// <returns>False when the solve failed (the accepted iterate is unchanged).</returns>
    bool ReduceRank(double tolerance);
}
