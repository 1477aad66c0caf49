namespace Isac.Conic.Problem;

/// <summary>The coefficient of one block (by index into <see cref="ConicProblem.Cones"/>) in C or in a constraint matrix.</summary>
/// <param name="Block">Zero-based block index.</param>
/// <param name="Matrix">The coefficient on that block.</param>
public readonly record struct BlockTerm(int Block, BlockMatrix Matrix);
