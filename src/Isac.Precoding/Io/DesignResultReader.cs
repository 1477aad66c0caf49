using System.Text.Json;
using Isac.Core.Json;
using Isac.Precoding.Design;

namespace Isac.Precoding.Io;

/// <summary>The headline of a design result file: what was asked and what was achieved.</summary>
/// <param name="Status"><c>solved</c>, <c>infeasible</c> or <c>solver-failed</c>.</param>
/// <param name="Scheme">The design (<c>blp-cbf</c>, …).</param>
/// <param name="GammaDb">γ asked, dB.</param>
/// <param name="RcrbDeg">Achieved √CRB of every BS, degrees (empty without a precoder).</param>
/// <param name="MinSinrDb">Nominal minimum SINR, dB; NaN when the file holds null.</param>
/// <param name="WorstCaseMinSinrDb">Worst-case minimum SINR, dB; NaN when null.</param>
public sealed record DesignResultSummary(string Status, string Scheme, double GammaDb, double[] RcrbDeg, double MinSinrDb, double WorstCaseMinSinrDb);

/// <summary>
/// Reads the JSON result of <c>isac precode</c> (written by <see cref="DesignResultWriter"/>; docs/formats.md,
/// "Paper A design result"; docs/schemas/design-result.schema.json) strictly: every key of the file and of its
/// nested objects is checked, so a misspelt or foreign key is an error naming its JSON path. The camelCase names
/// of before (<c>rcrbDeg</c>, …) are read and recorded for the document's one warning line.
/// </summary>
public static class DesignResultReader
{
    /// <summary>The schema's file name under docs/schemas/.</summary>
    public const string SchemaFile = "design-result.schema.json";

    /// <summary>The top-level keys, in the order written.</summary>
    public static readonly string[] Fields =
    [
        "status", "message", "failed_iteration", "scheme", "gamma_db", "delta", "rho", "robust", "rcrb_deg", "relaxation_rcrb_deg",
        "min_sinr_db", "worst_case_min_sinr_db", "proposition3_min_sinr_db", "relaxation_min_sinr_db", "design_gamma_db", "user_sinr_db",
        "user_worst_case_sinr_db", "reduction", "precoders", "recovery", "refinement", "converged", "iterations", "solves",
        "normalization_factors", "seconds",
    ];

    private static readonly string[] SolveFields =
        ["problem", "iteration", "bs", "status", "solver_iterations", "seconds", "schur_complement_size", "side", "real_scalars", "accuracy", "termination", "used"];

    private static readonly string[] IterationFields = ["iteration", "objective", "sdp_rcrb_deg", "rcrb_deg", "gamma_db", "min_sinr_db", "caps"];

    /// <summary>Reads and checks a result document.</summary>
    /// <exception cref="Isac.Core.IsacInputException">A key is missing, unknown or of the wrong type.</exception>
    public static DesignResultSummary Read(JsonCursor root)
    {
        root.ExpectOnly(Fields);
        string status = root.Field("status").OneOf("solved", "infeasible", "solver-failed");
        root.Field("message").String();
        string scheme = root.Field("scheme").OneOf(PrecodingSchemes.Names.ToArray());
        double gamma = root.Field("gamma_db").Double();
        root.Field("delta").NonNegativeDouble();
        root.Field("rho").DoubleInRange(0, 1);
        root.Field("robust").OneOf("paper", "exact");
        var rcrb = Numbers(root.Field("rcrb_deg"));
        Numbers(root.Field("relaxation_rcrb_deg"));
        double minSinr = NumberOrNull(root.Field("min_sinr_db"));
        double worst = NumberOrNull(root.Field("worst_case_min_sinr_db"));
        foreach (string f in new[] { "proposition3_min_sinr_db", "relaxation_min_sinr_db", "design_gamma_db" }) NumberOrNull(root.Field(f));
        Numbers(root.Field("user_sinr_db"));
        Numbers(root.Field("user_worst_case_sinr_db"));
        if (root.OptionalField("reduction") is JsonCursor red) red.ExpectOnly("requested", "applied", "antennas", "dimensions", "note");
        var precoders = root.Field("precoders");
        precoders.ExpectOnly("kind", "layout", "matrices");
        precoders.Field("kind").OneOf("beamformers", "symbols");
        foreach (var m in precoders.Field("matrices").Items()) m.ComplexMatrix();
        if (root.OptionalField("recovery") is JsonCursor rec)
            rec.ExpectOnly("method", "largest_eigenvalue_ratio", "candidates_tried", "candidates_feasible");
        if (root.OptionalField("refinement") is JsonCursor refine)
            refine.ExpectOnly("steps", "unrefined_rcrb_deg", "rcrb_deg_by_step", "converged", "message", "caps");
        root.Field("converged").Bool();
        foreach (var it in root.Field("iterations").Items()) it.ExpectOnly(IterationFields);
        foreach (var s in root.Field("solves").Items()) s.ExpectOnly(SolveFields);
        foreach (var nf in root.Field("normalization_factors").Items()) nf.ExpectOnly("crb", "gamma");
        root.Field("seconds").NonNegativeDouble();
        return new DesignResultSummary(status, scheme, gamma, rcrb, minSinr, worst);
    }

    private static double[] Numbers(JsonCursor c) => c.Items().Select(NumberOrNull).ToArray();

    private static double NumberOrNull(JsonCursor c) => c.Kind == JsonValueKind.Null ? double.NaN : c.Double();
}
