namespace Isac.Modeling.Solutions;

/// <summary>How second-order cones are handed to the solver.</summary>
public enum SecondOrderConeForm
{
    /// <summary>
    /// As arrow-matrix PSD blocks [[t, xᵀ], [x, tI]] ⪰ 0 (exact; the default while the solver's
    /// native second-order cones do not converge reliably).
    /// </summary>
    ArrowPsd,

    /// <summary>As the solver's native second-order-cone blocks.</summary>
    Native,
}
