using Isac.Conic.Problem;

namespace Isac.Conic;

/// <summary>Settings of the interior-point solver, with CSDP-like defaults.</summary>
/// <remarks>
/// Termination (all relative, as CSDP and SDPT3 measure them):
/// gap |⟨C,X⟩ − aᵀy| / (1 + |⟨C,X⟩| + |aᵀy|) ≤ <see cref="RelativeGapTolerance"/>,
/// ‖A(X) − a‖₂ / (1 + ‖a‖₂) ≤ <see cref="PrimalFeasibilityTolerance"/>,
/// ‖Σ y_i A_i − C − Z‖_F / (1 + ‖C‖_F) ≤ <see cref="DualFeasibilityTolerance"/>.
/// </remarks>
public sealed record SolverSettings
{
    /// <summary>Relative duality gap to stop at. Default 1e-8.</summary>
    public double RelativeGapTolerance { get; init; } = 1e-8;

    /// <summary>Relative primal infeasibility to stop at. Default 1e-8.</summary>
    public double PrimalFeasibilityTolerance { get; init; } = 1e-8;

    /// <summary>Relative dual infeasibility to stop at. Default 1e-8.</summary>
    public double DualFeasibilityTolerance { get; init; } = 1e-8;

    /// <summary>Iteration limit. Default 100.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Wall-time limit inside the solver; null for none (the default).</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Threads for forming the Schur complement; 0 (the default) uses every core.</summary>
    public int Threads { get; init; }

    /// <summary>What goes to the log writer (default: one row per iteration).</summary>
    public Verbosity Verbosity { get; init; } = Verbosity.Iterations;

    /// <summary>Dense kernel implementation (default: OpenBLAS when it loads, else managed).</summary>
    public DenseBackend Backend { get; init; } = DenseBackend.Auto;

    /// <summary>Recognise low-rank constraint matrices given as sparse or dense data (as an SDPA file
    /// gives them) and use the low-rank Schur complement formulas for them. Default true.</summary>
    public bool DetectLowRank { get; init; } = true;

    /// <summary>Infeasibility is declared when a normalised ray certifies it to this tolerance
    /// (CSDP's 1e-8 on ‖Aᵀy − Z‖ / (−aᵀy), and likewise for X). Default 1e-8.</summary>
    public double InfeasibilityTolerance { get; init; } = 1e-8;

    /// <summary>Factorisations of the Schur complement tried with a growing diagonal shift after the plain
    /// one fails (5, shifts 1e-14 to 1e-6 of the largest diagonal entry; the tests set 0 to see a failure
    /// reported).</summary>
    internal int SchurShiftAttempts { get; init; } = 5;

    /// <summary>Whether a PSD block with a sparse aggregate pattern may factorise Z sparsely (true; the tests
    /// switch it off to compare with the dense path).</summary>
    internal bool SparseDualSlack { get; init; } = true;

    /// <summary>Whether the dual-scaling method may run where the structure calls for it (true; the tests
    /// switch it off to compare with the primal-dual method).</summary>
    internal bool DualScaling { get; init; } = true;

    /// <summary>Whether a primal-dual run that ends NumericalError is run once more, centred while the primal
    /// infeasibility lags the gap (true; the tests switch it off to see the first run's result).</summary>
    internal bool CentredRestart { get; init; } = true;

    /// <summary>Whether a run still ending NumericalError is run once more in double-double arithmetic, on
    /// problems of PSD and LP blocks small enough (docs/solver.md, "Extended precision").</summary>
    internal bool ExtendedPrecision { get; init; } = true;

    /// <summary>The default settings.</summary>
    public static SolverSettings Default { get; } = new();

    /// <summary>The number of threads to use after resolving 0 to the core count.</summary>
    public int EffectiveThreads => Threads == 0 ? Environment.ProcessorCount : Threads;

    /// <summary>Checks every setting and throws <see cref="ConicInputException"/> naming the first bad one.</summary>
    public void Validate()
    {
        Tolerance(RelativeGapTolerance, nameof(RelativeGapTolerance));
        Tolerance(PrimalFeasibilityTolerance, nameof(PrimalFeasibilityTolerance));
        Tolerance(DualFeasibilityTolerance, nameof(DualFeasibilityTolerance));
        Tolerance(InfeasibilityTolerance, nameof(InfeasibilityTolerance));
        if (MaxIterations < 1)
        {
            throw new ConicInputException("settings", $"{nameof(MaxIterations)} = {MaxIterations} must be at least 1");
        }
        if (TimeLimit is { } t && !(t > TimeSpan.Zero))
        {
            throw new ConicInputException("settings", $"{nameof(TimeLimit)} = {t} must be positive");
        }
        if (Threads < 0 || Threads > 1024)
        {
            throw new ConicInputException("settings", $"{nameof(Threads)} = {Threads} must be between 0 (all cores) and 1024");
        }
        // Range tests rather than Enum.IsDefined, whose generic instantiation the JIT compiles at the first solve.
        if (Verbosity is < Verbosity.Silent or > Verbosity.Iterations || Backend is < DenseBackend.Auto or > DenseBackend.OpenBlas)
        {
            throw new ConicInputException("settings", "unknown verbosity or backend");
        }
    }

    private static void Tolerance(double value, string name)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ConicInputException("settings", $"{name} = {value} must be in (0, 1)");
        }
    }
}
