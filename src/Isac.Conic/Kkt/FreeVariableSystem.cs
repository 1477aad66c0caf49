using Isac.Conic.Cones;
using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Kkt;

/// <summary>
/// Free variables in the Newton system, handled exactly through an augmented (bordered) Schur system
/// instead of splitting them into two nonnegative halves.
/// </summary>
/// <remarks>
/// <para>With the free columns F = A_fᵀ (n_f × m: row k is the data of free variable k over the rows),
/// the Newton equations are M Δy − Fᵀ Δx_f = g (primal feasibility, g the usual Schur right-hand
/// side) and F Δy = h (the dual equality F y = c_f, h = c_f − F y). Adding θ Fᵀ(F Δy − h) = 0 to the
/// first equation changes nothing in the solution but makes M̃ = M + θ FᵀF positive definite even when
/// some rows are reached by free variables only:</para>
/// <code>
/// M̃ Δy − Fᵀ Δx_f = g + θ Fᵀ h,   F Δy = h
/// u = M̃⁻¹(g + θ Fᵀ h),  S = F M̃⁻¹ Fᵀ,  S Δx_f = h − F u,  Δy = u + M̃⁻¹ Fᵀ Δx_f
/// </code>
/// <para>This costs n_f solves with the Cholesky factor of M̃ and an n_f×n_f Cholesky per iteration.
/// By Woodbury, S = S₀(I + θS₀)⁻¹ with S₀ = F M⁻¹ Fᵀ, so S's eigenvalues stay below 1/θ even as M
/// becomes singular. θ = max_i M_ii / max_k ‖F_k‖² puts the added term on M's scale. A free variable
/// in no row has a zero row in F; its Δx_f is h_k (0 when its cost is 0; a nonzero cost makes the
/// problem unbounded, which the solver reports before iterating).</para>
/// </remarks>
internal sealed class FreeVariableSystem
{
    private readonly int _m;
    private readonly int _count;
    private readonly int[][] _rowsOf;
    private readonly double[][] _valuesOf;
    private readonly double[] _v;
    private readonly double[] _s;
    private readonly double[] _work;
    private readonly double[] _residual;
    private double _theta;

    private FreeVariableSystem(int m, FreeBlock[] blocks, int[] offsets, int count)
    {
        _m = m;
        Blocks = blocks;
        Offsets = offsets;
        _count = count;
        var rows = new List<int>[count];
        var values = new List<double>[count];
        for (int k = 0; k < count; k++)
        {
            rows[k] = [];
            values[k] = [];
        }
        for (int b = 0; b < blocks.Length; b++)
        {
            foreach (var d in blocks[b].Data)
            {
                for (int e = 0; e < d.Index.Length; e++)
                {
                    rows[offsets[b] + d.Index[e]].Add(d.Row);
                    values[offsets[b] + d.Index[e]].Add(d.Value[e]);
                }
            }
        }
        _rowsOf = new int[count][];
        _valuesOf = new double[count][];
        for (int k = 0; k < count; k++)
        {
            _rowsOf[k] = rows[k].ToArray();
            _valuesOf[k] = values[k].ToArray();
        }
        _v = new double[count * m];
        _s = new double[count * count];
        _work = new double[m];
        _residual = new double[count];
    }

    /// <summary>The free blocks, in model order.</summary>
    public FreeBlock[] Blocks { get; }

    /// <summary>Where each block's variables start in the stacked vector x_f.</summary>
    public int[] Offsets { get; }

    /// <summary>n_f, the number of free variables.</summary>
    public int Count => _count;

    /// <summary>The system for the model's free blocks, or null when there are none.</summary>
    public static FreeVariableSystem? Create(ConeBlock[] blocks, int m)
    {
        var free = new List<FreeBlock>();
        var offsets = new List<int>();
        int count = 0;
        foreach (var b in blocks)
        {
            if (b is FreeBlock f)
            {
                free.Add(f);
                offsets.Add(count);
                count += f.Size;
            }
        }
        return free.Count == 0 ? null : new FreeVariableSystem(m, free.ToArray(), offsets.ToArray(), count);
    }

    /// <summary>Whether free variable k appears in no row.</summary>
    public bool IsEmpty(int k) => _rowsOf[k].Length == 0;

    /// <summary>M ← M + θ FᵀF (both triangles), θ on the scale of M's diagonal.</summary>
    public void AddToSchur(double[] matrix)
    {
        int m = _m;
        double maxDiag = 0, maxNorm = 0;
        for (int i = 0; i < m; i++)
        {
            maxDiag = Math.Max(maxDiag, matrix[i * m + i]);
        }
        for (int k = 0; k < _count; k++)
        {
            maxNorm = Math.Max(maxNorm, ArrayMath.SumSquares(_valuesOf[k]));
        }
        if (maxNorm == 0)
        {
            _theta = 0;
            return;
        }
        _theta = (maxDiag > 0 && double.IsFinite(maxDiag) ? maxDiag : 1.0) / maxNorm;
        for (int k = 0; k < _count; k++)
        {
            int[] rows = _rowsOf[k];
            double[] vals = _valuesOf[k];
            for (int a = 0; a < rows.Length; a++)
            {
                double va = _theta * vals[a];
                int ra = rows[a] * m;
                for (int b = 0; b < rows.Length; b++)
                {
                    matrix[ra + rows[b]] += va * vals[b];
                }
            }
        }
    }

    /// <summary>V = M̃⁻¹Fᵀ and the Cholesky factor of S = F V (with a growing diagonal shift if needed).</summary>
    public bool Factor(SchurComplement schur, IDenseKernels kernels)
    {
        int m = _m, n = _count;
        for (int k = 0; k < n; k++)
        {
            Array.Clear(_work);
            Scatter(k, 1.0, _work);
            schur.Solve(_work, _v.AsSpan(k * m, m));
        }
        double maxDiag = 0;
        for (int k = 0; k < n; k++)
        {
            for (int l = 0; l <= k; l++)
            {
                double s = Gather(l, _v.AsSpan(k * m, m));
                _s[k * n + l] = s;
                _s[l * n + k] = s;
            }
            maxDiag = Math.Max(maxDiag, _s[k * n + k]);
        }
        for (int k = 0; k < n; k++)
        {
            if (IsEmpty(k))
            {
                _s[k * n + k] = 1;
            }
        }
        var copy = (double[])_s.Clone();
        double shift = 0;
        for (int attempt = 0; attempt < 8; attempt++)
        {
            if (kernels.Cholesky(_s, n))
            {
                return true;
            }
            shift = shift == 0 ? 1e-14 * Math.Max(maxDiag, 1e-300) : shift * 100;
            copy.CopyTo(_s, 0);
            for (int k = 0; k < n; k++)
            {
                _s[k * n + k] += shift;
            }
        }
        return false;
    }

    /// <summary>
    /// Solves M Δy − Fᵀ Δx_f = g, F Δy = h for (Δy, Δx_f) with the factors of <see cref="Factor"/>.
    /// </summary>
    public void Solve(SchurComplement schur, ReadOnlySpan<double> g, ReadOnlySpan<double> h, Span<double> dy, Span<double> dxf, IDenseKernels kernels)
    {
        int m = _m, n = _count;
        g.CopyTo(_work);
        for (int k = 0; k < n; k++)
        {
            Scatter(k, _theta * h[k], _work);
        }
        schur.Solve(_work, dy);
        for (int k = 0; k < n; k++)
        {
            _residual[k] = h[k] - Gather(k, dy);
        }
        _residual.CopyTo(dxf);
        kernels.CholeskySolve(_s, n, dxf);
        for (int k = 0; k < n; k++)
        {
            if (dxf[k] != 0)
            {
                ManagedKernels.Axpy(dxf[k], _v.AsSpan(k * m, m), dy);
            }
        }
    }

    /// <summary>result_k ← F_k · v for every free variable k (A_fᵀ v).</summary>
    public void ApplyTranspose(ReadOnlySpan<double> v, Span<double> result)
    {
        for (int k = 0; k < _count; k++)
        {
            result[k] = Gather(k, v);
        }
    }

    private void Scatter(int k, double alpha, Span<double> dest)
    {
        int[] rows = _rowsOf[k];
        double[] vals = _valuesOf[k];
        for (int a = 0; a < rows.Length; a++)
        {
            dest[rows[a]] += alpha * vals[a];
        }
    }

    private double Gather(int k, ReadOnlySpan<double> v)
    {
        int[] rows = _rowsOf[k];
        double[] vals = _valuesOf[k];
        double s = 0;
        for (int a = 0; a < rows.Length; a++)
        {
            s += vals[a] * v[rows[a]];
        }
        return s;
    }
}
