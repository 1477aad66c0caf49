using Complex = System.Numerics.Complex;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Design;

/// <summary>
/// The outcome of one design: status, the transmitted precoders, the achieved metrics recomputed
/// from them, the relaxation's values beside them, Algorithm 1's iterations and every solver call.
/// </summary>
/// <remarks>
/// Metrics are NaN when there is no precoder (status other than <see cref="DesignStatus.Solved"/>).
/// RCRBs are √CRB(θ_mm) in degrees, SINRs in dB. Achieved values come from the transmitted
/// precoders (block level: the recovered beamformers w; symbol level: the symbols X, whose
/// covariance is (1/L)·X·Xᴴ); relaxation values from the semidefinite relaxation's covariances.
/// </remarks>
public sealed record DesignResult
{
    /// <summary>How the design ended.</summary>
    public required DesignStatus Status { get; init; }

    /// <summary>A one-line explanation (why infeasible, which solve failed), empty when solved.</summary>
    public string Message { get; init; } = "";

    /// <summary>The iteration of Algorithm 1 in which a solver failure or infeasibility happened.</summary>
    public int? FailedIteration { get; init; }

    /// <summary>What was asked.</summary>
    public required DesignSettings Settings { get; init; }

    /// <summary>Achieved RCRB of every BS from the transmitted precoders, degrees.</summary>
    public double[] RcrbDeg { get; init; } = [];

    /// <summary>RCRB of every BS at the relaxation's covariances (the SDR's value), degrees.</summary>
    public double[] RelaxationRcrbDeg { get; init; } = [];

    /// <summary>Nominal SINR of every user (global order u = m·K + k), dB: block level the SINR, symbol level
    /// the constructive-interference SINR of its worst symbol.</summary>
    public double[] UserSinrDb { get; init; } = [];

    /// <summary>Exact worst-case SINR of every user over its error ball (block level: <c>WorstCaseSinr</c>; symbol
    /// level: the worst constructive-interference margin, exact in CoMP and a guaranteed bound in CBF), dB.</summary>
    public double[] UserWorstCaseSinrDb { get; init; } = [];

    /// <summary>min over users of <see cref="UserSinrDb"/>.</summary>
    public double MinSinrDb { get; init; } = double.NaN;

    /// <summary>min over users of <see cref="UserWorstCaseSinrDb"/>.</summary>
    public double WorstCaseMinSinrDb { get; init; } = double.NaN;

    /// <summary>Block level: min over users of paper A's Proposition 3 SINR bound (what the paper's design
    /// believes it guarantees), dB; NaN for symbol level.</summary>
    public double Proposition3MinSinrDb { get; init; } = double.NaN;

    /// <summary>Minimum nominal SINR of the relaxation's covariances (block level), dB; NaN for symbol level.</summary>
    public double RelaxationMinSinrDb { get; init; } = double.NaN;

    /// <summary>The trade-off's achieved γ* (dB) of the design (the threshold when ρ = 1).</summary>
    public double DesignGammaDb { get; init; } = double.NaN;

    /// <summary>
    /// The precoders. Block level CBF: W_m (Ntx×K) per BS; CoMP: one W ((J·Ntx)×(J·K)), column u for
    /// user u. Symbol level CBF: X_m (Ntx×L) per BS; CoMP: one X ((J·Ntx)×L). Empty without a solution.
    /// </summary>
    public IReadOnlyList<Matrix<Complex>> Precoders { get; init; } = [];

    /// <summary>How the block-level beamformers were recovered (null for symbol level or without a solution).</summary>
    public RecoveryReport? Recovery { get; init; }

    /// <summary>Symbol level: the refinement of the relaxation's symbols (null for block level or when off).</summary>
    public RefinementReport? Refinement { get; init; }

    /// <summary>Algorithm 1's iterations (one entry for a single solve).</summary>
    public IReadOnlyList<IterationRecord> Iterations { get; init; } = [];

    /// <summary>Every solver call, in order.</summary>
    public IReadOnlyList<SolveRecord> Solves { get; init; } = [];

    /// <summary>True when Algorithm 1 met its tolerance before the iteration cap.</summary>
    public bool Converged { get; init; }

    /// <summary>NF_R (CRB, rad²) and NF_C (γ, linear) per BS when 0 &lt; ρ &lt; 1; empty otherwise.</summary>
    public IReadOnlyList<(double Rcrb, double Gamma)> NormalizationFactors { get; init; } = [];

    /// <summary>The coordinates the convex problems were written in (the reduced dimension of every BS).</summary>
    public ReductionReport? Reduction { get; init; }

    /// <summary>Total wall time of the design, seconds.</summary>
    public double Seconds { get; init; }

    /// <summary>The largest achieved RCRB over the BSs (NaN without a solution).</summary>
    public double MaxRcrbDeg => RcrbDeg.Length == 0 ? double.NaN : RcrbDeg.Max();

    /// <summary>The largest relaxation RCRB over the BSs (NaN without a solution).</summary>
    public double MaxRelaxationRcrbDeg => RelaxationRcrbDeg.Length == 0 ? double.NaN : RelaxationRcrbDeg.Max();

    /// <summary>The convex problems whose answers the design used and that did not end Optimal, grouped by problem and
    /// status with the worst accuracy reached, e.g. <c>P1.B:OptimalInaccurate×6(1.8e-06)</c>; empty when every used answer
    /// was Optimal. Attempts replaced by a retry on the other side of the duality (<see cref="SolveRecord.Used"/> false)
    /// are left out: their answers did not reach the precoders.</summary>
    public string UsedSolveTrouble => string.Join(" ", Solves.Where(s => s.Used && s.Status != "Optimal")
        .GroupBy(s => $"{s.Problem}:{s.Status}")
        .Select(g =>
        {
            var finite = g.Select(s => s.Accuracy).Where(double.IsFinite).ToList();
            string worst = finite.Count == 0 ? "" : $"({finite.Max().ToString("0.0e+00", System.Globalization.CultureInfo.InvariantCulture)})";
            return $"{g.Key}×{g.Count()}{worst}";
        }));
}

/// <summary>How transmittable beamformers were obtained from the relaxed covariances.</summary>
/// <param name="Method"><c>eigenvector</c> (every W_k rank one), or the candidate that won:
/// <c>eigenvector-truncated</c> (the principal components at the relaxation's powers, when they meet the targets up to
/// the rank-one tolerance), <c>eigenvector-rescaled</c>, <c>matched</c> (w_k = W_k h_k*/√(h_kᵀW_kh_k*)), <c>zero-forcing</c> or <c>randomization</c>.</param>
/// <param name="LargestEigenvalueRatio">max over k of λ₂/λ₁ of W_k (0 for exactly rank one).</param>
/// <param name="CandidatesTried">Candidates whose powers were fitted (1 when rank one).</param>
/// <param name="CandidatesFeasible">Candidates that met the SINR targets within the power budgets.</param>
public sealed record RecoveryReport(string Method, double LargestEigenvalueRatio, int CandidatesTried, int CandidatesFeasible);

/// <summary>What the symbol-level refinement did.</summary>
/// <param name="Steps">Refinement steps completed.</param>
/// <param name="UnrefinedRcrbDeg">RCRB of every BS at (1/L)XXᴴ of the relaxation's own symbols, degrees.</param>
/// <param name="RcrbDegByStep">RCRB of every BS after each step, degrees.</param>
/// <param name="Converged">The CRB improved by less than the tolerance before the step cap.</param>
/// <param name="Message">Why it stopped early (a failed step; the symbols before it stand), or empty.</param>
/// <param name="Caps">SLP-CBF: the caps of the transmitted frame's refinement (<c>limits</c> or <c>algorithm</c>,
/// <see cref="RefinementCaps"/>); empty for designs without caps.</param>
public sealed record RefinementReport(int Steps, double[] UnrefinedRcrbDeg, IReadOnlyList<double[]> RcrbDegByStep, bool Converged, string Message,
    string Caps = "")
{
    /// <summary>RCRB of every BS of the frame the refinement left (the last step's, or the relaxation's symbols' without steps), degrees.</summary>
    public double[] FinalRcrbDeg => RcrbDegByStep.Count > 0 ? RcrbDegByStep[^1] : UnrefinedRcrbDeg;
}
