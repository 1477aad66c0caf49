namespace Isac.Experiments.PaperB;

/// <summary>Legend labels of paper B's curves, as the paper names them.</summary>
internal static class SchemeLabels
{
    public static string Of(string name) => name switch
    {
        "cwmmse" => "CWMMSE (perfect CSI)",
        "salinr-perfect" => "SALINR (perfect CSI)",
        "sd-uscb" => "SD-USCB",
        "sd-uscb-slinr" => "SD-USCB [BF: SLINR]",
        "pwmmse" => "PWMMSE",
        "pfzfg" => "SD-USCB (Algorithm 1, PFZFG)",
        "hungarian" => "SD-USCB (Hungarian)",
        "all" => "SD-USCB (no scheduling)",
        "salinr" => "SD-USCB [BF: SALINR]",
        "slinr" => "SD-USCB [BF: SLINR]",
        "dualopt" => "ISAC BF (DualOpt, Algorithm 2)",
        "sdr" => "ISAC BF (SDR)",
        _ => name,
    };
}
