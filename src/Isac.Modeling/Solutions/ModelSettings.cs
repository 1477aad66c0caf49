using Isac.Conic;

namespace Isac.Modeling.Solutions;

/// <summary>How a model is compiled and solved.</summary>
public sealed record ModelSettings
{
    /// <summary>The side of the conic duality; <see cref="FormulationSide.Auto"/> (the default) picks the smaller Schur complement.</summary>
    public FormulationSide Side { get; init; } = FormulationSide.Auto;

    /// <summary>How second-order cones reach the solver (default: native second-order-cone blocks).</summary>
    public SecondOrderConeForm SecondOrderCones { get; init; } = SecondOrderConeForm.Native;

    /// <summary>The conic solver's settings (tolerances, limits, threads, verbosity of its log).</summary>
    public SolverSettings Solver { get; init; } = SolverSettings.Default;

    /// <summary>The default settings.</summary>
    public static ModelSettings Default { get; } = new();
}
