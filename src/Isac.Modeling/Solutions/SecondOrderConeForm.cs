namespace Isac.Modeling.Solutions;

/// <summary>How second-order cones are handed to the solver.</summary>
public enum SecondOrderConeForm
{
    /// <summary>As the solver's native second-order-cone blocks (the default).</summary>
    Native,

    /// <summary>
    /// As arrow-matrix PSD blocks [[t, xᵀ], [x, tI]] ⪰ 0: exact, costlier, a fallback for checking
    /// a result against the solver's PSD code path.
    /// </summary>
    ArrowPsd,
}
