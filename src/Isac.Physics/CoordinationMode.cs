namespace Isac.Physics;

/// <summary>How the base stations of a multi-cell ISAC network cooperate (paper A).</summary>
public enum CoordinationMode
{
    /// <summary>
    /// Coordinated beamforming: each BS serves its own K users and senses its own target
    /// monostatically; CSI is shared but user data is not, so the other BSs' signals are
    /// interference, both at the users and in the echoes. The CSI error of user mk is one
    /// vector e_mk with ‖e_mk‖ ≤ δ, added to the channel from every BS (paper A eq. (1)).
    /// </summary>
    Cbf,

    /// <summary>
    /// Coordinated multi-point: CSI and data are shared, the J BSs act as one virtual BS with
    /// J·Ntx antennas serving all J·K users, and the other BSs' reflections carry information
    /// (bistatic sensing). The stacked CSI error of a user satisfies ‖e_k‖² ≤ J·δ² (eq. (3)).
    /// </summary>
    Comp,
}
