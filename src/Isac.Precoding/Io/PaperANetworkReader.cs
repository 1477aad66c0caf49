using Complex = System.Numerics.Complex;
using Isac.Core.Json;
using Isac.Physics.Channels;
using Isac.Precoding.Network;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Io;

/// <summary>A paper A network file read from JSON: the recipe and the seed that draws whatever is random.</summary>
/// <param name="Spec">The network recipe.</param>
/// <param name="Seed">The seed (required when something is drawn at random; 0 otherwise).</param>
/// <param name="Description">Free text from the file.</param>
public sealed record PaperANetwork(NetworkSpec Spec, ulong Seed, string Description)
{
    /// <summary>Draws the network.</summary>
    public IsacNetwork Build() => Spec.Build(Seed);
}

/// <summary>
/// Reads paper A network files (docs/formats.md, "Paper A network"; docs/schemas/paper-a-network.schema.json):
/// sizes, powers, target angles, reflection coefficients, user channels and symbols, each either generated
/// from the seed or given explicitly. Strict: unknown fields are errors, and every error names the file and
/// the JSON path. The camelCase names of before (<c>usersPerCell</c>, …) and the channel model
/// <c>"lineOfSight"</c> are still read and recorded for the document's one warning line (<see cref="LegacyKeys"/>).
/// </summary>
public static class PaperANetworkReader
{
    /// <summary>The schema's file name under docs/schemas/.</summary>
    public const string SchemaFile = "paper-a-network.schema.json";

    /// <summary>The network fields (also those of the <c>network</c> object of a paper A figure's section).</summary>
    public static readonly string[] NetworkFields =
    [
        "cells", "users_per_cell", "ntx", "nrx", "frame_length", "transmit_power", "comm_snr_db",
        "radar_snr_db", "target_angles_deg", "reflections", "channels", "symbols", "psk_order", "leakage_max_factor",
        "interference_max_db", "initial_cap_db",
    ];

    /// <summary>The top-level fields of a network file: <see cref="NetworkFields"/>, <c>description</c> and <c>seed</c>.</summary>
    public static readonly string[] Fields = ["description", "seed", .. NetworkFields];

    /// <summary>Reads a whole network file (the input of <c>isac precode</c>); fields left out take <see cref="NetworkSpec"/>'s defaults.</summary>
    /// <exception cref="Isac.Core.IsacInputException">A field is missing, unknown, malformed or inconsistent.</exception>
    public static PaperANetwork Read(JsonCursor root) => Read(root, new NetworkSpec());

    /// <summary>Reads a whole network file over <paramref name="defaults"/> (a field left out keeps its value there).</summary>
    /// <exception cref="Isac.Core.IsacInputException">A field is missing, unknown, malformed or inconsistent.</exception>
    public static PaperANetwork Read(JsonCursor root, NetworkSpec defaults)
    {
        root.ExpectOnly(Fields);
        var spec = ReadFields(root, defaults);
        bool random = NeedsSeed(spec);
        var seedCursor = root.OptionalField("seed");
        if (random && seedCursor is null)
            throw root.Error("required field 'seed' is missing: the channels, symbols or reflection phases are drawn at random");
        ulong seed = 0;
        if (seedCursor is JsonCursor sc)
        {
            long value = sc.Long();
            seed = value >= 0 ? (ulong)value : throw sc.Error($"expected an integer >= 0, got {value}");
        }
        string description = root.OptionalField("description")?.String() ?? "";
        return new PaperANetwork(spec, seed, description);
    }

    /// <summary>
    /// Reads a network object without <c>seed</c> and <c>description</c> (the <c>network</c> object of a paper A
    /// figure's section, whose draws the sweep seeds) over <paramref name="defaults"/>: a field left out keeps its
    /// value there. Sizes that explicit data are checked against (cells, users_per_cell, ntx, frame_length) are
    /// those of the result, so explicit data of other sizes must come with their sizes.
    /// </summary>
    /// <exception cref="Isac.Core.IsacInputException">A field is unknown, malformed or inconsistent.</exception>
    public static NetworkSpec ReadNetwork(JsonCursor c, NetworkSpec defaults)
    {
        c.ExpectOnly(NetworkFields);
        return ReadFields(c, defaults);
    }

    private static NetworkSpec ReadFields(JsonCursor c, NetworkSpec d)
    {
        int cells = c.OptionalField("cells")?.Int(1, 16) ?? d.Cells;
        int users = c.OptionalField("users_per_cell")?.Int(1, 64) ?? d.UsersPerCell;
        int ntx = c.OptionalField("ntx")?.Int(1, 256) ?? d.TransmitElements;
        int nrx = c.OptionalField("nrx")?.Int(1, 256) ?? d.ReceiveElements;
        int frame = c.OptionalField("frame_length")?.Int(1, 4096) ?? d.FrameLength;
        int defaultCells = d.TargetAnglesDeg.GetLength(0);
        var angles = c.OptionalField("target_angles_deg") is JsonCursor a ? Angles(a, cells)
            : cells == defaultCells ? d.TargetAnglesDeg
            : throw c.Error($"field 'target_angles_deg' is required when cells ≠ {defaultCells} (the default angles are for {defaultCells} cells)");
        int psk = c.OptionalField("psk_order")?.Int(2, 64) ?? d.PskOrder;
        return d with
        {
            Cells = cells,
            UsersPerCell = users,
            TransmitElements = ntx,
            ReceiveElements = nrx,
            FrameLength = frame,
            TransmitPower = c.OptionalField("transmit_power")?.PositiveDouble() ?? d.TransmitPower,
            CommSnrDb = c.OptionalField("comm_snr_db")?.DoubleInRange(-50, 150) ?? d.CommSnrDb,
            RadarSnrDb = c.OptionalField("radar_snr_db")?.DoubleInRange(-50, 150) ?? d.RadarSnrDb,
            TargetAnglesDeg = angles,
            Reflections = c.OptionalField("reflections") is JsonCursor r ? Reflections(r, cells) : d.Reflections,
            Channels = c.OptionalField("channels") is JsonCursor h ? Channels(h, cells, users, ntx) : d.Channels,
            Symbols = c.OptionalField("symbols") is JsonCursor s ? Symbols(s, cells * users, frame, psk) : d.Symbols,
            PskOrder = psk,
            LeakageMaxFactor = c.OptionalField("leakage_max_factor")?.PositiveDouble() ?? d.LeakageMaxFactor,
            InterferenceMaxDb = c.OptionalField("interference_max_db")?.DoubleInRange(-100, 100) ?? d.InterferenceMaxDb,
            InitialCapDb = c.OptionalField("initial_cap_db")?.DoubleInRange(-100, 100) ?? d.InitialCapDb,
        };
    }

    /// <summary>True when building the network draws random numbers.</summary>
    public static bool NeedsSeed(NetworkSpec spec) =>
        spec.Channels is RayleighChannels || spec.Channels is LineOfSightChannels { RandomPhases: true }
        || spec.Symbols is RandomSymbols || spec.Reflections is GeneratedReflections { RandomPhases: true };

    private static double[,] Angles(JsonCursor c, int cells)
    {
        var rows = c.Items(cells);
        var a = new double[cells, cells];
        for (int n = 0; n < cells; n++)
        {
            var row = rows[n].Items(cells);
            for (int m = 0; m < cells; m++)
            {
                double deg = row[m].DoubleInRange(-90, 90);
                if (n == m && Math.Abs(deg) >= 90)
                    throw row[m].Error($"the estimated angle θ_{n + 1}{m + 1} must lie strictly inside (-90, 90) degrees: a ULA has no angular sensitivity at endfire");
                a[n, m] = deg;
            }
        }
        return a;
    }

    private static ReflectionSpec Reflections(JsonCursor c, int cells)
    {
        string model = c.Field("model").OneOf("generated", "explicit");
        if (model == "generated")
        {
            c.ExpectOnly("model", "echo_snr", "inter_cell_ratio", "random_phases");
            var d = new GeneratedReflections();
            return new GeneratedReflections(
                c.OptionalField("echo_snr")?.PositiveDouble() ?? d.EchoSnr,
                c.OptionalField("inter_cell_ratio")?.NonNegativeDouble() ?? d.InterCellRatio,
                c.OptionalField("random_phases")?.Bool() ?? d.RandomPhases);
        }
        c.ExpectOnly("model", "values");
        var rows = c.Field("values").Items(cells);
        var v = new Complex[cells, cells];
        for (int n = 0; n < cells; n++)
        {
            var row = rows[n].Items(cells);
            for (int m = 0; m < cells; m++)
            {
                v[n, m] = row[m].Complex();
                if (n == m && v[n, m] == Complex.Zero)
                    throw row[m].Error($"α_{n + 1}{m + 1} is zero: BS {n + 1}'s target reflects nothing and its angle cannot be estimated");
            }
        }
        return new ExplicitReflections(v);
    }

    private static ChannelSpec Channels(JsonCursor c, int cells, int users, int ntx)
    {
        string model = ChannelModel(c.Field("model"));
        switch (model)
        {
            case "rayleigh":
            {
                c.ExpectOnly("model", "intra_gain", "inter_gain");
                var d = new RayleighChannels();
                return new RayleighChannels(c.OptionalField("intra_gain")?.NonNegativeDouble() ?? d.IntraGain,
                    c.OptionalField("inter_gain")?.NonNegativeDouble() ?? d.InterGain);
            }
            case "line-of-sight":
            {
                c.ExpectOnly("model", "user_angles_deg", "intra_gain", "inter_gain", "random_phases");
                var field = c.Field("user_angles_deg");
                var angles = new double[cells, cells, users];
                var byBs = field.Items(cells);
                for (int n = 0; n < cells; n++)
                {
                    var byCell = byBs[n].Items(cells);
                    for (int m = 0; m < cells; m++)
                    {
                        var byUser = byCell[m].Items(users);
                        for (int k = 0; k < users; k++) angles[n, m, k] = byUser[k].DoubleInRange(-90, 90);
                    }
                }
                return new LineOfSightChannels(angles, c.OptionalField("intra_gain")?.NonNegativeDouble() ?? 1,
                    c.OptionalField("inter_gain")?.NonNegativeDouble() ?? 1.0 / 3, c.OptionalField("random_phases")?.Bool() ?? false);
            }
            default:
            {
                c.ExpectOnly("model", "values");
                var byBs = c.Field("values").Items(cells);
                var h = new Vector<Complex>[cells, cells, users];
                for (int n = 0; n < cells; n++)
                {
                    var byCell = byBs[n].Items(cells);
                    for (int m = 0; m < cells; m++)
                    {
                        var byUser = byCell[m].Items(users);
                        for (int k = 0; k < users; k++) h[n, m, k] = byUser[k].ComplexVector(ntx);
                    }
                }
                return new ExplicitChannels(new MultiCellChannels(h));
            }
        }
    }

    /// <summary>The channel model's name; the old spelling <c>"lineOfSight"</c> is read as <c>"line-of-sight"</c> and recorded.</summary>
    private static string ChannelModel(JsonCursor model)
    {
        if (model.Kind == System.Text.Json.JsonValueKind.String && model.String() == "lineOfSight")
        {
            model.Legacy.Record("lineOfSight", "line-of-sight");
            return "line-of-sight";
        }
        return model.OneOf("rayleigh", "line-of-sight", "explicit");
    }

    private static SymbolSpec Symbols(JsonCursor c, int users, int frame, int psk)
    {
        string model = c.Field("model").OneOf("random", "explicit");
        if (model == "random")
        {
            c.ExpectOnly("model");
            return new RandomSymbols();
        }
        c.ExpectOnly("model", "indices");
        var rows = c.Field("indices").Items(users);
        var idx = new int[users, frame];
        for (int u = 0; u < users; u++)
        {
            var row = rows[u].Items(frame);
            for (int s = 0; s < frame; s++) idx[u, s] = row[s].Int(0, psk - 1);
        }
        return new ExplicitSymbols(idx);
    }
}
