using Complex = System.Numerics.Complex;

namespace Isac.Network.Numerics;

/// <summary>
/// In-place Cholesky factorisation M = L·Lᴴ of a Hermitian positive definite N×N matrix stored
/// row-major, and solves with the factor. Allocation-free; used N³/6 times per dual step of the
/// beamformers, where a general library call would cost more than the arithmetic.
/// </summary>
public static class HermitianCholesky
{
    /// <summary>
    /// Overwrites the lower triangle of <paramref name="m"/> with L (the strict upper triangle is
    /// left untouched). Returns false when a pivot is not positive (M not positive definite).
    /// </summary>
    public static bool Factor(Span<Complex> m, int n)
    {
        for (int j = 0; j < n; j++)
        {
            double d = m[j * n + j].Real;
            var rowJ = m.Slice(j * n, j);
            for (int k = 0; k < j; k++) d -= rowJ[k].Real * rowJ[k].Real + rowJ[k].Imaginary * rowJ[k].Imaginary;
            if (!(d > 0) || !double.IsFinite(d)) return false;
            double ljj = Math.Sqrt(d);
            m[j * n + j] = new Complex(ljj, 0);
            double inv = 1.0 / ljj;
            for (int i = j + 1; i < n; i++)
            {
                var rowI = m.Slice(i * n, j);
                double re = m[i * n + j].Real, im = m[i * n + j].Imaginary;
                for (int k = 0; k < j; k++)
                {
                    // s -= L[i,k]·conj(L[j,k])
                    double ar = rowI[k].Real, ai = rowI[k].Imaginary, br = rowJ[k].Real, bi = rowJ[k].Imaginary;
                    re -= ar * br + ai * bi;
                    im -= ai * br - ar * bi;
                }
                m[i * n + j] = new Complex(re * inv, im * inv);
            }
        }
        return true;
    }

    /// <summary>Solves L·Lᴴ·x = b in place (b is overwritten by x), with L from <see cref="Factor"/>.</summary>
    public static void Solve(ReadOnlySpan<Complex> l, int n, Span<Complex> b)
    {
        // Forward: L y = b.
        for (int i = 0; i < n; i++)
        {
            var row = l.Slice(i * n, i);
            double re = b[i].Real, im = b[i].Imaginary;
            for (int k = 0; k < i; k++)
            {
                double ar = row[k].Real, ai = row[k].Imaginary, br = b[k].Real, bi = b[k].Imaginary;
                re -= ar * br - ai * bi;
                im -= ar * bi + ai * br;
            }
            double d = l[i * n + i].Real;
            b[i] = new Complex(re / d, im / d);
        }
        // Backward: Lᴴ x = y.
        for (int i = n - 1; i >= 0; i--)
        {
            double re = b[i].Real, im = b[i].Imaginary;
            for (int k = i + 1; k < n; k++)
            {
                // (Lᴴ)[i,k] = conj(L[k,i])
                var lk = l[k * n + i];
                double ar = lk.Real, ai = -lk.Imaginary, br = b[k].Real, bi = b[k].Imaginary;
                re -= ar * br - ai * bi;
                im -= ar * bi + ai * br;
            }
            double d = l[i * n + i].Real;
            b[i] = new Complex(re / d, im / d);
        }
    }
}
