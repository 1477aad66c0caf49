using Complex = System.Numerics.Complex;
using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Core.Json;

/// <summary>
/// Writes Isac's JSON conventions: complex numbers as <c>[re, im]</c>, matrices as lists of rows,
/// and never a NaN or infinity (JSON has none; they are written as null so a reader notices).
/// </summary>
public static class JsonWriterExtensions
{
    /// <summary>Writes a number, or null when it is not finite.</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter w, double value)
    {
        if (double.IsFinite(value)) w.WriteNumberValue(value);
        else w.WriteNullValue();
    }

    /// <summary>Writes a named number, or null when it is not finite.</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter w, string name, double value)
    {
        w.WritePropertyName(name);
        w.WriteNumberOrNull(value);
    }

    /// <summary>Writes <c>[re, im]</c>.</summary>
    public static void WriteComplex(this Utf8JsonWriter w, Complex z)
    {
        w.WriteStartArray();
        w.WriteNumberOrNull(z.Real);
        w.WriteNumberOrNull(z.Imaginary);
        w.WriteEndArray();
    }

    /// <summary>Writes an array of numbers.</summary>
    public static void WriteDoubles(this Utf8JsonWriter w, IEnumerable<double> values)
    {
        w.WriteStartArray();
        foreach (double v in values) w.WriteNumberOrNull(v);
        w.WriteEndArray();
    }

    /// <summary>Writes a complex vector as an array of <c>[re, im]</c>.</summary>
    public static void WriteComplexVector(this Utf8JsonWriter w, IEnumerable<Complex> values)
    {
        w.WriteStartArray();
        foreach (var z in values) w.WriteComplex(z);
        w.WriteEndArray();
    }

    /// <summary>Writes a real matrix as a list of rows.</summary>
    public static void WriteMatrix(this Utf8JsonWriter w, Matrix<double> m)
    {
        w.WriteStartArray();
        for (int i = 0; i < m.RowCount; i++)
        {
            w.WriteStartArray();
            for (int j = 0; j < m.ColumnCount; j++) w.WriteNumberOrNull(m[i, j]);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    /// <summary>Writes a complex matrix as a list of rows of <c>[re, im]</c>.</summary>
    public static void WriteMatrix(this Utf8JsonWriter w, Matrix<Complex> m)
    {
        w.WriteStartArray();
        for (int i = 0; i < m.RowCount; i++)
        {
            w.WriteStartArray();
            for (int j = 0; j < m.ColumnCount; j++) w.WriteComplex(m[i, j]);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }
}
