using Isac.Core.Json;
using Isac.Precoding.Design;
using Isac.Precoding.Io;
using Isac.Precoding.Network;

namespace Isac.Experiments.PaperA;

/// <summary>
/// Settings of paper A's figures (scenario section <c>paper_a</c>): the network recipe and the design
/// options. Each figure starts from its own defaults (paper A's Section VI and the figure's caption);
/// the section overrides any of them.
/// </summary>
/// <param name="Network">The network recipe (<c>network</c>: the fields of a paper A network file, without
/// <c>seed</c> and <c>description</c>: the sweep's draw seed draws the channels and symbols; fields left out keep
/// the figure's values, <see cref="PaperANetworkReader.ReadNetwork"/>).</param>
/// <param name="Delta">δ, the CSI error radius (<c>delta</c>).</param>
/// <param name="GammaDb">γ in dB for figures at one threshold (<c>gamma_db</c>; Figs. 4, 8, 9); Fig. 7 uses
/// <see cref="GammaCbfDb"/> and <see cref="GammaCompDb"/>.</param>
/// <param name="MaxIterations">Algorithm 1's iteration cap (<c>max_iterations</c>).</param>
/// <param name="RefineSteps">Symbol-level refinement steps (<c>refine_steps</c>; 0: transmit the relaxation's symbols).</param>
/// <param name="Randomizations">Gaussian randomisation draws for block-level recovery (<c>randomizations</c>).</param>
public sealed record PaperASettings(NetworkSpec Network, double Delta, double GammaDb, int MaxIterations = 10, int RefineSteps = 8, int Randomizations = 32)
{
    /// <summary>Fig. 7: γ of the CBF designs, dB (<c>gamma_cbf_db</c>; paper: 15).</summary>
    public double GammaCbfDb { get; init; } = 15;

    /// <summary>Fig. 7: γ of the CoMP designs, dB (<c>gamma_comp_db</c>; paper: 30).</summary>
    public double GammaCompDb { get; init; } = 30;

    /// <summary>Fig. 7: error realisations per design (<c>error_draws</c>; paper: 100).</summary>
    public int ErrorDraws { get; init; } = 100;

    /// <summary>Fig. 7: draw the errors on the sphere ‖e‖ = δ (true) or uniformly in the ball (<c>errors_on_surface</c>).</summary>
    public bool ErrorsOnSurface { get; init; } = true;

    /// <summary>SLP-CBF refinement caps (<c>refine_caps</c>: <c>"best"</c>, the default, <c>"limits"</c> or <c>"algorithm"</c>; <see cref="RefinementCaps"/>).</summary>
    public RefinementCaps RefineCaps { get; init; } = RefinementCaps.Best;

    /// <summary>Seconds the solver may spend on each convex problem (<c>time_limit_s</c>; default 300); past it the design is a solver failure.</summary>
    public double TimeLimitSeconds { get; init; } = 300;

    /// <summary>Solve in the reduced coordinates (<c>reduction</c>: <c>"on"</c>, the default, or <c>"off"</c>;
    /// <see cref="DesignSettings.SubspaceReduction"/>, docs/derivations.md §6.9).</summary>
    public bool Reduction { get; init; } = true;

    /// <summary>Fig. 4: step of the beampattern's angle grid, degrees (<c>angle_step_deg</c>).</summary>
    public double AngleStepDeg { get; init; } = 0.5;

    /// <summary>The field names of the section.</summary>
    public static readonly string[] Fields =
    [
        "network", "delta", "gamma_db", "gamma_cbf_db", "gamma_comp_db", "max_iterations", "refine_steps", "refine_caps", "randomizations", "time_limit_s",
        "error_draws", "errors_on_surface", "angle_step_deg", "reduction",
    ];

    /// <summary>Reads the section over the figure's defaults (null section: the defaults); unknown fields are errors.</summary>
    public static PaperASettings Parse(JsonCursor? section, PaperASettings defaults)
    {
        if (section is not JsonCursor s) return defaults;
        s.ExpectOnly(Fields);
        var network = s.OptionalField("network") is JsonCursor n ? PaperANetworkReader.ReadNetwork(n, defaults.Network) : defaults.Network;
        return defaults with
        {
            Network = network,
            Delta = s.OptionalField("delta")?.NonNegativeDouble() ?? defaults.Delta,
            GammaDb = s.OptionalField("gamma_db")?.DoubleInRange(-100, 100) ?? defaults.GammaDb,
            GammaCbfDb = s.OptionalField("gamma_cbf_db")?.DoubleInRange(-100, 100) ?? defaults.GammaCbfDb,
            GammaCompDb = s.OptionalField("gamma_comp_db")?.DoubleInRange(-100, 100) ?? defaults.GammaCompDb,
            MaxIterations = s.OptionalField("max_iterations")?.Int(1, 1000) ?? defaults.MaxIterations,
            RefineSteps = s.OptionalField("refine_steps")?.Int(0, 1000) ?? defaults.RefineSteps,
            RefineCaps = s.OptionalField("refine_caps") is JsonCursor caps
                ? caps.OneOf("best", "limits", "algorithm") switch { "algorithm" => RefinementCaps.Algorithm, "limits" => RefinementCaps.Limits, _ => RefinementCaps.Best }
                : defaults.RefineCaps,
            TimeLimitSeconds = s.OptionalField("time_limit_s")?.DoubleInRange(1, 1e6) ?? defaults.TimeLimitSeconds,
            Randomizations = s.OptionalField("randomizations")?.Int(0, 100000) ?? defaults.Randomizations,
            ErrorDraws = s.OptionalField("error_draws")?.Int(1, 1000000) ?? defaults.ErrorDraws,
            ErrorsOnSurface = s.OptionalField("errors_on_surface")?.Bool() ?? defaults.ErrorsOnSurface,
            AngleStepDeg = s.OptionalField("angle_step_deg")?.DoubleInRange(0.001, 10) ?? defaults.AngleStepDeg,
            Reduction = s.OptionalField("reduction") is JsonCursor reduction ? reduction.OneOf("on", "off") == "on" : defaults.Reduction,
        };
    }

    /// <summary>The design settings for one scheme and threshold (solver silent, one thread: the sweep parallelises over points).</summary>
    public DesignSettings Design(PrecodingScheme scheme, double gammaDb, RobustnessModel robustness, ulong seed, double? delta = null)
    {
        var d = new DesignSettings { Scheme = scheme, GammaDb = gammaDb };
        return d with
        {
            Delta = delta ?? Delta,
            Robustness = robustness,
            Alternating = d.Alternating with { MaxIterations = MaxIterations },
            Refinement = d.Refinement with { MaxIterations = RefineSteps, Caps = RefineCaps },
            Recovery = d.Recovery with { Randomizations = Randomizations, Seed = seed },
            Solver = d.Solver with { TimeLimit = TimeSpan.FromSeconds(TimeLimitSeconds) },
            SubspaceReduction = Reduction,
        };
    }
}
