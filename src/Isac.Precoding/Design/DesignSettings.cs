using Isac.Conic;
using Isac.Modeling.Solutions;

namespace Isac.Precoding.Design;

/// <summary>What to design: scheme, SINR threshold, CSI error radius, trade-off weight, robustness model, and how.</summary>
/// <remarks>
/// <para>γ is a constraint: every user's SINR (block level) or constructive-interference SINR
/// (symbol level) must reach it. With ρ = 1 (the default) the design minimises the CRB of the
/// target angle under it (for CoMP the largest CRB over the BSs, as in (P2)/(P4)); with ρ &lt; 1
/// it maximises ρ·(−CRB)/NF_R + (1−ρ)·γ'/NF_C over the achieved γ' ≥ γ, with the normalisation
/// factors NF_R, NF_C taken from the ρ = 1 and ρ = 0 designs as the paper does.</para>
/// </remarks>
public sealed record DesignSettings
{
    /// <summary>The scheme.</summary>
    public required PrecodingScheme Scheme { get; init; }

    /// <summary>γ in dB, the SINR threshold.</summary>
    public required double GammaDb { get; init; }

    /// <summary>δ ≥ 0, the CSI error radius (paper A eqs. (1), (3)).</summary>
    public double Delta { get; init; }

    /// <summary>ρ ∈ [0, 1], the weight of sensing against communication (1: minimise the CRB under γ).</summary>
    public double Rho { get; init; } = 1;

    /// <summary>How block-level designs treat the error ball.</summary>
    public RobustnessModel Robustness { get; init; } = RobustnessModel.Paper;

    /// <summary>Algorithm 1's iteration cap and stopping rule.</summary>
    public AlternatingSettings Alternating { get; init; } = new();

    /// <summary>Rank-one recovery of block-level precoders.</summary>
    public RecoverySettings Recovery { get; init; } = new();

    /// <summary>Symbol level: the convex-concave refinement of the relaxation's symbols (beyond the paper; 0 iterations: off).</summary>
    public RefinementSettings Refinement { get; init; } = new();

    /// <summary>How symbol-level designs lift the symbols (the small LMI is the default).</summary>
    public SymbolLift Lift { get; init; } = SymbolLift.Averaged;

    /// <summary>Write the convex problems in orthonormal bases of the subspaces the designs see (docs/derivations.md §6.9;
    /// default true): exact, with blocks of order dim S_n ≤ J·K + J + 1 instead of Ntx. False solves on the antennas.</summary>
    public bool SubspaceReduction { get; init; } = true;

    /// <summary>The side of the duality each convex problem is first solved on (default <see cref="FormulationSide.Auto"/>:
    /// the free-scalar side unless the cone-variable side has at most half its Schur complement; after numerical
    /// trouble the other side is tried either way).</summary>
    public FormulationSide Side { get; init; } = FormulationSide.Auto;

    /// <summary>The conic solver's settings (default: silent, one thread, so sweeps parallelise over points, and at most
    /// 300 s per convex problem, after which the problem counts as a solver failure).</summary>
    public SolverSettings Solver { get; init; } = SolverSettings.Default with { Verbosity = Verbosity.Silent, Threads = 1, TimeLimit = TimeSpan.FromSeconds(300) };

    /// <summary>γ in linear scale.</summary>
    public double Gamma => Math.Pow(10, GammaDb / 10);

    /// <summary>Checks the numbers; throws <see cref="ArgumentOutOfRangeException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (!double.IsFinite(GammaDb) || GammaDb < -100 || GammaDb > 100)
            throw new ArgumentOutOfRangeException(nameof(GammaDb), GammaDb, "γ must be a finite number of dB in [-100, 100]");
        if (!(Delta >= 0) || !double.IsFinite(Delta))
            throw new ArgumentOutOfRangeException(nameof(Delta), Delta, "δ must be finite and non-negative");
        if (!(Rho >= 0 && Rho <= 1))
            throw new ArgumentOutOfRangeException(nameof(Rho), Rho, "ρ must lie in [0, 1]");
        Alternating.Validate();
        Recovery.Validate();
        Refinement.Validate();
        Solver.Validate();
    }
}

/// <summary>Algorithm 1's stopping rule.</summary>
/// <param name="MaxIterations">Iteration cap (default 10; paper A's Fig. 9 settles in about 2).</param>
/// <param name="RelativeTolerance">Stop when the (P·.A) objective of every BS changes by less than this, relative (default 1e-3).</param>
/// <param name="Slack">Relative slack on the performance targets (CRB bound t*, SINR γ*) that (P·.B) must keep, so
/// that (P·.B) has a strictly feasible point (default 1e-4).</param>
/// <param name="OptimizeInitialCaps">When γ is fixed (ρ = 1), let the first (P·.A) choose the caps that concern only its
/// own problem (I_comp in CoMP, I_intra,m in CBF) as variables, which keeps it convex, instead of starting them at
/// the network's initial cap (default true; false is the literal Algorithm 1 with given caps). The shared inter-cell
/// caps always start at the initial cap.</param>
public sealed record AlternatingSettings(int MaxIterations = 10, double RelativeTolerance = 1e-3, double Slack = 1e-4, bool OptimizeInitialCaps = true)
{
    /// <summary>Checks the numbers.</summary>
    public void Validate()
    {
        if (MaxIterations < 1 || MaxIterations > 1000) throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "must lie in [1, 1000]");
        if (!(RelativeTolerance > 0) || RelativeTolerance >= 1) throw new ArgumentOutOfRangeException(nameof(RelativeTolerance), RelativeTolerance, "must lie in (0, 1)");
        if (!(Slack >= 0) || Slack >= 0.1) throw new ArgumentOutOfRangeException(nameof(Slack), Slack, "must lie in [0, 0.1)");
    }
}

/// <summary>How transmittable beamformers are recovered from the relaxed covariances W_k.</summary>
/// <param name="Randomizations">Gaussian randomisation draws when some W_k is not rank one (default 32).</param>
/// <param name="RankOneTolerance">W is rank one when λ₂ ≤ tolerance·λ₁ (default 1e-6).</param>
/// <param name="Seed">Seed of the randomisation draws.</param>
/// <param name="RankReduction">When the relaxation is not rank one, first re-solve the last (P·.A) for the least total
/// power with its objective held within this relative tolerance of the accepted value (default 1e-5; 0: off), which
/// moves an interior-point solution off the relative interior of a non-unique optimal face (docs/derivations.md §6.7).</param>
public sealed record RecoverySettings(int Randomizations = 32, double RankOneTolerance = 1e-6, ulong Seed = 1, double RankReduction = 1e-5)
{
    /// <summary>Checks the numbers.</summary>
    public void Validate()
    {
        if (Randomizations < 0 || Randomizations > 100000) throw new ArgumentOutOfRangeException(nameof(Randomizations), Randomizations, "must lie in [0, 100000]");
        if (!(RankOneTolerance > 0) || RankOneTolerance >= 1) throw new ArgumentOutOfRangeException(nameof(RankOneTolerance), RankOneTolerance, "must lie in (0, 1)");
        if (!(RankReduction >= 0) || RankReduction >= 0.1) throw new ArgumentOutOfRangeException(nameof(RankReduction), RankReduction, "must lie in [0, 0.1)");
    }
}

/// <summary>
/// The symbol-level refinement (beyond paper A): the relaxation R ⪰ (1/L)XXᴴ lets the SDP count sensing power
/// that the symbols X do not carry; each refinement step adds R ⪯ (1/L)(X₀Xᴴ + XX₀ᴴ − X₀X₀ᴴ) at the current
/// symbols X₀ (a lower bound of (1/L)XXᴴ), so R = (1/L)XXᴴ holds exactly and the achieved CRB never gets worse
/// (the convex-concave procedure; docs/derivations.md §6.2).
/// </summary>
/// <param name="MaxIterations">Steps (default 8; 0 transmits the relaxation's symbols as they are).</param>
/// <param name="RelativeTolerance">Stop when the CRB improves by less than this, relative (default 1e-3).</param>
/// <param name="Caps">Which interference and leakage caps SLP-CBF's refinement keeps (default <see cref="RefinementCaps.Best"/>).</param>
public sealed record RefinementSettings(int MaxIterations = 8, double RelativeTolerance = 1e-3, RefinementCaps Caps = RefinementCaps.Best)
{
    /// <summary>Checks the numbers.</summary>
    public void Validate()
    {
        if (MaxIterations < 0 || MaxIterations > 1000) throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "must lie in [0, 1000]");
        if (!(RelativeTolerance > 0) || RelativeTolerance >= 1) throw new ArgumentOutOfRangeException(nameof(RelativeTolerance), RelativeTolerance, "must lie in (0, 1)");
    }
}

/// <summary>
/// The caps SLP-CBF's refinement keeps on the inter-cell interference amplitude a (every other cell's user sees
/// at most a²/(J−1) from this BS, and the own users' constructive-interference thresholds use σ² + a²) and on the
/// leakage toward the other targets.
/// </summary>
public enum RefinementCaps
{
    /// <summary>Both of the below, each from the relaxation's symbols; the frame whose largest RCRB is lower is
    /// transmitted (the default; twice the refinement's solves). Neither wins everywhere: the limits free the
    /// symbols at low γ, Algorithm 1's caps keep the users' thresholds low at high γ.</summary>
    Best,

    /// <summary>The limits of (P3) itself: a² = I_max and P_leak = P_leak^max. Algorithm 1 shrinks
    /// its caps to what the relaxation's symbols need, and those symbols carry almost no sensing power (it sits in
    /// R − XXᴴ/L), so under CSI errors the term δ‖x_s‖ of the inter-cell bound held the refined symbols to a
    /// fraction of the power (docs/derivations.md §6.2).</summary>
    Limits,

    /// <summary>The caps Algorithm 1 ended with (the behaviour before the choice existed).</summary>
    Algorithm,
}

/// <summary>How (P3)/(P4) relate the symbols x_s to the covariance R that enters the FIM and the power.</summary>
public enum SymbolLift
{
    /// <summary>One LMI [[R, X/√L], [Xᴴ/√L, I_L]] ⪰ 0, i.e. R ⪰ (1/L)·X·Xᴴ (docs/derivations.md §6.1; the default).</summary>
    Averaged,

    /// <summary>Paper A's (48d)/(62c): L lifts [[R_s, x_s], [x_sᴴ, 1]] ⪰ 0 with R = (1/L)·Σ_s R_s (equivalent, larger).</summary>
    PerSymbol,
}
