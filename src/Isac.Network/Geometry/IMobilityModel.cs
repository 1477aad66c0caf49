namespace Isac.Network.Geometry;

/// <summary>Moves users from one epoch to the next (a replaceable component of the simulator).</summary>
public interface IMobilityModel
{
    /// <summary>The user's state <paramref name="dt"/> seconds later.</summary>
    UserState Advance(UserState user, double dt, NetworkLayout layout);
}
