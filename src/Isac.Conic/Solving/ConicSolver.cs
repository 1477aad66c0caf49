using Isac.Conic.Ipm;
using Isac.Conic.Problem;

namespace Isac.Conic;

/// <summary>
/// The primal-dual interior-point solver for LP, SOCP and SDP in the block form of
/// <see cref="ConicProblem"/>: infeasible start, Mehrotra predictor-corrector, HKM direction on PSD
/// blocks (NT on second-order cones, where it is cheap and closed-form), m×m Schur complement
/// specialised for sparse, dense and low-rank constraint matrices.
/// </summary>
public static class ConicSolver
{
    /// <summary>Solves a conic problem.</summary>
    /// <param name="problem">The problem (validated when it was built).</param>
    /// <param name="settings">Tolerances and limits; null for <see cref="SolverSettings.Default"/>.</param>
    /// <param name="log">Where the banner, iteration rows and summary go; null for nowhere.</param>
    /// <param name="cancellationToken">Stops the solve at the next iteration with
    /// <see cref="SolverStatus.Cancelled"/>.</param>
    /// <returns>The solution; infeasibility and limits are statuses, never exceptions.</returns>
    /// <exception cref="ConicInputException">Invalid settings, or an OpenBLAS backend that does not load.</exception>
    public static ConicSolution Solve(ConicProblem problem, SolverSettings? settings = null,
                                      TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        settings ??= SolverSettings.Default;
        settings.Validate();
        return InteriorPointMethod.Run(problem, settings, log, cancellationToken);
    }
}
