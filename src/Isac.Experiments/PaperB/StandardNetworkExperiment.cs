using Isac.Core.Json;
using Isac.Experiments.Definitions;
using Isac.Experiments.Figures;
using Isac.Experiments.Results;
using Isac.Experiments.Sweeps;
using Isac.Network.Geometry;
using Isac.Network.Simulation;

namespace Isac.Experiments.PaperB;

/// <summary>
/// Beyond paper B: the comparisons of its Figs. 6, 8 and 9 on a standard system-level network, a
/// hexagonal grid of sites with 3 sectors each (19 sites: 57 cells; 7 with <c>--quick</c>),
/// inter-site distance 200 m, wrap-around, 3GPP TR 38.901 UMi channels at 30 GHz
/// (<c>scenarios/paper-b/umi-19.json</c> is the same network for <c>isac simulate</c>).
/// </summary>
public sealed class StandardNetworkExperiment : PaperBExperiment
{
    /// <summary>The default <c>paper_b</c> section: umi-19.json without the sizes the sweep sets.</summary>
    public const string DefaultSection = """
        {
          "network": { "layout": "hexagonal", "sites": 19, "sectors_per_site": 3, "inter_site_distance_m": 200, "wraparound": true,
                       "min_user_distance_m": 10, "coordination_radius_m": 200 },
          "noise_power_dbm": -85,
          "channel": { "model": "3gpp-umi", "tx_antennas": 32, "carrier_ghz": 30, "bs_height_m": 10, "ut_height_m": 1.5 },
          "ckm": { "grid_m": 2, "measurement_noise_db": -27, "leakage_estimate": "covariance" }
        }
        """;

    private static readonly string[] Variants = ["cwmmse", "salinr-perfect", "sd-uscb", "sd-uscb-slinr", "pwmmse", "sd-uscb-hungarian", "sd-uscb-all"];

    /// <inheritdoc/>
    public override string Id => "umi19";

    /// <inheritdoc/>
    public override string Title => "SD-USCB and its baselines on a 19-site, 3-sector 38.901 UMi network";

    /// <inheritdoc/>
    public override string Description =>
        "Figs. 6, 8 and 9's comparisons (beamforming schemes, schedulers, SALINR against SLINR) on a hexagonal grid of 19 sites × 3 sectors, " +
        "ISD 200 m, wrap-around, 3GPP TR 38.901 UMi-Street Canyon channels at 30 GHz (beyond paper B).";

    /// <inheritdoc/>
    public override IReadOnlyList<SweepParameter> Parameters { get; } =
    [
        SweepParameter.Choice("variant", "scheme, or SD-USCB with another scheduler", Variants, quick: Variants, full: Variants),
        SweepParameter.Integer("sites", "", "sites of the hexagonal grid (1, 7 or 19)", [7], [19], 1, 19),
        CellUsers(16),
        ScheduledPerCell([6], [18]),
        Epochs(4),
    ];

    /// <inheritdoc/>
    public override int QuickDraws => 1;

    /// <inheritdoc/>
    public override int FullDraws => 2;

    /// <inheritdoc/>
    public override PaperBSettings ParseSettings(JsonCursor? section) =>
        PaperBSettings.Parse(section ?? JsonCursor.Parse(DefaultSection, "umi19 (built-in)"));

    /// <inheritdoc/>
    public override void Validate(PaperBSettings settings, SweepGrid grid, JsonCursor scenario)
    {
        if (double.IsNaN(settings.Scenario.Layout.InterSiteDistance))
            throw (scenario.OptionalField(SectionName)?.OptionalField("network") ?? scenario).Error(
                "this figure sweeps the number of sites of a hexagonal grid: its paper_b section needs \"network\": { \"layout\": \"hexagonal\", … }");
        var sites = grid.Axes[grid.AxisIndex("sites")];
        var invalid = sites.Values.Where(v => (long)v.Number is not (1 or 7 or 19)).ToList();
        if (invalid.Count > 0 && invalid[0] is var bad)
            throw (scenario.OptionalField("sweep")?.OptionalField("sites") ?? scenario).Error($"sites = {bad.Canonical}: a hexagonal grid has 1, 7 or 19 sites");
    }

    /// <inheritdoc/>
    protected override PaperBScenario NetworkFor(SweepPoint point, PaperBSettings settings)
    {
        var sc = ScenarioFor(point, settings);
        var l = sc.Layout;
        int sites = point.Int("sites");
        int sectors = l.Cells / (l.Sites.Max() + 1);
        var layout = NetworkLayout.Hexagonal(sites, sectors, l.InterSiteDistance, l.Wrap is not null && sites > 1, l.MinUserDistance, l.CoordinationRadius, l.Pattern);
        return sc with { Layout = layout };
    }

    /// <inheritdoc/>
    public override IReadOnlyList<ResultRow> Evaluate(SweepPoint point, PaperBSettings settings, CancellationToken cancellation)
    {
        string variant = point.Text("variant");
        var (scheme, scheduler) = variant switch
        {
            "sd-uscb-hungarian" => (Scheme.SdUscb, SchedulerKind.Hungarian),
            "sd-uscb-all" => (Scheme.SdUscb, SchedulerKind.All),
            _ => (SchemeNames.ParseScheme(variant), SchedulerKind.Pfzfg),
        };
        return SimulateEpochs(point, settings, sc => new RunOptions(scheme, scheduler, sc.Epochs), cancellation);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<Figure> BuildFigures(FigureInput<PaperBSettings> input)
    {
        int draws = input.Grid.Draws;
        string network = $"{input.Rows.Select(r => r.Number("sites")).DefaultIfEmpty(19).First():0} sites × 3 sectors, ISD 200 m, wrap-around, 38.901 UMi at 30 GHz";
        IReadOnlyList<ResultRow> Only(params string[] variants) => input.Rows.Where(r => variants.Contains(r.Text("variant"))).ToList();
        string Label(Cell[] k) => k[0].Format() switch
        {
            "sd-uscb-hungarian" => SchemeLabels.Of("hungarian"),
            "sd-uscb-all" => SchemeLabels.Of("all"),
            var v => SchemeLabels.Of(v),
        };
        var schemes = EpochCurves.Figure(Only("cwmmse", "salinr-perfect", "sd-uscb", "pwmmse"), ["variant"], ["variant"], Label, "umi19-schemes",
            "Fig. 6 on a standard network: accumulated PFR versus epoch",
            $"As paper B's Fig. 6 ({network}), mean over {draws} network draw(s): CWMMSE (perfect CSI, central), SALINR-FP with perfect " +
            "CSI to the coordinated BSs, SD-USCB (CKM at sensed locations, DualOpt with sensing constraints), PWMMSE; PFZFG scheduling for all. " +
            "Each BS coordinates with the BSs within one ISD (its site's sectors and the first tier).");
        var schedulers = EpochCurves.Figure(Only("sd-uscb", "sd-uscb-hungarian", "sd-uscb-all"), ["variant"], ["variant"],
            k => k[0].Format() == "sd-uscb" ? SchemeLabels.Of("pfzfg") : Label(k), "umi19-schedulers",
            "Fig. 8 on a standard network: accumulated PFR of the schedulers",
            $"As paper B's Fig. 8 ({network}), SD-USCB with PFZFG, Hungarian and no scheduling, mean over {draws} draw(s).");
        var surrogates = EpochCurves.Figure(Only("sd-uscb", "sd-uscb-slinr"), ["variant"], ["variant"],
            k => SchemeLabels.Of(k[0].Format() == "sd-uscb" ? "salinr" : "slinr"), "umi19-surrogates",
            "Fig. 9 on a standard network: SALINR against SLINR",
            $"As paper B's Fig. 9 ({network}), SD-USCB with the SALINR and the SLINR surrogate, mean over {draws} draw(s).");
        return [schemes, schedulers, surrogates];
    }
}
