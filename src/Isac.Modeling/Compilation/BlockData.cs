using Isac.Conic.Problem;
using Isac.Core.Numerics;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Compilation;

/// <summary>
/// The coefficient of a PSD variable's block in one row (or the objective), from the row's
/// coefficients c_k on the variable's real scalars x_k, chosen sparse, low-rank or dense.
/// </summary>
/// <remarks>
/// <para>A Hermitian n×n variable W is the projection of a real 2n×2n block Y ⪰ 0:
/// W = (Y₁₁ + Y₂₂)/2 + i(Y₂₁ − Y₁₂)/2, which maps the PSD cone onto the Hermitian PSD cone (the
/// embedding [[Re W, −Im W], [Im W, Re W]] is one preimage), so no equality rows tie Y's halves.
/// With H the Hermitian matrix for which Σ_k c_k x_k = Re tr(H W), the block's coefficient is
/// M = ½·[[Re H, −Im H], [Im H, Re H]], since ⟨M, Y⟩ = Re tr(H W).</para>
/// <para>H = Σ_k d_k z_k z_kᴴ of low rank (|hᴴw|² gives h hᴴ) becomes the real low-rank
/// M = Σ_k (d_k/2)(u_k u_kᵀ + v_k v_kᵀ) with u = (Re z, Im z), v = (−Im z, Re z): rank two per
/// complex term, which the solver's Schur complement uses.</para>
/// </remarks>
internal static class BlockData
{
    /// <summary>The coefficient for a Hermitian variable of order n; <paramref name="lowRank"/> says if the low-rank form was chosen.</summary>
    public static BlockMatrix Hermitian(int n, ReadOnlySpan<int> local, ReadOnlySpan<double> values, out bool lowRank)
    {
        lowRank = false;
        var entries = MatrixLayouts.HermitianEntries(n);
        if (local.Length > 2 * n)
        {
            var h = new Complex[n * n];
            for (int k = 0; k < local.Length; k++)
            {
                var (i, j, part) = entries[local[k]];
                double c = values[k];
                if (i == j)
                {
                    h[i * n + i] += c;
                }
                else
                {
                    Complex z = part == 0 ? new Complex(c / 2, 0) : new Complex(0, c / 2);
                    h[i * n + j] += z;
                    h[j * n + i] += Complex.Conjugate(z);
                }
            }
            var dense = (Complex[])h.Clone();
            var factors = LowRankFactorization.TryFactor(h, n, Math.Max(2, n / 4));
            if (factors is { } f)
            {
                lowRank = true;
                return EmbedLowRank(n, f.Weights, f.Vectors);
            }
            if (local.Length > n * n / 4)
            {
                return EmbedDense(n, dense);
            }
        }
        var rows = new List<int>();
        var cols = new List<int>();
        var vals = new List<double>();
        for (int k = 0; k < local.Length; k++)
        {
            var (i, j, part) = entries[local[k]];
            double c = values[k];
            if (i == j)
            {
                Add(rows, cols, vals, i, i, c / 2);
                Add(rows, cols, vals, n + i, n + i, c / 2);
            }
            else if (part == 0)
            {
                Add(rows, cols, vals, i, j, c / 4);
                Add(rows, cols, vals, n + i, n + j, c / 4);
            }
            else
            {
                Add(rows, cols, vals, j, n + i, c / 4);
                Add(rows, cols, vals, i, n + j, -c / 4);
            }
        }
        return new SparseBlockMatrix(rows.ToArray(), cols.ToArray(), vals.ToArray());
    }

    /// <summary>The coefficient for a real symmetric variable of order n: S with ⟨S, X⟩ = Σ_k c_k x_k.</summary>
    public static BlockMatrix Symmetric(int n, ReadOnlySpan<int> local, ReadOnlySpan<double> values, out bool lowRank)
    {
        lowRank = false;
        var entries = MatrixLayouts.SymmetricEntries(n);
        if (local.Length > n)
        {
            var s = new Complex[n * n];
            for (int k = 0; k < local.Length; k++)
            {
                var (i, j) = entries[local[k]];
                double v = i == j ? values[k] : values[k] / 2;
                s[i * n + j] += v;
                if (i != j)
                {
                    s[j * n + i] += v;
                }
            }
            var dense = s.Select(z => z.Real).ToArray();
            var factors = LowRankFactorization.TryFactor(s, n, Math.Max(2, n / 4));
            if (factors is { } f)
            {
                lowRank = true;
                return new LowRankBlockMatrix(f.Weights, f.Vectors.Select(z => z.Select(c => c.Real).ToArray()).ToArray());
            }
            if (local.Length > n * n / 8)
            {
                return new DenseBlockMatrix(dense);
            }
        }
        var rows = new int[local.Length];
        var cols = new int[local.Length];
        var vals = new double[local.Length];
        for (int k = 0; k < local.Length; k++)
        {
            var (i, j) = entries[local[k]];
            rows[k] = i;
            cols[k] = j;
            vals[k] = i == j ? values[k] : values[k] / 2;
        }
        return new SparseBlockMatrix(rows, cols, vals);
    }

    private static LowRankBlockMatrix EmbedLowRank(int n, double[] weights, Complex[][] vectors)
    {
        var w = new double[2 * weights.Length];
        var u = new double[2 * weights.Length][];
        for (int k = 0; k < weights.Length; k++)
        {
            var z = vectors[k];
            var a = new double[2 * n];
            var b = new double[2 * n];
            for (int i = 0; i < n; i++)
            {
                a[i] = z[i].Real;
                a[n + i] = z[i].Imaginary;
                b[i] = -z[i].Imaginary;
                b[n + i] = z[i].Real;
            }
            w[2 * k] = w[2 * k + 1] = weights[k] / 2;
            u[2 * k] = a;
            u[2 * k + 1] = b;
        }
        return new LowRankBlockMatrix(w, u);
    }

    private static DenseBlockMatrix EmbedDense(int n, Complex[] h)
    {
        int m = 2 * n;
        var v = new double[m * m];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Complex z = h[i * n + j] / 2;
                v[i * m + j] = z.Real;
                v[(n + i) * m + n + j] = z.Real;
                v[(n + i) * m + j] = z.Imaginary;
                v[i * m + n + j] = -z.Imaginary;
            }
        }
        return new DenseBlockMatrix(v);
    }

    private static void Add(List<int> rows, List<int> cols, List<double> vals, int i, int j, double v)
    {
        rows.Add(Math.Min(i, j));
        cols.Add(Math.Max(i, j));
        vals.Add(v);
    }
}
