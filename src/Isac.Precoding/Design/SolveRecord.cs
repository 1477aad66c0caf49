namespace Isac.Precoding.Design;

/// <summary>One convex problem handed to the conic solver during a design.</summary>
/// <param name="Problem">Which problem: <c>P1.A</c>, <c>P1.B</c>, <c>P2.A</c>, …, with <c>/nf-rcrb</c> or <c>/nf-sinr</c>
/// for the normalisation runs.</param>
/// <param name="Iteration">Algorithm 1's iteration (1-based).</param>
/// <param name="Bs">The BS of a per-BS problem (0-based), or null.</param>
/// <param name="Status">The modelling layer's status (Optimal, Infeasible, NumericalError, …).</param>
/// <param name="SolverIterations">Interior-point iterations.</param>
/// <param name="Seconds">Compile and solve time.</param>
/// <param name="SchurSize">m, the order of the solver's Schur complement.</param>
/// <param name="Side">The side of the duality it was solved on.</param>
/// <param name="RealScalars">The model's real scalars in use (the Schur complement's order on the free-scalar side): its size.</param>
/// <param name="Accuracy">The solver's accuracy reached (the largest of its scale-free gaps and relative infeasibilities,
/// <see cref="Isac.Conic.ConicSolution.Accuracy"/>); NaN for an infeasibility certificate.</param>
/// <param name="Termination">What ended the solver's iteration (<see cref="Isac.Conic.TerminationReason"/>, e.g. Converged, Stall).</param>
/// <param name="Used">False for an attempt whose answer was replaced by a retry on the other side of the duality.</param>
public sealed record SolveRecord(string Problem, int Iteration, int? Bs, string Status, int SolverIterations, double Seconds, int SchurSize, string Side,
    int RealScalars, double Accuracy = double.NaN, string Termination = "", bool Used = true);
