namespace Isac.Conic.Cones;

/// <summary>A_i on one vector block: a sparse vector (indices ascending, no repeats).</summary>
internal sealed record VectorRowData(int Row, int[] Index, double[] Value)
{
    /// <summary>The row numbers of <paramref name="data"/>, in order.</summary>
    public static int[] RowsOf(VectorRowData[] data)
    {
        var rows = new int[data.Length];
        for (int k = 0; k < data.Length; k++)
        {
            rows[k] = data[k].Row;
        }
        return rows;
    }

    public double Dot(ReadOnlySpan<double> v)
    {
        double s = 0;
        for (int e = 0; e < Index.Length; e++)
        {
            s += Value[e] * v[Index[e]];
        }
        return s;
    }
}
