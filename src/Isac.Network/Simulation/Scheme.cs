namespace Isac.Network.Simulation;

/// <summary>The coordinated-beamforming schemes of paper B's Fig. 6 and Fig. 9.</summary>
public enum Scheme
{
    /// <summary>SD-USCB: sensed locations → CKM inter-cell CSI, SALINR, DualOpt with sensing constraints.</summary>
    SdUscb,

    /// <summary>SD-USCB with SLINR (eq. (9)) instead of SALINR (Fig. 9).</summary>
    SdUscbSlinr,

    /// <summary>FP on SALINR with perfect inter-cell CSI, no sensing constraints.</summary>
    SalinrPerfect,

    /// <summary>Centralised WMMSE with perfect CSI.</summary>
    Cwmmse,

    /// <summary>Per-cell WMMSE (inter-cell interference ignored).</summary>
    Pwmmse,
}

/// <summary>The user schedulers of Fig. 8.</summary>
public enum SchedulerKind
{
    /// <summary>Algorithm 1 (PFZFG).</summary>
    Pfzfg,

    /// <summary>Hungarian user-to-beam assignment.</summary>
    Hungarian,

    /// <summary>Schedule everyone.</summary>
    All,
}

/// <summary>Names used on the command line and in result files.</summary>
public static class SchemeNames
{
    /// <summary>All schemes in the order of Fig. 6.</summary>
    public static readonly Scheme[] All = [Scheme.Cwmmse, Scheme.SalinrPerfect, Scheme.SdUscb, Scheme.SdUscbSlinr, Scheme.Pwmmse];

    /// <summary>The CLI name of a scheme.</summary>
    public static string Name(this Scheme s) => s switch
    {
        Scheme.SdUscb => "sd-uscb",
        Scheme.SdUscbSlinr => "sd-uscb-slinr",
        Scheme.SalinrPerfect => "salinr-perfect",
        Scheme.Cwmmse => "cwmmse",
        Scheme.Pwmmse => "pwmmse",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    /// <summary>The CLI name of a scheduler.</summary>
    public static string Name(this SchedulerKind s) => s switch
    {
        SchedulerKind.Pfzfg => "pfzfg",
        SchedulerKind.Hungarian => "hungarian",
        SchedulerKind.All => "all",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    /// <summary>Parses a scheme name.</summary>
    public static Scheme ParseScheme(string name) =>
        All.FirstOrDefault(s => s.Name() == name, (Scheme)(-1)) is var s && (int)s >= 0
            ? s
            : throw new Core.IsacInputException($"unknown scheme '{name}' (expected one of: {string.Join(", ", All.Select(x => x.Name()))})");

    /// <summary>Parses a scheduler name.</summary>
    public static SchedulerKind ParseScheduler(string name) => name switch
    {
        "pfzfg" => SchedulerKind.Pfzfg,
        "hungarian" => SchedulerKind.Hungarian,
        "all" => SchedulerKind.All,
        _ => throw new Core.IsacInputException($"unknown scheduler '{name}' (expected one of: pfzfg, hungarian, all)"),
    };
}
