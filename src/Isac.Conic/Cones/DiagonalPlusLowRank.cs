using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Cones;

/// <summary>
/// The products B (Σ_i y_i A_i) Z⁻¹ of the HKM direction for a PSD block whose every A_i is diagonal or of
/// low rank (max-cut's e_i e_iᵀ, graph partitioning's e_i e_iᵀ and e eᵀ): Σ y_i A_i = D + Σ_l c_l u_l u_lᵀ,
/// so B (D + Σ c u uᵀ) W = (B D) W + Σ_l c_l (B u_l)(W u_l)ᵀ: one n×n product and a rank update instead of
/// the two n×n products of a general Σ y_i A_i.
/// </summary>
/// <remarks>
/// Low rank here is the data's own factorisation (LowRankBlockMatrix) or the one recognised beside sparse
/// entries (PsdRowData.LowRankShadow: gpp's e eᵀ, which keeps its entries for the Schur complement). The
/// products W u_l and X u_l change once per iteration (<see cref="Prepare"/>); B u_l for B = ΔX_a (the
/// corrector's second-order term) is formed when needed.
/// </remarks>
internal sealed class DiagonalPlusLowRank
{
    private readonly int _n;
    private readonly PsdRowData[] _data;
    private readonly int[] _vectorRow;      // for each stacked vector, its data index
    private readonly double[] _vectorWeight;
    private readonly double[] _vectors;     // stacked u_l (count × n)
    private readonly double[] _xu;
    private readonly double[] _wu;
    private readonly double[] _bu;
    private readonly double[] _d;

    private DiagonalPlusLowRank(int n, PsdRowData[] data, List<(int Row, double Weight, double[] Vector)> vectors)
    {
        _n = n;
        _data = data;
        int count = vectors.Count;
        _vectorRow = new int[count];
        _vectorWeight = new double[count];
        _vectors = new double[count * n];
        for (int l = 0; l < count; l++)
        {
            _vectorRow[l] = vectors[l].Row;
            _vectorWeight[l] = vectors[l].Weight;
            vectors[l].Vector.CopyTo(_vectors, l * n);
        }
        _xu = new double[count * n];
        _wu = new double[count * n];
        _bu = new double[n];
        _d = new double[n];
    }

    /// <summary>The structure of a block's data, or null when some A_i is neither diagonal nor of low rank.</summary>
    public static DiagonalPlusLowRank? TryCreate(int n, PsdRowData[] data)
    {
        var vectors = new List<(int, double, double[])>();
        for (int k = 0; k < data.Length; k++)
        {
            var d = data[k];
            var factor = d.Kind == PsdDataKind.LowRank ? d : d.LowRankShadow;
            if (factor is not null)
            {
                for (int l = 0; l < factor.Rank; l++)
                {
                    vectors.Add((k, factor.Weights[l], factor.Vectors.AsSpan(l * n, n).ToArray()));
                }
            }
            else if (!d.HasDiagonalEntriesOnly())
            {
                return null;
            }
        }
        // Worth it only with few vectors: each costs two matrix-vector products per iteration.
        return vectors.Count <= Math.Max(4, n / 8) ? new DiagonalPlusLowRank(n, data, vectors) : null;
    }

    /// <summary>X u_l and W u_l for the iteration (X, W = Z⁻¹ symmetric).</summary>
    public void Prepare(ReadOnlySpan<double> x, ReadOnlySpan<double> w)
    {
        int n = _n;
        for (int l = 0; l < _vectorRow.Length; l++)
        {
            ReadOnlySpan<double> u = _vectors.AsSpan(l * n, n);
            MatVec(x, u, _xu.AsSpan(l * n, n));
            MatVec(w, u, _wu.AsSpan(l * n, n));
        }
    }

    /// <summary>result ← B (Σ_i y_i A_i) W (not symmetrised), with <paramref name="bIsX"/> when B is the
    /// iterate's X (whose X u_l are prepared); <paramref name="scratch"/> n×n.</summary>
    public void Product(ReadOnlySpan<double> b, bool bIsX, ReadOnlySpan<double> y, ReadOnlySpan<double> w, Span<double> result,
                        Span<double> scratch, IDenseKernels kernels)
    {
        int n = _n;
        // D = Σ y_i diag(A_i) over the diagonal rows.
        Array.Clear(_d);
        for (int k = 0; k < _data.Length; k++)
        {
            var d = _data[k];
            double yi = y[d.Row];
            if (yi == 0 || d.Kind == PsdDataKind.LowRank || d.LowRankShadow is not null)
            {
                continue;
            }
            for (int e = 0; e < d.V.Length; e++)
            {
                _d[d.P[e]] += yi * d.V[e];
            }
        }
        // (B D) W: B's columns scaled, one product.
        for (int p = 0; p < n; p++)
        {
            var bp = b.Slice(p * n, n);
            var sp = scratch.Slice(p * n, n);
            for (int q = 0; q < n; q++)
            {
                sp[q] = bp[q] * _d[q];
            }
        }
        kernels.Gemm(n, n, n, 1.0, scratch, w, 0.0, result);
        // + Σ c_l (B u_l)(W u_l)ᵀ.
        for (int l = 0; l < _vectorRow.Length; l++)
        {
            double c = y[_data[_vectorRow[l]].Row] * _vectorWeight[l];
            if (c == 0)
            {
                continue;
            }
            ReadOnlySpan<double> bu;
            if (bIsX)
            {
                bu = _xu.AsSpan(l * n, n);
            }
            else
            {
                MatVec(b, _vectors.AsSpan(l * n, n), _bu);
                bu = _bu;
            }
            ReadOnlySpan<double> wu = _wu.AsSpan(l * n, n);
            for (int p = 0; p < n; p++)
            {
                if (bu[p] != 0)
                {
                    ManagedKernels.Axpy(c * bu[p], wu, result.Slice(p * n, n));
                }
            }
        }
    }

    private static void MatVec(ReadOnlySpan<double> a, ReadOnlySpan<double> v, Span<double> result)
    {
        int n = v.Length;
        for (int p = 0; p < n; p++)
        {
            result[p] = ManagedKernels.Dot(a.Slice(p * n, n), v);
        }
    }
}
