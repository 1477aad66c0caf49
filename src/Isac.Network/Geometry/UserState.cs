namespace Isac.Network.Geometry;

/// <summary>A user: the cell it is served by (fixed for the run), position and velocity.</summary>
/// <param name="Cell">Serving cell ℓ.</param>
/// <param name="Index">Index k within the cell.</param>
/// <param name="Position">Position, m.</param>
/// <param name="Velocity">Velocity, m/s.</param>
public readonly record struct UserState(int Cell, int Index, Point2 Position, Point2 Velocity);
