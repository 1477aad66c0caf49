using System.Diagnostics;
using Complex = System.Numerics.Complex;
using Isac.Modeling.Compilation;
using Isac.Physics;
using Isac.Precoding.Design;
using Isac.Precoding.Evaluation;
using Isac.Precoding.Network;
using Isac.Precoding.Recovery;
using Isac.Precoding.Sdp;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding;

/// <summary>
/// Paper A's robust multi-cell ISAC precoders: designs one of BLP-CBF (P1), BLP-CoMP (P2),
/// SLP-CBF (P3) or SLP-CoMP (P4) for a network, recovers transmittable precoders and evaluates them.
/// </summary>
/// <remarks>
/// <para>Steps: (1) for 0 &lt; ρ &lt; 1, the ρ = 1 and ρ = 0 designs give the normalisation factors NF_R
/// (their CRB) and NF_C (their γ, or √γ for symbol level); (2) Algorithm 1 (or the single solve of (P4));
/// (3) block level: rank-one recovery of the beamformers from the relaxed covariances; symbol level: the
/// symbols X are transmitted as they are; (4) every metric recomputed from what is transmitted: per-BS
/// RCRB, nominal SINR, exact worst-case SINR (and Proposition 3's bound for block level), with the
/// relaxation's RCRB beside the achieved one.</para>
/// <para>Failures are results: an infeasible SINR target gives <see cref="DesignStatus.Infeasible"/>, a solver
/// failure <see cref="DesignStatus.SolverFailed"/> with the iteration; neither throws. Invalid settings throw
/// <see cref="ArgumentOutOfRangeException"/>; cancellation throws <see cref="OperationCanceledException"/>.</para>
/// </remarks>
public static class RobustPrecoder
{
    /// <summary>Designs precoders for <paramref name="network"/>.</summary>
    /// <param name="network">The network.</param>
    /// <param name="settings">Scheme, γ, δ, ρ, robustness model, algorithm and solver settings.</param>
    /// <param name="cancellation">Stops the design between (and inside) solves.</param>
    /// <param name="onCompiled">Optional: sees every compiled convex problem (name, model) before it is solved,
    /// e.g. to export it in SDPA format. Names read <c>P1.B-it2-bs2</c>; a second attempt on the other side of the
    /// duality (after numerical trouble) ends in <c>-retry</c>.</param>
    /// <param name="solverLog">Optional: where each problem's statistics and the solver's log are written
    /// (the solver's own verbosity is <see cref="DesignSettings.Solver"/>).</param>
    public static DesignResult Design(IsacNetwork network, DesignSettings settings, CancellationToken cancellation = default,
        Action<string, CompiledModel>? onCompiled = null, TextWriter? solverLog = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var clock = Stopwatch.StartNew();
        var runner = new SdpRunner(settings.Solver, cancellation, settings.Side, DesignCatalog.Of(settings.Scheme).SymbolLevel ? 0.5 : 1.0) { OnCompiled = onCompiled, Log = solverLog };
        var (space, reduction) = SubspaceReduction.Plan(network, settings.SubspaceReduction, DesignCatalog.Of(settings.Scheme).NotReducibleBecause);
        solverLog?.WriteLine($"coordinates: {reduction.Summary()}");
        var context = new DesignContext(network, settings, runner, new Random.RandomSource(settings.Recovery.Seed), space);
        int units = settings.Scheme.Mode() == CoordinationMode.Cbf ? network.Cells : 1;

        var tradeoff = Tradeoff.Pure(settings.Rho, units);
        var factors = new List<(double, double)>();
        if (settings.Rho is > 0 and < 1)
        {
            var sensing = Create(context, Tradeoff.Pure(1, units));
            var sensingRun = sensing.Run(settings.Alternating, cancellation);
            if (!sensingRun.HasSolution) return Failed(settings, sensingRun, runner, clock, "the ρ = 1 design for NF_R: ", reduction);
            var communication = Create(context, Tradeoff.Pure(0, units));
            var communicationRun = communication.Run(settings.Alternating, cancellation);
            if (!communicationRun.HasSolution) return Failed(settings, communicationRun, runner, clock, "the ρ = 0 design for NF_C: ", reduction);
            var nfR = sensing.Solution().UnitCrb;
            var nfC = communication.Solution().UnitGamma;
            tradeoff = new Tradeoff(settings.Rho, nfR, nfC);
            for (int i = 0; i < units; i++) factors.Add((nfR[i], nfC[i]));
        }

        var design = Create(context, tradeoff);
        var run = design.Run(settings.Alternating, cancellation);
        if (!run.HasSolution) return Failed(settings, run, runner, clock, "", reduction);
        var solution = design.Solution();
        // The streams' decompositions in the design's coordinates (order Σd_n instead of J·Ntx), shared by the rank test,
        // the re-solve decision and the recovery.
        var spectra = solution.Streams is { } first ? StreamSpectra.Of(first, space.StackedBasis) : null;
        if (spectra is not null && design is IRankReducible reducible && settings.Recovery.RankReduction > 0
            && spectra.LargestRatio > settings.Recovery.RankOneTolerance
            && !BeamformerRecovery.PrincipalSuffices(network, settings.Scheme.Mode(), spectra, solution.UserGamma, context.Radius(settings.Scheme.Mode()),
                settings.Robustness == RobustnessModel.Exact, settings.Recovery)
            && reducible.ReduceRank(settings.Recovery.RankReduction))
        {
            solution = design.Solution();
            spectra = StreamSpectra.Of(solution.Streams!, space.StackedBasis);
        }
        var mode = settings.Scheme.Mode();
        var relaxationRcrb = SensingMetrics.RcrbDeg(network.Scene, mode, solution.Covariance);
        double designGammaDb = SensingMetrics.Db(solution.UserGamma.Min());
        var common = new DesignResult
        {
            Status = DesignStatus.Solved,
            Message = run.Message,
            FailedIteration = run.FailedIteration,
            Settings = settings,
            RelaxationRcrbDeg = relaxationRcrb,
            DesignGammaDb = designGammaDb,
            Iterations = run.Iterations,
            Solves = runner.Records,
            Converged = run.Converged,
            NormalizationFactors = factors,
            Reduction = reduction,
        };

        AchievedMetrics achieved;
        IReadOnlyList<Matrix<Complex>> precoders;
        RecoveryReport? recovery = null;
        RefinementReport? refinement = null;
        double relaxationSinr = double.NaN;
        if (solution.Streams is { } streams)
        {
            relaxationSinr = BlockMetrics.MinNominalSinrDb(network, mode, streams);
            var outcome = BeamformerRecovery.Recover(network, mode, streams, spectra!, solution.UserGamma, context.Radius(mode),
                settings.Robustness == RobustnessModel.Exact, settings.Recovery, context.RandomSource.For("recovery"));
            recovery = outcome.Report;
            if (outcome.Beamformers is null)
            {
                return common with
                {
                    Status = DesignStatus.Infeasible,
                    Message = "the relaxation is not tight and no recovered beamformer meets the SINR target within the power budgets",
                    RelaxationMinSinrDb = relaxationSinr,
                    Recovery = recovery,
                    Seconds = clock.Elapsed.TotalSeconds,
                };
            }
            achieved = PrecoderEvaluation.Block(network, mode, outcome.Beamformers, settings.Delta);
            precoders = BlockPrecoders(network, mode, outcome.Beamformers);
        }
        else
        {
            if (design is IRefinableDesign refinable && settings.Refinement.MaxIterations > 0)
                refinement = refinable.Refine(settings.Refinement);
            precoders = design.Solution().Symbols!;
            achieved = PrecoderEvaluation.Symbol(network, mode, precoders, settings.Delta);
        }
        return common with
        {
            RcrbDeg = achieved.RcrbDeg,
            UserSinrDb = achieved.UserSinrDb,
            UserWorstCaseSinrDb = achieved.UserWorstCaseSinrDb,
            MinSinrDb = achieved.MinSinrDb,
            WorstCaseMinSinrDb = achieved.WorstCaseMinSinrDb,
            Proposition3MinSinrDb = achieved.Proposition3MinSinrDb,
            RelaxationMinSinrDb = relaxationSinr,
            Precoders = precoders,
            Recovery = recovery,
            Refinement = refinement,
            Solves = runner.Records,
            Seconds = clock.Elapsed.TotalSeconds,
        };
    }

    private static DesignSkeleton Create(DesignContext context, Tradeoff tradeoff) => DesignCatalog.Of(context.Settings.Scheme).Create(context, tradeoff);

    private static DesignResult Failed(DesignSettings settings, AlternatingOutcome run, SdpRunner runner, Stopwatch clock, string prefix,
        ReductionReport reduction) => new()
    {
        Reduction = reduction,
        Status = run.Status,
        Message = prefix + run.Message,
        FailedIteration = run.FailedIteration,
        Settings = settings,
        Iterations = run.Iterations,
        Solves = runner.Records,
        Seconds = clock.Elapsed.TotalSeconds,
    };

    /// <summary>CBF: W_m = [w_m1 … w_mK] (Ntx×K) per BS; CoMP: one (J·Ntx)×(J·K) matrix.</summary>
    private static IReadOnlyList<Matrix<Complex>> BlockPrecoders(IsacNetwork network, CoordinationMode mode, Vector<Complex>[] beams)
    {
        if (mode == CoordinationMode.Comp)
            return [Matrix<Complex>.Build.Dense(network.StackedDimension, beams.Length, (i, u) => beams[u][i])];
        int ntx = network.TransmitElements, k = network.UsersPerCell;
        return Enumerable.Range(0, network.Cells)
            .Select(m => Matrix<Complex>.Build.Dense(ntx, k, (i, u) => beams[m * k + u][m * ntx + i]))
            .ToArray();
    }
}
