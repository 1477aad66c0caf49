using Isac.Core.Random;

namespace Isac.Network.Geometry;

/// <summary>
/// Places users: uniformly over the area of each cell (or at given positions), each moving at
/// the given speed in a uniformly random direction.
/// </summary>
public static class UserDrop
{
    /// <summary>
    /// Drops <paramref name="usersPerCell"/> users in every cell, uniformly over the cell's region
    /// (<see cref="ICellRegion.Sample"/>; an annulus: d = √(U(d_min², R²)), azimuth U(0, 2π)); heading U(0, 2π).
    /// </summary>
    public static UserState[][] Uniform(NetworkLayout layout, int usersPerCell, double speed, DeterministicRandom rng)
    {
        if (usersPerCell < 1) throw new ArgumentOutOfRangeException(nameof(usersPerCell), usersPerCell, "must be positive");
        var cells = new UserState[layout.Cells][];
        for (int l = 0; l < layout.Cells; l++)
        {
            cells[l] = new UserState[usersPerCell];
            for (int k = 0; k < usersPerCell; k++)
            {
                var p = layout.Regions[l].Sample(rng);
                double heading = rng.NextUniform(0, 2 * Math.PI);
                cells[l][k] = new UserState(l, k, p, new Point2(0, 0).Offset(speed, heading));
            }
        }
        return cells;
    }

    /// <summary>Users at given positions (per cell), each with a random heading at the given speed.</summary>
    public static UserState[][] AtPositions(IReadOnlyList<IReadOnlyList<Point2>> positions, double speed, DeterministicRandom rng)
    {
        var cells = new UserState[positions.Count][];
        for (int l = 0; l < positions.Count; l++)
        {
            cells[l] = new UserState[positions[l].Count];
            for (int k = 0; k < positions[l].Count; k++)
            {
                double heading = rng.NextUniform(0, 2 * Math.PI);
                cells[l][k] = new UserState(l, k, positions[l][k], new Point2(0, 0).Offset(speed, heading));
            }
        }
        return cells;
    }
}
