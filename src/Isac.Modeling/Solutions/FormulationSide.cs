namespace Isac.Modeling.Solutions;

/// <summary>Which side of the conic duality a model is handed to the solver on.</summary>
/// <remarks>
/// The solver's work per iteration grows with m, the order of its Schur complement.
/// <see cref="ConeVariables"/>: PSD variables are cone blocks, every other constraint a slack block
/// tied by equality rows; m = number of rows (small for a few large PSD variables under few
/// constraints, like the block-level precoders). <see cref="FreeScalars"/>: every real scalar of
/// the model is a free variable of the solver's dual and every constraint (PSD variables
/// included) a cone block; m = number of scalars (small for few variables under many cones, like
/// the symbol-level designs). This is what CVX and MOSEK call dualisation.
/// </remarks>
public enum FormulationSide
{
    /// <summary>Choose the side with the smaller m (the default).</summary>
    Auto,

    /// <summary>Cone variables tied by equality rows: m = number of rows.</summary>
    ConeVariables,

    /// <summary>Free scalars under conic constraints: m = number of real scalars.</summary>
    FreeScalars,
}
