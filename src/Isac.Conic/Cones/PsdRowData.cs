namespace Isac.Conic.Cones;

/// <summary>How one constraint matrix A_i is stored on one PSD block, chosen for the Schur complement.</summary>
internal enum PsdDataKind
{
    Sparse,
    Dense,
    LowRank,
}

/// <summary>
/// A_i on one PSD block of order n: sparse entries (upper triangle, and the same expanded to both
/// triangles for the Fujisawa–Kojima–Nakata F3 formula), a dense n×n array, or low-rank factors
/// A_i = Σ_k d_k u_k u_kᵀ.
/// </summary>
internal sealed class PsdRowData
{
    public required int Row { get; init; }
    public required PsdDataKind Kind { get; init; }

    // Sparse: upper-triangle entries.
    public int[] P { get; init; } = [];
    public int[] Q { get; init; } = [];
    public double[] V { get; init; } = [];

    // Sparse, expanded to both triangles: A[FullP[e], FullQ[e]] = FullV[e].
    public int[] FullP { get; init; } = [];
    public int[] FullQ { get; init; } = [];
    public double[] FullV { get; init; } = [];

    /// <summary>For each expanded entry, the position of its row in <see cref="NonzeroRows"/>.</summary>
    public int[] FullPLocal { get; init; } = [];

    /// <summary>Distinct row indices of the expanded entries (the rows of A_i that are not zero).</summary>
    public int[] NonzeroRows { get; init; } = [];

    // Dense: n×n row-major.
    public double[] Dense { get; init; } = [];

    // Low rank: weights and vectors (Rank × n, row-major).
    public double[] Weights { get; init; } = [];
    public double[] Vectors { get; init; } = [];

    public int Rank => Weights.Length;

    /// <summary>For sparse data that is also of low rank (gpp's all-ones row e eᵀ), that factorisation: kept
    /// beside the entries, which the Schur complement and A(·) use (its (uᵀXu)(uᵀZ⁻¹u) entries would lose
    /// digits), for the products X A_i Z⁻¹ = Σ d (X u)(Z⁻¹u)ᵀ of the direction, n² instead of 4n³.</summary>
    public PsdRowData? LowRankShadow { get; set; }

    /// <summary>Sparse data with diagonal entries only (a selector or a weighted trace).</summary>
    public bool HasDiagonalEntriesOnly()
    {
        if (Kind != PsdDataKind.Sparse)
        {
            return false;
        }
        for (int e = 0; e < P.Length; e++)
        {
            if (P[e] != Q[e])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Number of nonzeros of the full matrix (both triangles), n² for dense.</summary>
    public int FullCount(int n) => Kind switch
    {
        PsdDataKind.Sparse => FullV.Length,
        PsdDataKind.Dense => n * n,
        _ => Rank * n * n,
    };

    /// <summary>Builds sparse data from summed upper-triangle entries.</summary>
    public static PsdRowData FromSparse(int row, int[] p, int[] q, double[] v)
    {
        int count = 0;
        for (int e = 0; e < v.Length; e++)
        {
            count += p[e] == q[e] ? 1 : 2;
        }
        var fp = new int[count];
        var fq = new int[count];
        var fv = new double[count];
        int k = 0;
        var seen = new HashSet<int>();
        for (int e = 0; e < v.Length; e++)
        {
            fp[k] = p[e];
            fq[k] = q[e];
            fv[k++] = v[e];
            seen.Add(p[e]);
            if (p[e] != q[e])
            {
                fp[k] = q[e];
                fq[k] = p[e];
                fv[k++] = v[e];
                seen.Add(q[e]);
            }
        }
        int[] nonzeroRows = Sorted(seen);
        // Position of each row in nonzeroRows through a direct map (a million entries on paper A's
        // larger file: binary searches were a few per cent of a whole call).
        var position = new int[nonzeroRows.Length == 0 ? 0 : nonzeroRows[^1] + 1];
        for (int r = 0; r < nonzeroRows.Length; r++)
        {
            position[nonzeroRows[r]] = r;
        }
        var local = new int[count];
        for (int e = 0; e < count; e++)
        {
            local[e] = position[fp[e]];
        }
        return new PsdRowData
        {
            Row = row, Kind = PsdDataKind.Sparse, P = p, Q = q, V = v,
            FullP = fp, FullQ = fq, FullV = fv, NonzeroRows = nonzeroRows, FullPLocal = local,
        };
    }

    /// <summary>‖A_i‖_F²; for low rank Σ_kl d_k d_l (u_k·u_l)².</summary>
    public double FrobeniusNorm2(int n)
    {
        switch (Kind)
        {
            case PsdDataKind.Sparse:
                return LinearAlgebra.ArrayMath.SumSquares(FullV);
            case PsdDataKind.Dense:
                return LinearAlgebra.ManagedKernels.Dot(Dense, Dense);
            default:
            {
                double s = 0;
                for (int k = 0; k < Rank; k++)
                {
                    for (int l = 0; l < Rank; l++)
                    {
                        double uv = LinearAlgebra.ManagedKernels.Dot(Vectors.AsSpan(k * n, n), Vectors.AsSpan(l * n, n));
                        s += Weights[k] * Weights[l] * uv * uv;
                    }
                }
                return s;
            }
        }
    }

    private static int[] Sorted(HashSet<int> set)
    {
        var a = set.ToArray();
        Array.Sort(a);
        return a;
    }

    /// <summary>Whether the low-rank shadow is the cheaper form for A(·) and S + αA_i: dense on a large
    /// support (gpp's e eᵀ: n² scattered entries against rank × n² contiguous ones).</summary>
    private bool UseShadow(int n) => LowRankShadow is { } sh && FullV.Length > 2L * sh.Rank * n;

    /// <summary>⟨A_i, S⟩ for a full symmetric n×n S.</summary>
    public double Dot(ReadOnlySpan<double> s, int n)
    {
        if (UseShadow(n))
        {
            return LowRankShadow!.Dot(s, n);
        }
        switch (Kind)
        {
            case PsdDataKind.Sparse:
            {
                double t = 0;
                for (int e = 0; e < V.Length; e++)
                {
                    int p = P[e], q = Q[e];
                    t += p == q ? V[e] * s[p * n + p] : V[e] * (s[p * n + q] + s[q * n + p]);
                }
                return t;
            }
            case PsdDataKind.Dense:
                return LinearAlgebra.ManagedKernels.Dot(Dense, s.Slice(0, n * n));
            default:
            {
                double t = 0;
                for (int k = 0; k < Rank; k++)
                {
                    t += Weights[k] * Quadratic(s, Vectors.AsSpan(k * n, n), n);
                }
                return t;
            }
        }
    }

    private int[]? _flatUpper;
    private int _flatOrder;
    private int[]? _flatFull;
    private int _flatFullOrder;

    /// <summary>FullP·n + FullQ, the positions of the expanded entries in a dense n×n array (cached).</summary>
    private int[] FlatFull(int n)
    {
        if (_flatFull is null || _flatFullOrder != n)
        {
            var flat = new int[FullV.Length];
            for (int e = 0; e < flat.Length; e++)
            {
                flat[e] = FullP[e] * n + FullQ[e];
            }
            _flatFull = flat;
            _flatFullOrder = n;
        }
        return _flatFull;
    }

    /// <summary>⟨A_i, S⟩ for S whose upper triangle holds S_pq + S_qp above the diagonal and S_pp on it (a
    /// general S folded once for many rows): Σ_e V_e S[p_e, q_e] over the upper entries of sparse data,
    /// upper-triangle row dots for dense data.</summary>
    public double DotFoldedUpper(ReadOnlySpan<double> s, int n)
    {
        if (Kind == PsdDataKind.Dense)
        {
            double t = 0;
            for (int p = 0; p < n; p++)
            {
                t += LinearAlgebra.ManagedKernels.Dot(Dense.AsSpan(p * n + p, n - p), s.Slice(p * n + p, n - p));
            }
            return t;
        }
        if (_flatUpper is null || _flatOrder != n)
        {
            var flat = new int[P.Length];
            for (int e = 0; e < flat.Length; e++)
            {
                flat[e] = P[e] * n + Q[e];
            }
            _flatUpper = flat;
            _flatOrder = n;
        }
        int[] f = _flatUpper;
        double[] v = V;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int k = 0;
        for (; k + 3 < f.Length; k += 4)
        {
            s0 += v[k] * s[f[k]];
            s1 += v[k + 1] * s[f[k + 1]];
            s2 += v[k + 2] * s[f[k + 2]];
            s3 += v[k + 3] * s[f[k + 3]];
        }
        for (; k < f.Length; k++)
        {
            s0 += v[k] * s[f[k]];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /// <summary>S ← S + α A_i.</summary>
    public void AddTo(Span<double> s, int n, double alpha)
    {
        if (UseShadow(n))
        {
            LowRankShadow!.AddTo(s, n, alpha);
            return;
        }
        switch (Kind)
        {
            case PsdDataKind.Sparse:
            {
                int[] flat = FlatFull(n);
                double[] fv = FullV;
                for (int e = 0; e < flat.Length; e++)
                {
                    s[flat[e]] += alpha * fv[e];
                }
                break;
            }
            case PsdDataKind.Dense:
                LinearAlgebra.ManagedKernels.Axpy(alpha, Dense, s.Slice(0, n * n));
                break;
            default:
                for (int k = 0; k < Rank; k++)
                {
                    ReadOnlySpan<double> u = Vectors.AsSpan(k * n, n);
                    double d = alpha * Weights[k];
                    for (int p = 0; p < n; p++)
                    {
                        if (u[p] != 0)
                        {
                            LinearAlgebra.ManagedKernels.Axpy(d * u[p], u, s.Slice(p * n, n));
                        }
                    }
                }
                break;
        }
    }

    /// <summary>uᵀ S v-style bilinear form aᵀ A_i b (A_i not low rank).</summary>
    public double Bilinear(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int n)
    {
        if (Kind == PsdDataKind.Sparse)
        {
            double t = 0;
            for (int e = 0; e < FullV.Length; e++)
            {
                t += FullV[e] * a[FullP[e]] * b[FullQ[e]];
            }
            return t;
        }
        double s = 0;
        for (int p = 0; p < n; p++)
        {
            if (a[p] != 0)
            {
                s += a[p] * LinearAlgebra.ManagedKernels.Dot(Dense.AsSpan(p * n, n), b);
            }
        }
        return s;
    }

    private static double Quadratic(ReadOnlySpan<double> s, ReadOnlySpan<double> u, int n)
    {
        double t = 0;
        for (int p = 0; p < n; p++)
        {
            if (u[p] != 0)
            {
                t += u[p] * LinearAlgebra.ManagedKernels.Dot(s.Slice(p * n, n), u);
            }
        }
        return t;
    }
}
