using System.Diagnostics;
using Isac.Conic.Cones;
using Isac.Conic.Kkt;
using Isac.Conic.LinearAlgebra;
using Isac.Conic.Problem;

namespace Isac.Conic.Ipm;

/// <summary>
/// Infeasible-start primal-dual path following with Mehrotra's predictor-corrector (one Schur
/// factorisation per iteration), CSDP's starting point and CSDP-style infeasibility tests.
/// </summary>
/// <remarks>
/// Each iteration, with r_p = a − A(X), R_d = Aᵀy − C − Z, μ = ⟨X,Z⟩/ν:
/// <code>
/// 1. scaling:   factor X, Z; W = Z⁻¹ (HKM), NT scaling on second-order cones
/// 2. Schur:     M_ij = ⟨A_i, H(A_j)⟩, Cholesky
/// 3. predictor: R = −X (σ = 0);  M Δy = A(R − H(R_d)) − r_p;  ΔZ = AᵀΔy + R_d;  ΔX = R − H(ΔZ)
/// 4. σ = (μ_aff / μ)³ with μ_aff = ⟨X + α_p ΔX, Z + α_d ΔZ⟩/ν at the predictor's longest steps
/// 5. corrector: R = σμ W − X − sym(ΔX_a ΔZ_a W), same M
/// 6. step:      α = min(1, 0.95·α_max) separately for (X) and (y, Z)
/// </code>
/// </remarks>
internal static class InteriorPointMethod
{
    /// <summary>
    /// The centring parameter σ (target σμ for the corrector) from the predictor's reduction
    /// γ = μ_aff/μ, following CSDP's rule: aggressive (σ = γ^(α_p+α_d)) only once both sides are
    /// feasible, the predictor steps were long and the gap is not yet tiny; otherwise σ = min(γ, 0.9);
    /// and at most 1/2 once feasible. Mehrotra's γ³ alone drives poorly centred iterates near the
    /// end, where the HKM products X ΔZ Z⁻¹ then lose the digits primal feasibility needs.
    /// </summary>
    internal static double Centering(double reduction, double ap, double ad, Measures m, SolverSettings s)
    {
        double gamma = double.IsFinite(reduction) && reduction > 0 ? reduction : 0.5;
        bool feasible = m.PrimalInfeasibility < 0.1 * s.PrimalFeasibilityTolerance
                        && m.DualInfeasibility < 0.1 * s.DualFeasibilityTolerance;
        double sigma = feasible && ap > 0.2 && ad > 0.2 && ap + ad > 1 && m.ComplementarityGap > 1e-6 && gamma < 1
            ? Math.Pow(gamma, ap + ad)
            : Math.Min(gamma, 0.9);
        if (m.PrimalInfeasibility < 0.9 * s.PrimalFeasibilityTolerance && m.DualInfeasibility < 0.9 * s.DualFeasibilityTolerance)
        {
            sigma = Math.Min(sigma, 0.5);
        }
        return sigma;
    }

    /// <summary>Iterations without halving the best distance to the tolerances before giving up.</summary>
    private const int StallIterations = 8;

    /// <summary>The same, once the best point is within 10× of every tolerance.</summary>
    private const int NearStallIterations = 3;

    public static ConicSolution Run(ConicProblem problem, SolverSettings settings, TextWriter? log, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        int largestOrder = 0;
        foreach (var cone in problem.ConeArray)
        {
            largestOrder = cone.IsMatrix ? Math.Max(largestOrder, cone.Size) : largestOrder;
        }
        var kernels = DenseKernels.Select(settings.Backend, largestOrder);
        int threads = settings.EffectiveThreads;
        var schurKernels = DenseKernels.SelectForSchur(settings.Backend, problem.ConstraintCount, kernels);
        foreach (var k in new[] { kernels, schurKernels })
        {
            if (k is OpenBlasKernels ob)
            {
                // The Schur complement is parallel by columns; OpenBLAS threads inside would oversubscribe.
                ob.SetThreads(1);
            }
        }
        string backendName = DenseKernels.Describe(kernels, schurKernels);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        var model = InternalModel.Build(problem, settings.DetectLowRank);
        var logger = new IterationLogger(log, settings.Verbosity);
        var state = new IpmState(model, kernels, settings.PrimalFeasibilityTolerance, settings.DualFeasibilityTolerance, settings.SparseDualSlack, parallel);
        logger.Banner(problem, model, backendName, threads);
        // Dual scaling where the structure calls for it (max-cut relaxations); if it breaks down or ends
        // far from the tolerances, the primal-dual method runs from its own start.
        if (settings.DualScaling && DualScalingMethod.TryCreate(model, kernels, schurKernels) is { } dualScaling)
        {
            logger.Algorithm("dual scaling (one PSD block, sparse aggregate pattern, rank-one diagonal rows)");
            int dsIterations = dualScaling.Run(state, settings, logger, ct,
                () => settings.TimeLimit is { } tl && clock.Elapsed >= tl);
            if (dsIterations >= 0)
            {
                var dsMeasures = state.ComputeResiduals();
                var dsStatus = dsMeasures.IsOptimal(settings) ? SolverStatus.Solved
                    : dsMeasures.IsOptimal(settings with
                    {
                        RelativeGapTolerance = Math.Min(0.5, 1000 * settings.RelativeGapTolerance),
                        PrimalFeasibilityTolerance = Math.Min(0.5, 1000 * settings.PrimalFeasibilityTolerance),
                        DualFeasibilityTolerance = Math.Min(0.5, 1000 * settings.DualFeasibilityTolerance),
                    }) ? SolverStatus.ReducedAccuracy : (SolverStatus?)null;
                if (dsStatus is { } st)
                {
                    var ds = SolutionBuilder.Build(model, state, st, st == SolverStatus.Solved ? TerminationReason.Converged : TerminationReason.Stall,
                        dsMeasures, dsIterations, clock.Elapsed, kernels, backendName) with { Algorithm = "dual-scaling" };
                    logger.Summary(ds);
                    return ds with { SolveTime = clock.Elapsed };
                }
            }
            logger.Algorithm("dual scaling ended far from the tolerances: primal-dual from the start");
        }
        var solution = PrimalDual(model, state, settings, logger, kernels, schurKernels, backendName, parallel, clock, ct,
            centreWhileInfeasible: false);
        if (solution.Status == SolverStatus.NumericalError && settings.ExtendedPrecision
            && ExtendedPrecisionMethod.TryCreate(model, state) is { } extended)
        {
            // Far from the tolerances, on a problem small enough: the same method in double-double (hinf13/hinf15:
            // the double directions' own error is what stops the run; docs/solver.md). Tried before the centred
            // restart, which takes as long as the double-double run saves and on hinf13/15 ends NumericalError.
            logger.Algorithm("primal-dual ended NumericalError: once more in double-double arithmetic");
            var (iterations, reason) = extended.Run(state, settings, logger, clock, ct);
            var measures = state.ComputeResiduals();
            var status = reason switch
            {
                TerminationReason.IterationLimit => SolverStatus.MaxIterations,
                TerminationReason.TimeLimit => SolverStatus.TimeLimit,
                TerminationReason.Cancelled => SolverStatus.Cancelled,
                _ => BandStatus(measures, settings),
            };
            if (status == SolverStatus.Solved)
            {
                reason = TerminationReason.Converged;
            }
            var run = SolutionBuilder.Build(model, state, status, reason, measures, iterations, clock.Elapsed, kernels, backendName);
            bool usable = status is SolverStatus.Solved or SolverStatus.ReducedAccuracy;
            solution = (usable || run.Accuracy < solution.Accuracy ? run with { Algorithm = "primal-dual, double-double" } : solution) with
            {
                Iterations = solution.Iterations + iterations,
            };
        }
        if (solution.Status == SolverStatus.NumericalError && solution.Termination != TerminationReason.NonFinite
            && settings.CentredRestart)
        {
            // A breakdown far from the tolerances: once more from the start, centred while the primal
            // infeasibility lags μ; the better of the two runs is returned (hinf13: 44.96 → 44.39 as the
            // dual bound, DSDP 44.35; docs/solver.md, "Safeguards").
            logger.Algorithm("primal-dual ended NumericalError: once more, centred while the primal infeasibility lags the gap");
            var retry = PrimalDual(model, state, settings, logger, kernels, schurKernels, backendName, parallel, clock, ct,
                centreWhileInfeasible: true);
            // The retry's point unless it, too, ended without a result (a breakdown, a limit or the caller)
            // further from the tolerances than the first run's.
            bool retryEnded = retry.Status is SolverStatus.NumericalError or SolverStatus.MaxIterations
                or SolverStatus.TimeLimit or SolverStatus.Cancelled;
            var better = !retryEnded || retry.Accuracy < solution.Accuracy ? retry : solution;
            solution = better with
            {
                Iterations = solution.Iterations + retry.Iterations,
                Algorithm = ReferenceEquals(better, retry) ? "primal-dual, centred restart" : solution.Algorithm,
            };
        }
        logger.Summary(solution);
        return solution with { SolveTime = clock.Elapsed };
    }

    /// <summary>Solved when every measure meets its tolerance, ReducedAccuracy within 1000× of them,
    /// NumericalError beyond.</summary>
    private static SolverStatus BandStatus(Measures measures, SolverSettings settings) =>
        measures.IsOptimal(settings) ? SolverStatus.Solved
        : measures.IsOptimal(settings with
        {
            RelativeGapTolerance = Math.Min(0.5, 1000 * settings.RelativeGapTolerance),
            PrimalFeasibilityTolerance = Math.Min(0.5, 1000 * settings.PrimalFeasibilityTolerance),
            DualFeasibilityTolerance = Math.Min(0.5, 1000 * settings.DualFeasibilityTolerance),
        }) ? SolverStatus.ReducedAccuracy : SolverStatus.NumericalError;

    /// <summary>
    /// Primal infeasibility that lags the gap: while ‖r_p‖/‖r_p⁰‖ exceeds this multiple of μ/μ⁰, the
    /// centred restart keeps σ ≥ <see cref="LaggingCentering"/> (the neighbourhood of the infeasible
    /// path-following methods' convergence theory, in which the infeasibility falls with μ).
    /// </summary>
    private const double LaggingInfeasibility = 1e-4;

    /// <summary>The centring parameter's floor while the primal infeasibility lags (the centred restart).</summary>
    private const double LaggingCentering = 0.9;

    /// <summary>
    /// The primal-dual method from CSDP's starting point. With <paramref name="centreWhileInfeasible"/> the
    /// centring parameter stays at 0.9 or above while the primal infeasibility lags μ (above).
    /// </summary>
    private static ConicSolution PrimalDual(InternalModel model, IpmState state, SolverSettings settings, IterationLogger logger,
        IDenseKernels kernels, IDenseKernels schurKernels, string backendName, ParallelOptions parallel, Stopwatch clock,
        CancellationToken ct, bool centreWhileInfeasible)
    {
        state.SetInitialPoint();
        var schur = new SchurComplement(model.M, schurKernels, settings.SchurShiftAttempts);
        int m = model.M;
        var rhs = new double[m];
        var dy = new double[m];
        var dyAffine = new double[m];
        SolverStatus? status = null;
        TerminationReason? reason = null;
        int iter = 0;
        int stalls = 0;
        double bestQuality = double.PositiveInfinity;
        int bestIter = 0;
        double progressAnchor = double.PositiveInfinity;
        double stagnationAnchor = double.PositiveInfinity;
        int movingIter = 0;
        double primalRayAnchor = double.PositiveInfinity, dualRayAnchor = double.PositiveInfinity;
        double alphaP = 0, alphaD = 0;
        double primal0 = 1, mu0 = 1;
        Measures measures;
        if (state.UnboundedFreeVariable())
        {
            // A free variable in no row with a nonzero cost: (D) has F y = c_f with F = 0 there, so it
            // is infeasible, and x_f along that variable is the ray (A x = 0, ⟨C, x⟩ > 0).
            (status, reason) = (SolverStatus.DualInfeasible, TerminationReason.UnboundedFreeVariable);
        }
        // Every exit of the loop names its reason; the status of a breakdown (stall, short steps, a
        // failed factorisation or step) is decided after the loop from the best point kept.
        while (reason is null)
        {
            measures = state.ComputeResiduals();
            logger.Row(iter, measures, alphaP, alphaD);
            if (measures.IsOptimal(settings))
            {
                (status, reason) = (SolverStatus.Solved, TerminationReason.Converged);
                break;
            }
            double quality = measures.Quality(settings);
            if (double.IsNaN(quality))
            {
                reason = TerminationReason.NonFinite;
                break;
            }
            if (quality < bestQuality)
            {
                // CSDP's safeguard: remember the best iterate, return it if the iteration stalls.
                bestQuality = quality;
                state.SaveBest();
            }
            double primalRay = state.PrimalInfeasibilityRatio(), dualRay = state.DualInfeasibilityRatio();
            if (primalRay < settings.InfeasibilityTolerance)
            {
                (status, reason) = (SolverStatus.PrimalInfeasible, TerminationReason.PrimalInfeasibilityCertificate);
                break;
            }
            if (dualRay < settings.InfeasibilityTolerance)
            {
                (status, reason) = (SolverStatus.DualInfeasible, TerminationReason.DualInfeasibilityCertificate);
                break;
            }
            // Progress is toward optimality or toward an infeasibility certificate: an iterate running
            // off along a ray (tiny steps, ⟨C,X⟩ or −aᵀy growing) still halves its ray's ratio now and
            // then, as infp1 with C scaled by 1e-4 does for 25 iterations before certifying (CSDP: 37).
            // Each measure has its own anchor; a ratio counts once it is below 1e-4 (a ray in sight).
            bool progress = false;
            if (quality < 0.5 * progressAnchor)
            {
                progressAnchor = quality;
                progress = true;
            }
            if (primalRay < 1e-4 && primalRay < 0.5 * primalRayAnchor)
            {
                primalRayAnchor = primalRay;
                progress = true;
            }
            if (dualRay < 1e-4 && dualRay < 0.5 * dualRayAnchor)
            {
                dualRayAnchor = dualRay;
                progress = true;
            }
            if (progress)
            {
                bestIter = iter;
            }
            if (quality < 0.9 * stagnationAnchor)
            {
                stagnationAnchor = quality;
                movingIter = iter;
            }
            // Within 10× of every tolerance, three iterations without halving the distance already mean a
            // stall: what is left there is the rounding of the direction (ss30: primal infeasibility held at
            // 1.8e-8 while the gaps went on shrinking, for 8 more iterations at 0.15 s each).
            // And three iterations without a tenth off the distance while only one measure is left above its
            // tolerance: qap6's objective gap held at 8e-6 for good (y grows where the primal has no
            // interior) once the complementarity and both infeasibilities had converged.
            if ((iter - bestIter >= StallIterations && bestQuality < 1e6)
                || (iter - bestIter >= NearStallIterations && bestQuality <= 10)
                || (iter - movingIter >= NearStallIterations && measures.MeasuresMet(settings) >= 3))
            {
                reason = TerminationReason.Stall;
                break;
            }
            if (iter >= settings.MaxIterations)
            {
                (status, reason) = (SolverStatus.MaxIterations, TerminationReason.IterationLimit);
                break;
            }
            if (settings.TimeLimit is { } limit && clock.Elapsed >= limit)
            {
                (status, reason) = (SolverStatus.TimeLimit, TerminationReason.TimeLimit);
                break;
            }
            if (ct.IsCancellationRequested)
            {
                (status, reason) = (SolverStatus.Cancelled, TerminationReason.Cancelled);
                break;
            }
            if (!state.PrepareScaling())
            {
                reason = TerminationReason.IterateNotInterior;
                break;
            }
            schur.Form(model.Blocks, model.RowBlocks, model.MaxStored, kernels, parallel);
            state.Free?.AddToSchur(schur.Matrix);
            if (!schur.Factorize() || state.Free?.Factor(schur, kernels) == false)
            {
                reason = schur.NonFinite ? TerminationReason.NonFinite : TerminationReason.SchurNotPositiveDefinite;
                break;
            }
            state.ComputeHRd(parallel);

            // Predictor.
            state.Predictor(schur, rhs, dyAffine, parallel);
            double apMax = state.MaxStep(primal: true, parallel);
            double adMax = state.MaxStep(primal: false, parallel);
            double muAffine = state.ComplementarityAfter(Math.Min(1, apMax), Math.Min(1, adMax)) / Math.Max(1, model.Degree);
            double ap1 = Math.Min(1, apMax), ad1 = Math.Min(1, adMax);
            double minStep = Math.Min(ap1, ad1);
            double sigma = Centering(muAffine / measures.Mu, ap1, ad1, measures, settings);
            if (iter == 0)
            {
                (primal0, mu0) = (measures.PrimalInfeasibility, measures.Mu);
            }
            if (centreWhileInfeasible && measures.PrimalInfeasibility > settings.PrimalFeasibilityTolerance
                && measures.PrimalInfeasibility / primal0 > LaggingInfeasibility * measures.Mu / mu0)
            {
                sigma = Math.Max(sigma, LaggingCentering);
            }
            double gamma = 0.9 + 0.07 * minStep;
            state.KeepAffine();

            // Corrector.
            state.Corrector(sigma * measures.Mu, schur, rhs, dyAffine, dy, parallel);
            apMax = state.MaxStep(primal: true, parallel);
            adMax = state.MaxStep(primal: false, parallel);
            if (double.IsNaN(apMax) || double.IsNaN(adMax))
            {
                reason = TerminationReason.NonFinite;
                break;
            }
            alphaP = Math.Min(1, gamma * apMax);
            alphaD = Math.Min(1, gamma * adMax);
            if (!state.TakeStep(alphaP, alphaD, dy))
            {
                reason = TerminationReason.StepFailure;
                break;
            }
            iter++;
            stalls = alphaP < 1e-6 && alphaD < 1e-6 ? stalls + 1 : 0;
            if (stalls >= 3)
            {
                reason = TerminationReason.ShortSteps;
                break;
            }
        }
        measures = state.ComputeResiduals();
        if (status is null or SolverStatus.MaxIterations or SolverStatus.TimeLimit or SolverStatus.Cancelled
            && !(measures.Quality(settings) <= bestQuality))
        {
            state.RestoreBest();
            measures = state.ComputeResiduals();
        }
        // A breakdown returns the best point: usable (ReducedAccuracy) when every measure is within 1000×
        // its tolerance, the scale-free objective gap included.
        status ??= BandStatus(measures, settings) == SolverStatus.NumericalError ? SolverStatus.NumericalError : SolverStatus.ReducedAccuracy;
        return SolutionBuilder.Build(model, state, status.Value, reason.Value, measures, iter, clock.Elapsed, kernels, backendName);
    }
}
