using System.Globalization;
using Isac.Conic;

namespace Isac.Modeling.Solutions;

/// <summary>What the compiler chose and what the solve cost.</summary>
public sealed record ModelStatistics
{
    /// <summary>The model's name.</summary>
    public required string ModelName { get; init; }

    /// <summary>The side of the duality the model was solved on.</summary>
    public required FormulationSide Side { get; init; }

    /// <summary>m, the order of the solver's Schur complement, on the chosen side.</summary>
    public required int SchurComplementSize { get; init; }

    /// <summary>m on the cone-variable side (number of rows).</summary>
    public required int ConeVariableSideSize { get; init; }

    /// <summary>m on the free-scalar side (number of real scalars in use).</summary>
    public required int FreeScalarSideSize { get; init; }

    /// <summary>The solver's blocks, e.g. "psd(32)×6, psd(4)×2, lp(8)".</summary>
    public required string Blocks { get; init; }

    /// <summary>Auxiliary scalars introduced for atoms.</summary>
    public required int AuxiliaryScalars { get; init; }

    /// <summary>Number of (row, block) data passed to the solver in low-rank form.</summary>
    public required int LowRankTerms { get; init; }

    /// <summary>Time to lower and canonicalise the model and build the solver's problem.</summary>
    public required TimeSpan CompileTime { get; init; }

    /// <summary>Wall time inside the solver (zero before a solve).</summary>
    public TimeSpan SolveTime { get; init; }

    /// <summary>Interior-point iterations (zero before a solve).</summary>
    public int Iterations { get; init; }

    /// <summary>The solver's own status (null before a solve).</summary>
    public SolverStatus? SolverStatus { get; init; }

    /// <summary>The solver's dense kernels ("managed" or "openblas"; empty before a solve).</summary>
    public string Backend { get; init; } = "";

    /// <summary>The six DIMACS error measures of the solver's point (null before a solve).</summary>
    public DimacsErrors? Dimacs { get; init; }

    /// <summary>One line for a log (what a command's --verbose prints).</summary>
    public string Summary()
    {
        var inv = CultureInfo.InvariantCulture;
        string side = Side == FormulationSide.ConeVariables ? "cone-variable side" : "free-scalar side";
        string other = Side == FormulationSide.ConeVariables
            ? $"free-scalar side m = {FreeScalarSideSize}"
            : $"cone-variable side m = {ConeVariableSideSize}";
        string solve = SolverStatus is null ? "not solved"
            : $"solve {SolveTime.TotalMilliseconds.ToString("F1", inv)} ms ({Iterations} iterations, {Backend}), solver status {SolverStatus}";
        return $"model '{ModelName}': {side}, m = {SchurComplementSize} ({other}); blocks {Blocks}; " +
               $"{LowRankTerms} low-rank data; compile {CompileTime.TotalMilliseconds.ToString("F1", inv)} ms, {solve}";
    }
}
