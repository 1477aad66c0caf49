using Isac.Core;
using Isac.Core.Json;
using Isac.Network.Beamforming;
using Isac.Network.Channels;
using Isac.Network.Ckm;
using Isac.Network.Geometry;
using Isac.Network.Sensing;

namespace Isac.Network.Simulation;

/// <summary>
/// Reads the paper-B scenario format (docs/formats.md "Paper B scenario", schema
/// docs/schemas/paper-b-scenario.schema.json; every field optional). Strict: unknown fields, wrong
/// types and invalid values are refused with the JSON path, before anything runs. Absent fields keep
/// the values of the defaults passed in (<see cref="PaperBScenario.PaperB"/> unless the caller has others).
/// </summary>
/// <remarks>Keys are snake_case with their unit in the name. The camelCase spellings of before are still
/// read, and so are the renames in <see cref="Renames"/>, each document's old names named in one warning line.</remarks>
public static class PaperBScenarioReader
{
    /// <summary>Fraction of the available memory the channel knowledge maps may take.</summary>
    public const double MaxMemoryFraction = 0.5;

    /// <summary>The scenario-file section that holds a paper-B scenario inside a figure's scenario file.</summary>
    public const string SectionName = "paper_b";

    /// <summary>The format's schema file under docs/schemas/.</summary>
    public const string SchemaFile = "paper-b-scenario.schema.json";

    /// <summary>Renames beyond a change of case (new name → old names), still read with a warning.</summary>
    public static IReadOnlyDictionary<string, string[]> Renames { get; } = new Dictionary<string, string[]>
    {
        ["rate_floor_bps_hz"] = ["rate_floor"],
    };

    /// <summary>The old key names of the format, for <see cref="JsonCursor.Parse(string, string, LegacyKeys)"/>.</summary>
    public static LegacyKeys NewLegacyKeys() => new(Renames);

    /// <summary>The top-level keys, in the documented order.</summary>
    public static readonly string[] Fields =
    [
        "name", "description", "network", "users", "power_dbm", "power_w", "reference_snr_db", "noise_power_dbm", "epoch_s",
        "backhaul_delay_s", "scheduling", "rate_floor_bps_hz", "channel", "sensing", "ckm", "dualopt", "sdr", "fp", "wmmse", "backhaul", "epochs", "seed",
    ];

    /// <summary>Parses and validates a paper-B scenario file (a scenario object; figure files are read by Isac.Experiments).</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">The file name, for messages.</param>
    /// <param name="availableBytes">Memory the run may use (null: what the GC reports as available).</param>
    /// <exception cref="IsacInputException">Anything invalid, with the JSON path.</exception>
    public static PaperBScenario Parse(string json, string source, long? availableBytes = null) => Parse(json, source, out _, availableBytes);

    /// <summary>Parses a paper-B scenario file and returns the one warning line naming the old key names it used (null: none).</summary>
    /// <inheritdoc cref="Parse(string, string, long?)"/>
    public static PaperBScenario Parse(string json, string source, out string? legacyWarning, long? availableBytes = null)
    {
        var root = JsonCursor.Parse(json, source, NewLegacyKeys());
        var scenario = Read(root, PaperBScenario.PaperB() with { Name = Path.GetFileNameWithoutExtension(source) }, availableBytes);
        legacyWarning = root.LegacyWarning;
        return scenario;
    }

    /// <summary>
    /// Reads a paper-B scenario object (a whole file, or the <c>paper_b</c> section of a figure's
    /// scenario file). Every field is optional; absent fields keep the value in <paramref name="defaults"/>.
    /// </summary>
    /// <param name="root">The object.</param>
    /// <param name="defaults">The scenario the object modifies (its name is the one used when the object has no <c>name</c>).</param>
    /// <param name="availableBytes">Memory the run may use (null: what the GC reports as available).</param>
    /// <exception cref="IsacInputException">Anything invalid, with the JSON path.</exception>
    public static PaperBScenario Read(JsonCursor root, PaperBScenario defaults, long? availableBytes = null)
    {
        if (root.Kind != System.Text.Json.JsonValueKind.Object) throw root.Error("expected a paper-B scenario object");
        root.ExpectOnly(Fields);
        var d = defaults;
        string name = root.OptionalField("name")?.String() ?? d.Name;
        _ = root.OptionalField("description")?.String();

        var layout = ReadLayout(root.OptionalField("network"), d.Layout);

        double speed = d.UserSpeed;
        int perCell = d.UsersPerCell;
        var positions = d.UserPositions;
        if (root.OptionalField("users") is { } users)
        {
            users.ExpectOnly("per_cell", "positions", "speed_mps");
            speed = users.OptionalField("speed_mps")?.PositiveDouble() ?? d.UserSpeed;
            if (users.OptionalField("positions") is { } posCur)
            {
                if (users.Has("per_cell")) throw users.Field("per_cell").Error("give either 'per_cell' or 'positions', not both");
                var cells = posCur.Items(layout.Cells);
                positions = cells.Select((c, l) => (IReadOnlyList<Point2>)c.Items().Select(u => UserInCell(u, l, layout)).ToArray()).ToArray();
                if (positions.Any(p => p.Count == 0)) throw posCur.Error("every cell needs at least one user");
            }
            else if (users.OptionalField("per_cell") is { } pc)
            {
                perCell = pc.Int(1, 100_000);
                positions = null;
            }
        }

        var pw = root.OptionalField("power_w");
        var pd = root.OptionalField("power_dbm");
        if (pw is not null && pd is not null) throw pw.Value.Error("give either 'power_w' or 'power_dbm', not both");
        double powerDbm = pw is { } w ? 10 * Math.Log10(w.PositiveDouble()) + 30 : pd?.Double() ?? d.PowerDbm;

        var epochCur = root.OptionalField("epoch_s");
        double epoch = epochCur?.PositiveDouble() ?? d.EpochSeconds;
        var tdCur = root.OptionalField("backhaul_delay_s");
        double td = tdCur?.NonNegativeDouble() ?? d.BackhaulDelaySeconds;
        if (td >= epoch) throw (tdCur ?? epochCur ?? root).Error($"the backhaul delay ({td} s) must be shorter than the epoch ({epoch} s)");

        var sched = root.OptionalField("scheduling");
        sched?.ExpectOnly("max_users_per_cell", "starvation_epochs", "pf_weight_lag_epochs");
        int maxUsers = sched?.OptionalField("max_users_per_cell")?.Int(1, 100_000) ?? d.MaxScheduledPerCell;
        int starvation = sched?.OptionalField("starvation_epochs")?.Int(1, 1_000_000) ?? d.StarvationEpochs;
        int lag = sched?.OptionalField("pf_weight_lag_epochs")?.Int(1, 2) ?? d.PfWeightLag;

        var channel = ReadChannel(root.OptionalField("channel"), d.ChannelSettings);
        var sensing = ReadSensing(root.OptionalField("sensing"), d.SensingSettings);
        var (ckm, mode) = ReadCkm(root.OptionalField("ckm"), d.CkmSettings, d.CkmMode);

        var dual = root.OptionalField("dualopt");
        dual?.ExpectOnly("max_inner_iterations", "tolerance", "newton_after");
        var dd = d.DualOptSettings;
        var dualSettings = dd with
        {
            MaxInnerIterations = dual?.OptionalField("max_inner_iterations")?.Int(1) ?? dd.MaxInnerIterations,
            Tolerance = dual?.OptionalField("tolerance")?.PositiveDouble() ?? dd.Tolerance,
            NewtonAfter = dual?.OptionalField("newton_after")?.Int(0, 1_000_000) ?? dd.NewtonAfter,
        };
        var sdr = root.OptionalField("sdr");
        sdr?.ExpectOnly("solver_tolerance");
        var sdrSettings = d.SdrSettings with { SolverTolerance = sdr?.OptionalField("solver_tolerance")?.DoubleInRange(1e-12, 1e-2) ?? d.SdrSettings.SolverTolerance };
        var fp = root.OptionalField("fp");
        fp?.ExpectOnly("max_iterations", "tolerance");
        var fpSettings = d.FpSettings with
        {
            MaxIterations = fp?.OptionalField("max_iterations")?.Int(1) ?? d.FpSettings.MaxIterations,
            Tolerance = fp?.OptionalField("tolerance")?.NonNegativeDouble() ?? d.FpSettings.Tolerance,
        };
        var wm = root.OptionalField("wmmse");
        wm?.ExpectOnly("max_iterations");
        var back = root.OptionalField("backhaul");
        back?.ExpectOnly("bits_per_real");

        var snrCur = root.OptionalField("reference_snr_db");
        var noiseCur = root.OptionalField("noise_power_dbm");
        if (snrCur is not null && noiseCur is not null) throw noiseCur.Value.Error("give either 'reference_snr_db' or 'noise_power_dbm', not both");
        var scenario = d with
        {
            Name = name,
            Layout = layout,
            UsersPerCell = perCell,
            UserPositions = positions,
            UserSpeed = speed,
            PowerDbm = powerDbm,
            ReferenceSnrDb = snrCur?.Double() ?? d.ReferenceSnrDb,
            EpochSeconds = epoch,
            BackhaulDelaySeconds = td,
            MaxScheduledPerCell = maxUsers,
            StarvationEpochs = starvation,
            PfWeightLag = lag,
            RateFloor = root.OptionalField("rate_floor_bps_hz")?.PositiveDouble() ?? d.RateFloor,
            Channel = channel,
            Sensing = sensing,
            Ckm = ckm,
            CkmMode = mode,
            DualOpt = dualSettings,
            Fp = fpSettings,
            WmmseIterations = wm?.OptionalField("max_iterations")?.Int(1) ?? d.WmmseIterations,
            Sdr = sdrSettings,
            BitsPerReal = back?.OptionalField("bits_per_real")?.Int(1, 1024) ?? d.BitsPerReal,
            Epochs = root.OptionalField("epochs")?.Int(1, 1_000_000) ?? d.Epochs,
            Seed = root.OptionalField("seed")?.Long() ?? d.Seed,
            NoisePowerDbm = noiseCur is { } nc ? nc.DoubleInRange(-300, 100) : snrCur is not null ? null : d.NoisePowerDbm,
        };

        CheckMapMemory(scenario, root.OptionalField("ckm")?.OptionalField("grid_m") ?? root, availableBytes);
        return scenario;
    }

    /// <summary>
    /// Refuses a map grid with more points than a map can index, and, for maps built in full, one
    /// whose storage (all BSs) exceeds half the available memory (on-demand maps hold only the pages
    /// their queries visit; their memory is reported by the run).
    /// </summary>
    public static void CheckMapMemory(PaperBScenario scenario, JsonCursor at, long? availableBytes = null)
    {
        var (min, max) = scenario.Layout.BoundingBox();
        var s = scenario.CkmSettings;
        double nx = Math.Ceiling((max.X - min.X) / s.Spacing), ny = Math.Ceiling((max.Y - min.Y) / s.Spacing);
        if (nx * ny > int.MaxValue)
            throw at.Error($"a {s.Spacing} m map grid over {max.X - min.X:0.#} m × {max.Y - min.Y:0.#} m has {nx * ny:0.###e0} points per BS, more than a map can index (2³¹); use a coarser grid");
        if (scenario.CkmMode != CkmMode.Full) return;
        double bytes = nx * ny * s.BytesPerPoint * scenario.Layout.Cells;
        long available = availableBytes ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (bytes > MaxMemoryFraction * available)
            throw at.Error($"a {s.Spacing} m map grid over {max.X - min.X:0.#} m × {max.Y - min.Y:0.#} m has {nx * ny:0.###e0} points per BS and needs " +
                           $"{bytes / 1e9:0.##} GB for {scenario.Layout.Cells} maps built in full, more than half of the {available / 1e9:0.##} GB available; use a coarser grid or on-demand maps");
    }

    private static Point2 Point(JsonCursor c)
    {
        var xy = c.Items(2);
        return new Point2(xy[0].Double(), xy[1].Double());
    }

    private static Point2 UserInCell(JsonCursor c, int cell, NetworkLayout layout)
    {
        var p = Point(c);
        if (layout.InCell(cell, p)) return p;
        double d = p.DistanceTo(layout.BaseStations[cell]);
        int other = Enumerable.Range(0, layout.Cells).FirstOrDefault(l => layout.InCell(l, p), -1);
        throw other < 0
            ? c.Error($"user at ({p.X}, {p.Y}) is outside every cell (each cell is {layout.Regions[0].Describe()})")
            : c.Error($"user at ({p.X}, {p.Y}) is listed under cell {cell} but is {d:0.#} m from its BS, outside {layout.Regions[cell].Describe()}; it lies in cell {other}");
    }

    /// <summary>
    /// The <c>network</c> object: <c>"layout": "explicit"</c> (default: <c>base_stations</c>, <c>cell_radius_m</c>,
    /// <c>min_user_distance_m</c>, <c>coordination_radius_m</c>) or <c>"hexagonal"</c> (<c>sites</c>,
    /// <c>sectors_per_site</c>, <c>inter_site_distance_m</c>, <c>wraparound</c>, <c>min_user_distance_m</c>,
    /// <c>coordination_radius_m</c>, <c>element_pattern</c>); absent: the paper's three BSs.
    /// </summary>
    private static NetworkLayout ReadLayout(JsonCursor? network, NetworkLayout defaults)
    {
        if (network is not { } net) return defaults;
        string kind = net.OptionalField("layout")?.OneOf("explicit", "hexagonal") ?? "explicit";
        var coordCur = net.OptionalField("coordination_radius_m");
        double? coord = coordCur?.NonNegativeDouble();
        if (kind == "explicit")
        {
            net.ExpectOnly("layout", "base_stations", "cell_radius_m", "min_user_distance_m", "coordination_radius_m");
            var bsItems = net.Field("base_stations").Items();
            if (bsItems.Count == 0) throw net.Field("base_stations").Error("expected at least one base station");
            var bs = bsItems.Select(Point).ToArray();
            double radius = net.OptionalField("cell_radius_m")?.PositiveDouble() ?? 90;
            var minCur = net.OptionalField("min_user_distance_m");
            double minDist = minCur?.NonNegativeDouble() ?? 10;
            if (minDist >= radius) throw (minCur ?? net).Error($"the minimum user distance ({minDist} m) must be below the cell radius ({radius} m)");
            return new NetworkLayout(bs, radius, minDist, coord ?? double.PositiveInfinity);
        }
        net.ExpectOnly("layout", "sites", "sectors_per_site", "inter_site_distance_m", "wraparound", "min_user_distance_m", "coordination_radius_m",
            "element_pattern");
        var sitesCur = net.OptionalField("sites");
        int sites = sitesCur?.Int(1, 19) ?? 19;
        if (sites is not (1 or 7 or 19)) throw sitesCur!.Value.Error($"a hexagonal grid has 1, 7 or 19 sites (0, 1 or 2 rings), got {sites}");
        var sectorsCur = net.OptionalField("sectors_per_site");
        int sectors = sectorsCur?.Int(1, 3) ?? 3;
        if (sectors == 2) throw sectorsCur!.Value.Error("1 or 3 sectors per site");
        double isd = net.OptionalField("inter_site_distance_m")?.PositiveDouble() ?? 200;
        var wrapCur = net.OptionalField("wraparound");
        bool wrap = wrapCur?.Bool() ?? false;
        if (wrap && sites == 1) throw wrapCur!.Value.Error("wrap-around needs 7 or 19 sites (a single site has no neighbours to wrap)");
        var minCur2 = net.OptionalField("min_user_distance_m");
        double min = minCur2?.NonNegativeDouble() ?? 10;
        if (min >= isd / 2) throw (minCur2 ?? net).Error($"the minimum user distance ({min} m) must be below half the inter-site distance ({isd / 2} m)");
        ElementPattern? pattern = net.OptionalField("element_pattern")?.OneOf("omni", "3gpp") switch
        {
            "omni" => ElementPattern.Omnidirectional,
            "3gpp" => ElementPattern.Tr38901Sector,
            _ => null,
        };
        return NetworkLayout.Hexagonal(sites, sectors, isd, wrap, min, coord, pattern);
    }

    private static readonly string[] PaperChannelFields =
        ["reference_path_gain_db", "path_loss_exponent", "intra_cell_paths", "nlos_ratio", "phase_std_deg", "inter_cell_paths", "scatterer_density_per_km2"];

    private static ChannelSettings ReadChannel(JsonCursor? c, ChannelSettings d)
    {
        if (c is not { } ch) return d;
        ch.ExpectOnly(["model", "tx_antennas", "carrier_ghz", "bs_height_m", "ut_height_m", .. PaperChannelFields]);
        var modelCur = ch.OptionalField("model");
        var model = modelCur is { } mc ? ChannelModelNames.Parse(mc.OneOf(ChannelModelNames.All))!.Value : d.Model;
        if (model == ChannelModelKind.Paper)
        {
            foreach (var f in new[] { "bs_height_m", "ut_height_m" })
                if (ch.Has(f)) throw ch.Field(f).Error($"only for the 3GPP channel models (\"model\": \"3gpp-umi\" or \"3gpp-uma\"); the paper's model has no heights");
        }
        else
        {
            foreach (var f in PaperChannelFields)
                if (ch.Has(f)) throw ch.Field(f).Error($"only for the paper's channel model; \"{model.Name()}\" takes its parameters from 3GPP TR 38.901");
            return d with
            {
                Model = model,
                TransmitAntennas = ch.OptionalField("tx_antennas")?.Int(1, 4096) ?? d.TransmitAntennas,
                CarrierHz = (ch.OptionalField("carrier_ghz")?.DoubleInRange(0.5, 100) ?? d.CarrierHz / 1e9) * 1e9,
                BsHeight = ch.OptionalField("bs_height_m")?.DoubleInRange(1.5, 150),
                UtHeight = ch.OptionalField("ut_height_m")?.DoubleInRange(1, 13) ?? d.UtHeight,
            };
        }
        double rMin = d.NlosRatioMin, rMax = d.NlosRatioMax;
        if (ch.OptionalField("nlos_ratio") is { } r)
        {
            var items = r.Items(2);
            rMin = items[0].PositiveDouble();
            rMax = items[1].PositiveDouble();
            if (rMax < rMin) throw r.Error("expected [min, max] with min ≤ max");
        }
        return new ChannelSettings(
            ch.OptionalField("tx_antennas")?.Int(1, 4096) ?? d.TransmitAntennas,
            (ch.OptionalField("carrier_ghz")?.PositiveDouble() ?? d.CarrierHz / 1e9) * 1e9,
            ch.OptionalField("reference_path_gain_db")?.Double() ?? d.ReferencePathGainDb,
            ch.OptionalField("path_loss_exponent")?.PositiveDouble() ?? d.PathLossExponent,
            ch.OptionalField("intra_cell_paths")?.Int(1, 64) ?? d.IntraCellPaths,
            rMin, rMax,
            (ch.OptionalField("phase_std_deg")?.NonNegativeDouble() ?? d.PhaseStdRad * 180 / Math.PI) * Math.PI / 180,
            ch.OptionalField("inter_cell_paths")?.Int(1, 64) ?? d.InterCellPaths,
            ch.OptionalField("scatterer_density_per_km2")?.PositiveDouble() ?? d.ScattererDensityPerKm2);
    }

    private static SensingSettings ReadSensing(JsonCursor? c, SensingSettings d)
    {
        if (c is not { } s) return d;
        s.ExpectOnly("a_theta", "a_tau", "a_mu", "matched_filter_gain", "threshold", "rx_antennas", "radar_equation", "rcs_m2",
            "reflection_factor", "echo_noise_factor", "initial_location_error_m", "computed_receive_gain");
        var form = s.OptionalField("radar_equation")?.OneOf("two-way", "inverse-distance") switch
        {
            "inverse-distance" => RadarEquationForm.InverseDistance,
            "two-way" => RadarEquationForm.TwoWay,
            _ => d.Form,
        };
        return new SensingSettings(
            s.OptionalField("a_theta")?.PositiveDouble() ?? d.AngleCoefficient,
            s.OptionalField("a_tau")?.PositiveDouble() ?? d.DelayCoefficient,
            s.OptionalField("a_mu")?.PositiveDouble() ?? d.DopplerCoefficient,
            s.OptionalField("matched_filter_gain")?.PositiveDouble() ?? d.MatchedFilterGain,
            s.OptionalField("threshold")?.PositiveDouble() ?? d.Threshold,
            s.OptionalField("rx_antennas")?.Int(1, 4096) ?? d.ReceiveAntennas,
            form,
            s.OptionalField("rcs_m2")?.PositiveDouble() ?? d.RadarCrossSection,
            s.OptionalField("reflection_factor")?.PositiveDouble() ?? d.ReflectionFactor,
            s.OptionalField("echo_noise_factor")?.PositiveDouble() ?? d.EchoNoiseFactor,
            s.OptionalField("initial_location_error_m")?.NonNegativeDouble() ?? d.InitialLocationError,
            s.OptionalField("computed_receive_gain")?.Bool() ?? d.ComputedReceiveGain);
    }

    private static (CkmSettings Settings, CkmMode Mode) ReadCkm(JsonCursor? c, CkmSettings d, CkmMode defaultMode)
    {
        if (c is not { } k) return (d, defaultMode);
        k.ExpectOnly("grid_m", "angle_bins", "codebook_size", "snapshots", "sparsity", "mode", "measurement_noise_db", "leakage_estimate");
        var mode = k.OptionalField("mode")?.OneOf("on-demand", "full") switch
        {
            "full" => CkmMode.Full,
            "on-demand" => CkmMode.OnDemand,
            _ => defaultMode,
        };
        var settings = d with
        {
            Spacing = k.OptionalField("grid_m")?.PositiveDouble() ?? d.Spacing,
            AngularBins = k.OptionalField("angle_bins")?.Int(1, ushort.MaxValue) ?? d.AngularBins,
            CodebookSize = k.OptionalField("codebook_size")?.Int(1, 4096) ?? d.CodebookSize,
            Snapshots = k.OptionalField("snapshots")?.Int(1, 100_000) ?? d.Snapshots,
            Sparsity = k.OptionalField("sparsity")?.Int(1, 8) ?? d.Sparsity,
            MeasurementNoiseDb = k.OptionalField("measurement_noise_db")?.DoubleInRange(-100, 100) ?? d.MeasurementNoiseDb,
            LeakageEstimate = k.OptionalField("leakage_estimate")?.OneOf("channel", "covariance") switch
            {
                "covariance" => LeakageEstimate.Covariance,
                "channel" => LeakageEstimate.Channel,
                _ => d.LeakageEstimate,
            },
        };
        return (settings, mode);
    }
}
