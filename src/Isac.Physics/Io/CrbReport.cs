using System.Text;
using System.Text.Json;
using Isac.Core.Json;
using Isac.Physics.Crb;

namespace Isac.Physics.Io;

/// <summary>Writes the output of <c>isac crb</c> (docs/formats.md "CRB case").</summary>
public static class CrbReport
{
    /// <summary>
    /// <c>{"bs": [{"fim": 3×3, "crb": [3], "rcrb_deg": x}, …]}</c> in BS order: the FIM with θ in
    /// radians, the diagonal of its inverse, and √CRB(θ) in degrees.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<CramerRaoBoundResult> perBs)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(perBs);
        writer.WriteStartObject();
        writer.WriteStartArray("bs");
        foreach (var r in perBs) WriteBs(writer, r);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The same JSON as text, one line per BS (readable, and still one JSON document).</summary>
    public static string ToText(IReadOnlyList<CramerRaoBoundResult> perBs)
    {
        ArgumentNullException.ThrowIfNull(perBs);
        var text = new StringBuilder("{\"bs\": [\n");
        for (int m = 0; m < perBs.Count; m++)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream)) WriteBs(writer, perBs[m]);
            text.Append("  ").Append(Encoding.UTF8.GetString(stream.ToArray()));
            text.Append(m + 1 < perBs.Count ? ",\n" : "\n");
        }
        return text.Append("]}").ToString();
    }

    private static void WriteBs(Utf8JsonWriter writer, CramerRaoBoundResult r)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("fim");
        writer.WriteMatrix(r.Fisher);
        writer.WritePropertyName("crb");
        writer.WriteDoubles(r.Diagonal);
        writer.WriteNumberOrNull("rcrb_deg", r.RootAngleDegrees);
        writer.WriteEndObject();
    }
}
