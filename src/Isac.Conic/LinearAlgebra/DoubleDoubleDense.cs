namespace Isac.Conic.LinearAlgebra;

/// <summary>Dense kernels in double-double (row-major n×n, "L" a lower Cholesky factor): what the
/// extended-precision run needs, written for clarity, not speed (its problems have orders below ~40).</summary>
internal static class DoubleDoubleDense
{
    /// <summary>C = A B (n×n).</summary>
    public static void Multiply(DoubleDouble[] a, DoubleDouble[] b, DoubleDouble[] c, int n)
    {
        var row = new DoubleDouble[n];
        for (int i = 0; i < n; i++)
        {
            Array.Clear(row);
            for (int k = 0; k < n; k++)
            {
                var aik = a[i * n + k];
                if (aik.Hi == 0)
                {
                    continue;
                }
                for (int j = 0; j < n; j++)
                {
                    row[j] += aik * b[k * n + j];
                }
            }
            Array.Copy(row, 0, c, i * n, n);
        }
    }

    /// <summary>S = (P + Pᵀ)/2 in place.</summary>
    public static void Symmetrize(DoubleDouble[] p, int n)
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                var s = (p[i * n + j] + p[j * n + i]) * 0.5;
                p[i * n + j] = s;
                p[j * n + i] = s;
            }
        }
    }

    /// <summary>The lower Cholesky factor of the symmetric A into L (strict upper triangle zero); false if A is not
    /// positive definite.</summary>
    public static bool Cholesky(DoubleDouble[] a, DoubleDouble[] l, int n)
    {
        Array.Clear(l);
        for (int j = 0; j < n; j++)
        {
            var d = a[j * n + j];
            for (int k = 0; k < j; k++)
            {
                d -= l[j * n + k] * l[j * n + k];
            }
            if (!(d.Hi > 0) || !d.IsFinite)
            {
                return false;
            }
            var djj = DoubleDouble.Sqrt(d);
            l[j * n + j] = djj;
            for (int i = j + 1; i < n; i++)
            {
                var s = a[i * n + j];
                for (int k = 0; k < j; k++)
                {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = s / djj;
            }
        }
        return true;
    }

    /// <summary>Solves L Lᵀ x = b in place.</summary>
    public static void CholeskySolve(DoubleDouble[] l, int n, DoubleDouble[] b)
    {
        for (int i = 0; i < n; i++)
        {
            var s = b[i];
            for (int k = 0; k < i; k++)
            {
                s -= l[i * n + k] * b[k];
            }
            b[i] = s / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            var s = b[i];
            for (int k = i + 1; k < n; k++)
            {
                s -= l[k * n + i] * b[k];
            }
            b[i] = s / l[i * n + i];
        }
    }

    /// <summary>A⁻¹ = L⁻ᵀ L⁻¹ from the factor (column by column).</summary>
    public static void CholeskyInverse(DoubleDouble[] l, int n, DoubleDouble[] inverse)
    {
        var col = new DoubleDouble[n];
        for (int j = 0; j < n; j++)
        {
            Array.Clear(col);
            col[j] = 1;
            CholeskySolve(l, n, col);
            for (int i = 0; i < n; i++)
            {
                inverse[i * n + j] = col[i];
            }
        }
        Symmetrize(inverse, n);
    }

    /// <summary>S = L⁻¹ A L⁻ᵀ (A symmetric), rounded to double: for step lengths, which need a few digits.</summary>
    public static double[] Sandwich(DoubleDouble[] l, DoubleDouble[] a, int n)
    {
        // T = L⁻¹ A (forward substitution on each column), then S = L⁻¹ Tᵀ (T Lᵀ⁻¹ = (L⁻¹ Tᵀ)ᵀ, and S is symmetric).
        var t = (DoubleDouble[])a.Clone();
        ForwardColumns(l, t, n);
        var tt = new DoubleDouble[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                tt[i * n + j] = t[j * n + i];
            }
        }
        ForwardColumns(l, tt, n);
        var s = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                s[i * n + j] = 0.5 * ((double)tt[i * n + j] + (double)tt[j * n + i]);
            }
        }
        return s;
    }

    /// <summary>B := L⁻¹ B for every column of B.</summary>
    private static void ForwardColumns(DoubleDouble[] l, DoubleDouble[] b, int n)
    {
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < i; k++)
            {
                var lik = l[i * n + k];
                if (lik.Hi == 0)
                {
                    continue;
                }
                for (int j = 0; j < n; j++)
                {
                    b[i * n + j] -= lik * b[k * n + j];
                }
            }
            var d = l[i * n + i];
            for (int j = 0; j < n; j++)
            {
                b[i * n + j] /= d;
            }
        }
    }

    /// <summary>Σ_k a_k b_k.</summary>
    public static DoubleDouble Dot(DoubleDouble[] a, DoubleDouble[] b)
    {
        DoubleDouble s = 0;
        for (int k = 0; k < a.Length; k++)
        {
            s += a[k] * b[k];
        }
        return s;
    }
}
