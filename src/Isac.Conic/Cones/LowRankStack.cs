using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Cones;

/// <summary>
/// The vectors of every low-rank row of one PSD block stacked as the rows of Uᵀ (R × n), so that the
/// operations over all of them are matrix products: A(V) on those rows from Uᵀ V, Aᵀy from U diag(c) Uᵀ,
/// X u and Z⁻¹ u for all u at once (Uᵀ X, Uᵀ Z⁻¹), and the direction's Σ c (X u)(Z⁻¹u)ᵀ.
/// </summary>
/// <remarks>
/// Paper A's relaxations have ~100 rank-two data per block (|hᴴw|² terms through the real embedding):
/// one R×n×n product instead of R quadratic forms or outer products of n² each, the same flops at
/// the speed of a GEMM (these per-vector loops were about a third of the solve time before).
/// Vectors that are mostly zero (low-rank data recognised on a small support in an SDPA file) are
/// better served by the per-vector loops that skip zeros, so the stack is used only when the
/// vectors are dense (more than half of their entries nonzero).
/// </remarks>
internal sealed class LowRankStack
{
    private readonly int _n;
    private readonly double[] _ut;
    private readonly double[] _u;
    private readonly double[] _t;
    private readonly double[] _s;
    private readonly int[] _vectorRow;
    private readonly double[] _vectorWeight;

    private LowRankStack(int n, PsdRowData[] data, int count)
    {
        _n = n;
        Count = count;
        _ut = new double[count * n];
        _u = new double[n * count];
        _t = new double[count * n];
        _s = new double[count * n];
        _vectorRow = new int[count];
        _vectorWeight = new double[count];
        Start = new int[data.Length];
        int r = 0;
        for (int k = 0; k < data.Length; k++)
        {
            Start[k] = -1;
            if (data[k].Kind != PsdDataKind.LowRank)
            {
                continue;
            }
            Start[k] = r;
            for (int l = 0; l < data[k].Rank; l++, r++)
            {
                data[k].Vectors.AsSpan(l * n, n).CopyTo(_ut.AsSpan(r * n, n));
                _vectorRow[r] = data[k].Row;
                _vectorWeight[r] = data[k].Weights[l];
                for (int p = 0; p < n; p++)
                {
                    _u[p * count + r] = _ut[r * n + p];
                }
            }
        }
        XU = new double[count * n];
        WU = new double[count * n];
    }

    /// <summary>R, the number of stacked vectors.</summary>
    public int Count { get; }

    /// <summary>For each data row of the block, the index of its first vector (−1 if not low rank).</summary>
    public int[] Start { get; }

    /// <summary>Row r is (X u_r)ᵀ after <see cref="Prepare"/>.</summary>
    public double[] XU { get; }

    /// <summary>Row r is (Z⁻¹ u_r)ᵀ after <see cref="Prepare"/>.</summary>
    public double[] WU { get; }

    /// <summary>Whether the block's low-rank vectors are dense enough for the batched products.</summary>
    public bool Batched { get; private init; }

    /// <summary>The stack of a block's low-rank data (null if it has none).</summary>
    public static LowRankStack? Create(int n, PsdRowData[] data)
    {
        int count = 0;
        long nonzeros = 0;
        foreach (var d in data)
        {
            if (d.Kind == PsdDataKind.LowRank)
            {
                count += d.Rank;
                foreach (double v in d.Vectors)
                {
                    nonzeros += v != 0 ? 1 : 0;
                }
            }
        }
        return count == 0 ? null : new LowRankStack(n, data, count) { Batched = 2 * nonzeros > (long)count * n };
    }

    /// <summary>XU ← Uᵀ X, WU ← Uᵀ Z⁻¹ (rows (X u)ᵀ, (Z⁻¹u)ᵀ since X and Z⁻¹ are symmetric).</summary>
    public void Prepare(double[] x, double[] w, IDenseKernels kernels)
    {
        kernels.Gemm(Count, _n, _n, 1.0, _ut, x, 0.0, XU);
        kernels.Gemm(Count, _n, _n, 1.0, _ut, w, 0.0, WU);
    }

    /// <summary>result[row] += Σ_r w_r u_rᵀ V u_r over the stacked vectors.</summary>
    public void ApplyA(ReadOnlySpan<double> v, Span<double> result, IDenseKernels kernels)
    {
        int n = _n;
        kernels.Gemm(Count, n, n, 1.0, _ut, v, 0.0, _t);
        for (int r = 0; r < Count; r++)
        {
            result[_vectorRow[r]] += _vectorWeight[r] * ManagedKernels.Dot(_t.AsSpan(r * n, n), _ut.AsSpan(r * n, n));
        }
    }

    /// <summary>dest += Σ_r c_r u_r u_rᵀ with c_r = y[row] w_r (one product U·(diag(c) Uᵀ)).</summary>
    public void AddAdjoint(ReadOnlySpan<double> y, Span<double> dest, IDenseKernels kernels)
    {
        if (!Scale(y, _ut))
        {
            return;
        }
        kernels.Gemm(_n, _n, Count, 1.0, _u, _s, 1.0, dest);
    }

    /// <summary>result += Σ_r c_r (X u_r)(Z⁻¹u_r)ᵀ with c_r = y[row] w_r (not symmetrised).</summary>
    public void AddScaledProducts(ReadOnlySpan<double> y, Span<double> result, IDenseKernels kernels)
    {
        int n = _n, count = Count;
        if (!Scale(y, WU))
        {
            return;
        }
        // (X U) as n×R: the transpose of XU's rows.
        for (int r = 0; r < count; r++)
        {
            for (int p = 0; p < n; p++)
            {
                _t[p * count + r] = XU[r * n + p];
            }
        }
        kernels.Gemm(n, n, count, 1.0, _t, _s, 1.0, result);
    }

    /// <summary>_s ← rows c_r·source_r with c_r = y[row] w_r; false if every c_r is 0.</summary>
    private bool Scale(ReadOnlySpan<double> y, double[] source)
    {
        int n = _n;
        bool any = false;
        for (int r = 0; r < Count; r++)
        {
            double c = y[_vectorRow[r]] * _vectorWeight[r];
            var target = _s.AsSpan(r * n, n);
            if (c == 0)
            {
                target.Clear();
                continue;
            }
            any = true;
            var s = source.AsSpan(r * n, n);
            for (int p = 0; p < n; p++)
            {
                target[p] = c * s[p];
            }
        }
        return any;
    }
}
