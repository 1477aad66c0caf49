namespace Isac.Network.Geometry;

/// <summary>
/// Constant-velocity motion in a straight line; a user that would leave its cell's annulus
/// [d_min, R] is reflected back: its heading is reversed and it retraces its path. Users never
/// change cell (no handover), matching paper B's fixed association U_ℓ.
/// </summary>
/// <remarks>
/// With the paper's 20 m/s and ΔT = 20 ms a user moves 0.4 m per epoch, 4 m in a 10-epoch run,
/// so the boundary rule only matters for users dropped within a few metres of the edge.
/// </remarks>
public sealed class StraightLineBounce : IMobilityModel
{
    /// <inheritdoc />
    public UserState Advance(UserState user, double dt, NetworkLayout layout)
    {
        var next = user.Position + dt * user.Velocity;
        if (layout.InCell(user.Cell, next)) return user with { Position = next };
        var reversed = -1.0 * user.Velocity;
        var back = user.Position + dt * reversed;
        return layout.InCell(user.Cell, back)
            ? user with { Position = back, Velocity = reversed }
            : user with { Velocity = reversed }; // cannot move either way in one step: stay, turned around
    }
}
