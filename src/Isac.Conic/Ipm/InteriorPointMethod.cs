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
    private const double StepFraction = 0.95;

    public static ConicSolution Run(ConicProblem problem, SolverSettings settings, TextWriter? log, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var kernels = DenseKernels.Select(settings.Backend);
        int threads = settings.EffectiveThreads;
        if (kernels is OpenBlasKernels ob)
        {
            // The Schur complement is parallel by columns; OpenBLAS threads inside would oversubscribe.
            ob.SetThreads(1);
        }
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        var model = InternalModel.Build(problem, settings.DetectLowRank);
        var logger = new IterationLogger(log, settings.Verbosity);
        logger.Banner(problem, model, kernels.Name, threads);

        var state = new IpmState(model, kernels);
        state.SetInitialPoint();
        var schur = new SchurComplement(model.M);
        int m = model.M;
        var rhs = new double[m];
        var dy = new double[m];
        var dyAffine = new double[m];
        SolverStatus? status = null;
        int iter = 0;
        int stalls = 0;
        double alphaP = 0, alphaD = 0;
        Measures measures;
        while (true)
        {
            measures = state.ComputeResiduals();
            logger.Row(iter, measures, alphaP, alphaD);
            if (measures.IsOptimal(settings))
            {
                status = SolverStatus.Solved;
                break;
            }
            if (state.PrimalInfeasibilityRatio() < settings.InfeasibilityTolerance)
            {
                status = SolverStatus.PrimalInfeasible;
                break;
            }
            if (state.DualInfeasibilityRatio() < settings.InfeasibilityTolerance)
            {
                status = SolverStatus.DualInfeasible;
                break;
            }
            if (iter >= settings.MaxIterations)
            {
                status = SolverStatus.MaxIterations;
                break;
            }
            if (settings.TimeLimit is { } limit && clock.Elapsed >= limit)
            {
                status = SolverStatus.TimeLimit;
                break;
            }
            if (ct.IsCancellationRequested)
            {
                status = SolverStatus.Cancelled;
                break;
            }
            if (!state.PrepareScaling())
            {
                break;
            }
            schur.Form(model.Blocks, model.RowBlocks, model.MaxStored, kernels, parallel);
            if (!schur.Factorize(kernels))
            {
                break;
            }
            state.ComputeHRd(parallel);

            // Predictor.
            state.Direction(0.0, corrector: false, schur, rhs, dyAffine, parallel);
            double apMax = state.MaxStep(primal: true, parallel);
            double adMax = state.MaxStep(primal: false, parallel);
            double muAffine = state.ComplementarityAfter(Math.Min(1, apMax), Math.Min(1, adMax)) / model.Degree;
            double sigma = Math.Clamp(Math.Pow(Math.Max(muAffine, 0) / measures.Mu, 3), 0, 1);
            state.KeepAffine();

            // Corrector.
            state.Direction(sigma * measures.Mu, corrector: true, schur, rhs, dy, parallel);
            apMax = state.MaxStep(primal: true, parallel);
            adMax = state.MaxStep(primal: false, parallel);
            alphaP = Math.Min(1, StepFraction * apMax);
            alphaD = Math.Min(1, StepFraction * adMax);
            if (!state.TakeStep(alphaP, alphaD, dy))
            {
                break;
            }
            iter++;
            stalls = alphaP < 1e-6 && alphaD < 1e-6 ? stalls + 1 : 0;
            if (stalls >= 3)
            {
                break;
            }
        }
        measures = state.ComputeResiduals();
        status ??= measures.IsOptimal(settings with
        {
            RelativeGapTolerance = Math.Min(0.5, 1000 * settings.RelativeGapTolerance),
            PrimalFeasibilityTolerance = Math.Min(0.5, 1000 * settings.PrimalFeasibilityTolerance),
            DualFeasibilityTolerance = Math.Min(0.5, 1000 * settings.DualFeasibilityTolerance),
        }) ? SolverStatus.ReducedAccuracy : SolverStatus.NumericalError;
        var solution = SolutionBuilder.Build(model, state, status.Value, iter, clock.Elapsed, kernels);
        logger.Summary(solution);
        return solution with { SolveTime = clock.Elapsed };
    }
}
