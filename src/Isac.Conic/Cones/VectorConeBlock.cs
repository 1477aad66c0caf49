namespace Isac.Conic.Cones;

/// <summary>A block whose data are sparse vectors (LP and second-order cones): A(·), Aᵀ(·) and row norms.</summary>
internal abstract class VectorConeBlock : ConeBlock
{
    protected VectorConeBlock(int n, VectorRowData[] data)
        : base(n, n, VectorRowData.RowsOf(data))
    {
        _data = data;
    }

    /// <summary>The rows of this block (the cone classes read them in their hot loops).</summary>
    protected readonly VectorRowData[] _data;

    public override void ApplyA(ReadOnlySpan<double> v, Span<double> result)
    {
        foreach (var d in _data)
        {
            result[d.Row] += d.Dot(v);
        }
    }

    public override void AddAdjoint(ReadOnlySpan<double> y, Span<double> dest)
    {
        foreach (var d in _data)
        {
            double yi = y[d.Row];
            if (yi != 0)
            {
                for (int e = 0; e < d.Index.Length; e++)
                {
                    dest[d.Index[e]] += yi * d.Value[e];
                }
            }
        }
    }

    public override void AddRowNorms2(double[] norm2)
    {
        foreach (var d in _data)
        {
            norm2[d.Row] += LinearAlgebra.ArrayMath.SumSquares(d.Value);
        }
    }
}
