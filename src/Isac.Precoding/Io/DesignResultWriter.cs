using System.Text;
using System.Text.Json;
using Isac.Core.Json;
using Isac.Physics;
using Isac.Precoding.Design;

namespace Isac.Precoding.Io;

/// <summary>
/// Writes a <see cref="DesignResult"/> as the JSON result of <c>isac precode</c> (docs/formats.md,
/// "Paper A design result"): status, achieved and relaxation metrics, precoders, recovery, iterations, solves.
/// </summary>
/// <remarks>NaN (no solution) is written as null; BS and iteration numbers are 1-based; complex numbers are [re, im].</remarks>
public static class DesignResultWriter
{
    /// <summary>The result as indented JSON text.</summary>
    public static string ToText(DesignResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            Write(w, result);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the result object.</summary>
    public static void Write(Utf8JsonWriter w, DesignResult r)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(r);
        var s = r.Settings;
        w.WriteStartObject();
        w.WriteString("status", r.Status.Name());
        w.WriteString("message", r.Message);
        if (r.FailedIteration is int fi) w.WriteNumber("failed_iteration", fi);
        else w.WriteNull("failed_iteration");
        w.WriteString("scheme", s.Scheme.Name());
        w.WriteNumber("gamma_db", s.GammaDb);
        w.WriteNumber("delta", s.Delta);
        w.WriteNumber("rho", s.Rho);
        w.WriteString("robust", s.Robustness == RobustnessModel.Exact ? "exact" : "paper");
        w.WritePropertyName("rcrb_deg");
        w.WriteDoubles(r.RcrbDeg);
        w.WritePropertyName("relaxation_rcrb_deg");
        w.WriteDoubles(r.RelaxationRcrbDeg);
        w.WriteNumberOrNull("min_sinr_db", r.MinSinrDb);
        w.WriteNumberOrNull("worst_case_min_sinr_db", r.WorstCaseMinSinrDb);
        w.WriteNumberOrNull("proposition3_min_sinr_db", r.Proposition3MinSinrDb);
        w.WriteNumberOrNull("relaxation_min_sinr_db", r.RelaxationMinSinrDb);
        w.WriteNumberOrNull("design_gamma_db", r.DesignGammaDb);
        w.WritePropertyName("user_sinr_db");
        w.WriteDoubles(r.UserSinrDb);
        w.WritePropertyName("user_worst_case_sinr_db");
        w.WriteDoubles(r.UserWorstCaseSinrDb);
        WriteReduction(w, r);
        WritePrecoders(w, r);
        WriteRecovery(w, r);
        WriteRefinement(w, r);
        w.WriteBoolean("converged", r.Converged);
        WriteIterations(w, r);
        WriteSolves(w, r);
        w.WritePropertyName("normalization_factors");
        w.WriteStartArray();
        foreach (var (crb, gamma) in r.NormalizationFactors)
        {
            w.WriteStartObject();
            w.WriteNumberOrNull("crb", crb);
            w.WriteNumberOrNull("gamma", gamma);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("seconds", r.Seconds);
        w.WriteEndObject();
    }

    private static void WritePrecoders(Utf8JsonWriter w, DesignResult r)
    {
        var s = r.Settings;
        w.WritePropertyName("precoders");
        w.WriteStartObject();
        w.WriteString("kind", s.Scheme.IsSymbolLevel() ? "symbols" : "beamformers");
        w.WriteString("layout", (s.Scheme.IsSymbolLevel(), s.Scheme.Mode()) switch
        {
            (false, CoordinationMode.Cbf) => "one Ntx×K matrix W_m = [w_m1 … w_mK] per BS",
            (false, _) => "one (J·Ntx)×(J·K) matrix W = [w_1 … w_JK], stacked over the BSs, column u for user u = m·K + k",
            (true, CoordinationMode.Cbf) => "one Ntx×L symbol matrix X_m per BS",
            _ => "one (J·Ntx)×L symbol matrix X, stacked over the BSs",
        });
        w.WritePropertyName("matrices");
        w.WriteStartArray();
        foreach (var m in r.Precoders) w.WriteMatrix(m);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The coordinates of the convex problems (new keys in snake_case, docs/formats.md).</summary>
    private static void WriteReduction(Utf8JsonWriter w, DesignResult r)
    {
        w.WritePropertyName("reduction");
        if (r.Reduction is not { } red)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        w.WriteBoolean("requested", red.Requested);
        w.WriteBoolean("applied", red.Applied);
        w.WriteNumber("antennas", red.Antennas);
        w.WritePropertyName("dimensions");
        w.WriteStartArray();
        foreach (var d in red.Dimensions) w.WriteNumberValue(d);
        w.WriteEndArray();
        w.WriteString("note", red.Note);
        w.WriteEndObject();
    }

    private static void WriteRecovery(Utf8JsonWriter w, DesignResult r)
    {
        w.WritePropertyName("recovery");
        if (r.Recovery is not { } rec)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        w.WriteString("method", rec.Method);
        w.WriteNumber("largest_eigenvalue_ratio", rec.LargestEigenvalueRatio);
        w.WriteNumber("candidates_tried", rec.CandidatesTried);
        w.WriteNumber("candidates_feasible", rec.CandidatesFeasible);
        w.WriteEndObject();
    }

    private static void WriteRefinement(Utf8JsonWriter w, DesignResult r)
    {
        w.WritePropertyName("refinement");
        if (r.Refinement is not { } f)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        w.WriteNumber("steps", f.Steps);
        w.WritePropertyName("unrefined_rcrb_deg");
        w.WriteDoubles(f.UnrefinedRcrbDeg);
        w.WritePropertyName("rcrb_deg_by_step");
        w.WriteStartArray();
        foreach (var step in f.RcrbDegByStep) w.WriteDoubles(step);
        w.WriteEndArray();
        w.WriteBoolean("converged", f.Converged);
        w.WriteString("message", f.Message);
        w.WriteString("caps", f.Caps);
        w.WriteEndObject();
    }

    private static void WriteIterations(Utf8JsonWriter w, DesignResult r)
    {
        w.WritePropertyName("iterations");
        w.WriteStartArray();
        foreach (var it in r.Iterations)
        {
            w.WriteStartObject();
            w.WriteNumber("iteration", it.Iteration);
            w.WritePropertyName("objective");
            w.WriteDoubles(it.Objective);
            w.WritePropertyName("sdp_rcrb_deg");
            w.WriteDoubles(it.SdpRcrbDeg);
            w.WritePropertyName("rcrb_deg");
            w.WriteDoubles(it.RcrbDeg);
            w.WritePropertyName("gamma_db");
            w.WriteDoubles(it.GammaDb);
            w.WriteNumberOrNull("min_sinr_db", it.MinSinrDb);
            w.WritePropertyName("caps");
            w.WriteStartObject();
            foreach (var (name, value) in it.Caps) w.WriteNumberOrNull(name, value);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteSolves(Utf8JsonWriter w, DesignResult r)
    {
        w.WritePropertyName("solves");
        w.WriteStartArray();
        foreach (var s in r.Solves)
        {
            w.WriteStartObject();
            w.WriteString("problem", s.Problem);
            w.WriteNumber("iteration", s.Iteration);
            if (s.Bs is int b) w.WriteNumber("bs", b + 1);
            else w.WriteNull("bs");
            w.WriteString("status", s.Status);
            w.WriteNumber("solver_iterations", s.SolverIterations);
            w.WriteNumber("seconds", s.Seconds);
            w.WriteNumber("schur_complement_size", s.SchurSize);
            w.WriteString("side", s.Side);
            w.WriteNumber("real_scalars", s.RealScalars);
            if (double.IsFinite(s.Accuracy)) w.WriteNumber("accuracy", s.Accuracy);
            else w.WriteNull("accuracy");
            w.WriteString("termination", s.Termination);
            w.WriteBoolean("used", s.Used);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
