namespace Isac.Precoding.Design;

/// <summary>How a block-level design accounts for the CSI error ball ‖e‖ ≤ δ.</summary>
/// <remarks>
/// Symbol-level designs are not affected: their robust constructive-interference constraints
/// (paper A (52)-(53), (60)-(61)) are already the exact worst case (the margin is linear in e), so
/// both models give the same symbol-level design.
/// </remarks>
public enum RobustnessModel
{
    /// <summary>
    /// Paper A as printed: Proposition 3 (eqs. (22)-(23), (31)-(32), (39)-(40)), i.e. the nominal
    /// signal power over interference bounded term by term, with Algorithm 1's interference caps.
    /// Because (22) keeps the nominal signal, the design's worst-case SINR can fall below γ.
    /// </summary>
    Paper,

    /// <summary>
    /// Beyond the paper: the worst-case SINR constraint min_e SINR(e) ≥ γ in S-procedure form
    /// (an LMI per user, exact for the relaxed covariances), so the exact worst-case SINR of the
    /// design is at least γ when the relaxation is tight.
    /// </summary>
    Exact,
}
