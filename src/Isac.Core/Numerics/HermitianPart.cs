using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Core.Numerics;

/// <summary>
/// The Hermitian part (M + Mᴴ)/2 of a square complex matrix: what a solver's or a sum's rounding
/// leaves of a matrix that should be Hermitian, made exactly Hermitian before an eigen-decomposition
/// or a Cholesky factorisation. The one copy for every layer (Modeling, Physics, Precoding, Network).
/// </summary>
public static class HermitianPart
{
    /// <summary>
    /// (M + Mᴴ)/2 for the n×n <paramref name="m"/>, in one pass over the lower triangle:
    /// R_ij = (M_ij + conj(M_ji))/2 and R_ji = conj(R_ij), so the diagonal is real and R = Rᴴ to the bit.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix is not square.</exception>
    public static Matrix<Complex> Of(Matrix<Complex> m)
    {
        int n = m.RowCount;
        if (m.ColumnCount != n) throw new ArgumentException($"the Hermitian part needs a square matrix, got {m.RowCount}×{m.ColumnCount}", nameof(m));
        // Column-major copy of M (one allocation for dense input, which is what every caller has).
        var a = m.AsColumnMajorArray() ?? m.ToColumnMajorArray();
        var r = new Complex[n * n];
        for (int j = 0; j < n; j++)
        {
            r[j * n + j] = new Complex(a[j * n + j].Real, 0);
            for (int i = j + 1; i < n; i++)
            {
                // Entry (i, j) sits at j·n + i in column-major storage.
                Complex lower = a[j * n + i], upper = a[i * n + j];
                var h = new Complex(0.5 * (lower.Real + upper.Real), 0.5 * (lower.Imaginary - upper.Imaginary));
                r[j * n + i] = h;
                r[i * n + j] = Complex.Conjugate(h);
            }
        }
        return Matrix<Complex>.Build.Dense(n, n, r);
    }
}
