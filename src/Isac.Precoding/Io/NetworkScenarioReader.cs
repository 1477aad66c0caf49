using Complex = System.Numerics.Complex;
using Isac.Core.Json;
using Isac.Physics.Channels;
using Isac.Precoding.Network;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Io;

/// <summary>A paper A network scenario read from JSON: the recipe and the seed that draws whatever is random.</summary>
/// <param name="Spec">The network recipe.</param>
/// <param name="Seed">The seed (required when something is drawn at random; 0 otherwise).</param>
/// <param name="Description">Free text from the file.</param>
public sealed record NetworkScenario(NetworkSpec Spec, ulong Seed, string Description)
{
    /// <summary>Draws the network.</summary>
    public IsacNetwork Build() => Spec.Build(Seed);
}

/// <summary>
/// Reads paper A network scenarios (docs/formats.md, "Paper A scenario"): sizes, powers, target angles,
/// reflection coefficients, user channels and symbols, each either generated from the seed or given
/// explicitly. Strict: unknown fields are errors, and every error names the file and the JSON path.
/// </summary>
public static class NetworkScenarioReader
{
    /// <summary>The top-level fields of a scenario file.</summary>
    public static readonly string[] Fields =
    [
        "description", "seed", "cells", "usersPerCell", "ntx", "nrx", "frameLength", "transmitPower", "commSnrDb",
        "radarSnrDb", "targetAnglesDeg", "reflections", "channels", "symbols", "pskOrder", "leakageMaxFactor",
        "interferenceMaxDb", "initialCapDb",
    ];

    /// <summary>Reads a whole scenario document (the input of <c>isac precode</c>).</summary>
    /// <exception cref="Isac.Core.IsacInputException">A field is missing, unknown, malformed or inconsistent.</exception>
    public static NetworkScenario Read(JsonCursor root)
    {
        root.ExpectOnly(Fields);
        var spec = ReadSpec(root, allowSeed: true);
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
        return new NetworkScenario(spec, seed, description);
    }

    /// <summary>Reads the network fields of an object (also the <c>network</c> object of a paper A figure's scenario section, where <paramref name="allowSeed"/> is false: the sweep's draws seed it).</summary>
    public static NetworkSpec ReadSpec(JsonCursor c, bool allowSeed)
    {
        if (!allowSeed) c.ExpectOnly(Fields.Where(f => f is not ("seed" or "description")).ToArray());
        var d = new NetworkSpec();
        int cells = c.OptionalField("cells")?.Int(1, 16) ?? d.Cells;
        int users = c.OptionalField("usersPerCell")?.Int(1, 64) ?? d.UsersPerCell;
        int ntx = c.OptionalField("ntx")?.Int(1, 256) ?? d.TransmitElements;
        int nrx = c.OptionalField("nrx")?.Int(1, 256) ?? d.ReceiveElements;
        int frame = c.OptionalField("frameLength")?.Int(1, 4096) ?? d.FrameLength;
        var angles = c.OptionalField("targetAnglesDeg") is JsonCursor a ? Angles(a, cells)
            : cells == d.Cells ? d.TargetAnglesDeg
            : throw c.Error($"field 'targetAnglesDeg' is required when cells ≠ {d.Cells} (the defaults are paper A's two-cell angles)");
        int psk = c.OptionalField("pskOrder")?.Int(2, 64) ?? d.PskOrder;
        return d with
        {
            Cells = cells,
            UsersPerCell = users,
            TransmitElements = ntx,
            ReceiveElements = nrx,
            FrameLength = frame,
            TransmitPower = c.OptionalField("transmitPower")?.PositiveDouble() ?? d.TransmitPower,
            CommSnrDb = c.OptionalField("commSnrDb")?.DoubleInRange(-50, 150) ?? d.CommSnrDb,
            RadarSnrDb = c.OptionalField("radarSnrDb")?.DoubleInRange(-50, 150) ?? d.RadarSnrDb,
            TargetAnglesDeg = angles,
            Reflections = c.OptionalField("reflections") is JsonCursor r ? Reflections(r, cells) : d.Reflections,
            Channels = c.OptionalField("channels") is JsonCursor h ? Channels(h, cells, users, ntx) : d.Channels,
            Symbols = c.OptionalField("symbols") is JsonCursor s ? Symbols(s, cells * users, frame, psk) : d.Symbols,
            PskOrder = psk,
            LeakageMaxFactor = c.OptionalField("leakageMaxFactor")?.PositiveDouble() ?? d.LeakageMaxFactor,
            InterferenceMaxDb = c.OptionalField("interferenceMaxDb")?.DoubleInRange(-100, 100) ?? d.InterferenceMaxDb,
            InitialCapDb = c.OptionalField("initialCapDb")?.DoubleInRange(-100, 100) ?? d.InitialCapDb,
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
            c.ExpectOnly("model", "echoSnr", "interCellRatio", "randomPhases");
            var d = new GeneratedReflections();
            return new GeneratedReflections(
                c.OptionalField("echoSnr")?.PositiveDouble() ?? d.EchoSnr,
                c.OptionalField("interCellRatio")?.NonNegativeDouble() ?? d.InterCellRatio,
                c.OptionalField("randomPhases")?.Bool() ?? d.RandomPhases);
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
        string model = c.Field("model").OneOf("rayleigh", "lineOfSight", "explicit");
        switch (model)
        {
            case "rayleigh":
            {
                c.ExpectOnly("model", "intraGain", "interGain");
                var d = new RayleighChannels();
                return new RayleighChannels(c.OptionalField("intraGain")?.NonNegativeDouble() ?? d.IntraGain,
                    c.OptionalField("interGain")?.NonNegativeDouble() ?? d.InterGain);
            }
            case "lineOfSight":
            {
                c.ExpectOnly("model", "userAnglesDeg", "intraGain", "interGain", "randomPhases");
                var field = c.Field("userAnglesDeg");
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
                return new LineOfSightChannels(angles, c.OptionalField("intraGain")?.NonNegativeDouble() ?? 1,
                    c.OptionalField("interGain")?.NonNegativeDouble() ?? 1.0 / 3, c.OptionalField("randomPhases")?.Bool() ?? false);
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
