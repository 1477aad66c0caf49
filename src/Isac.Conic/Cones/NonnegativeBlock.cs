using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Cones;

/// <summary>
/// A nonnegative orthant (LP) block: H = diag(x/z); predictor R = −x, corrector R = (σμ − Δx_a Δz_a)/z;
/// M_ij += Σ_k A_i[k] (x_k / z_k) A_j[k] (formed column by column from the transposed data).
/// </summary>
internal sealed class NonnegativeBlock : VectorConeBlock
{
    private readonly (int Row, double Value)[][] _columns;
    private readonly double[] _h;

    public NonnegativeBlock(int n, VectorRowData[] data)
        : base(n, data)
    {
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
        _h = new double[n];
    }

    public override int Degree => Size;

    public override void SetInitialPoint(double alpha, double beta)
    {
        Array.Fill(X, alpha);
        Array.Fill(Z, beta);
    }

    public override bool PrepareScaling(IDenseKernels kernels)
    {
        for (int k = 0; k < Size; k++)
        {
            if (!(X[k] > 0) || !(Z[k] > 0))
            {
                return false;
            }
            _h[k] = X[k] / Z[k];
        }
        return true;
    }

    public override void ComplementarityRhs(double sigmaMu, bool corrector, ReadOnlySpan<double> affineDy, IDenseKernels kernels)
    {
        for (int k = 0; k < Size; k++)
        {
            R[k] = corrector ? (sigmaMu - DXa[k] * DZa[k]) / Z[k] : sigmaMu / Z[k] - X[k];
        }
    }

    public override void ApplyH(ReadOnlySpan<double> v, Span<double> result, IDenseKernels kernels)
    {
        for (int k = 0; k < Size; k++)
        {
            result[k] = _h[k] * v[k];
        }
    }

    public override double MaxStep(double[] d, bool primal, IDenseKernels kernels, bool exact = false)
    {
        double[] v = primal ? X : Z;
        double alpha = double.PositiveInfinity;
        for (int k = 0; k < Size; k++)
        {
            if (d[k] < 0)
            {
                alpha = Math.Min(alpha, -v[k] / d[k]);
            }
        }
        return alpha;
    }

    public override bool IsInterior(double[] v, bool primal, IDenseKernels kernels) => ArrayMath.AllPositive(v);

    public override double MinEigenvalue(double[] v, IDenseKernels kernels) => ArrayMath.Min(v);

    public override void AddSchurColumn(int localJ, double[] m, int mSize, SchurScratch scratch, IDenseKernels kernels)
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
