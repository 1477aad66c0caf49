using Isac.Conic.Cones;
using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Kkt;

/// <summary>
/// The Schur complement columns of a nonnegative orthant block, H = diag(x/z):
/// M_ij += Σ_k A_i[k] h_k A_j[k], formed column by column from the transposed data (for each entry k of
/// A_j, the rows i that touch k), so that a column costs the products it has, not a merge with every row.
/// </summary>
internal sealed class NonnegativeSchurColumns : BlockSchurColumns
{
    private readonly VectorRowData[] _data;
    private readonly (int Row, double Value)[][] _columns;
    private readonly double[] _h;

    /// <param name="n">The block's length.</param>
    /// <param name="data">Its rows.</param>
    /// <param name="h">Its scaling x/z, written by the block's scaling and read here in place.</param>
    public NonnegativeSchurColumns(int n, VectorRowData[] data, double[] h)
    {
        _data = data;
        _h = h;
        var cols = new List<(int, double)>[n];
        for (int k = 0; k < n; k++)
        {
            cols[k] = [];
        }
        foreach (var d in data)
        {
            for (int e = 0; e < d.Index.Length; e++)
            {
                cols[d.Index[e]].Add((d.Row, d.Value[e]));
            }
        }
        _columns = cols.Select(c => c.ToArray()).ToArray();
    }

    /// <inheritdoc />
    public override void AddColumn(int localJ, double[] m, int mSize, SchurScratch scratch, IDenseKernels kernels)
    {
        var dj = _data[localJ];
        int j = dj.Row;
        for (int e = 0; e < dj.Index.Length; e++)
        {
            int k = dj.Index[e];
            double hk = _h[k] * dj.Value[e];
            foreach (var (i, aik) in _columns[k])
            {
                if (i <= j)
                {
                    m[j * mSize + i] += aik * hk;
                }
            }
        }
    }
}
