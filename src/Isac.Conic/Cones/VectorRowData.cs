namespace Isac.Conic.Cones;

/// <summary>A_i on one vector block: a sparse vector (indices ascending, no repeats).</summary>
internal sealed record VectorRowData(int Row, int[] Index, double[] Value)
{
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
