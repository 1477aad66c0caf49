using Complex = System.Numerics.Complex;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Isac.Physics.Numerics;

/// <summary>
/// Checks and small helpers for complex Hermitian matrices (transmit covariances, Fisher
/// coefficient matrices).
/// </summary>
public static class HermitianMatrix
{
    /// <summary>The default relative tolerance of <see cref="CheckPositiveSemidefinite"/>.</summary>
    public const double DefaultTolerance = 1e-9;

    /// <summary>
    /// Why <paramref name="m"/> is not a Hermitian positive semidefinite matrix of the expected
    /// size, in one line; null when it is.
    /// </summary>
    /// <remarks>
    /// Hermitian: max |m_ij − conj(m_ji)| ≤ tol·max|m_ij|. Positive semidefinite: the smallest
    /// eigenvalue of the Hermitian part is ≥ −tol·max(λ_max, 0), so rounding in a file written
    /// with a few digits does not count as indefinite.
    /// </remarks>
    public static string? CheckPositiveSemidefinite(Matrix<Complex> m, int? expectedSize = null, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.RowCount != m.ColumnCount)
            return $"expected a square matrix, got {m.RowCount}×{m.ColumnCount}";
        if (expectedSize is int n && m.RowCount != n)
            return $"expected a {n}×{n} matrix, got {m.RowCount}×{m.ColumnCount}";
        double scale = MaxAbs(m);
        var (i, j, dev) = LargestAsymmetry(m);
        if (dev > tolerance * scale)
            return $"not Hermitian: entry [{i}][{j}] is {Format(m[i, j])} but the conjugate of [{j}][{i}] is {Format(Complex.Conjugate(m[j, i]))}";
        if (scale == 0) return null;
        var eigen = Eigenvalues(HermitianPart(m));
        double min = eigen[0], max = eigen[^1];
        if (min < -tolerance * Math.Max(max, 0))
            return $"not positive semidefinite: smallest eigenvalue {min:G6} (largest {max:G6})";
        return null;
    }

    /// <summary>(M + Mᴴ)/2, by <see cref="Isac.Core.Numerics.HermitianPart.Of"/> (the one implementation).</summary>
    public static Matrix<Complex> HermitianPart(Matrix<Complex> m) => Isac.Core.Numerics.HermitianPart.Of(m);

    /// <summary>The eigenvalues of a Hermitian matrix, ascending.</summary>
    public static double[] Eigenvalues(Matrix<Complex> hermitian)
    {
        var evd = hermitian.Evd(Symmetricity.Hermitian);
        var values = evd.EigenValues.Select(z => z.Real).ToArray();
        Array.Sort(values);
        return values;
    }

    /// <summary>tr(A·B) = Σ_ij A_ij B_ji without forming the product.</summary>
    public static Complex TraceOfProduct(Matrix<Complex> a, Matrix<Complex> b)
    {
        if (a.ColumnCount != b.RowCount || a.RowCount != b.ColumnCount)
            throw new ArgumentException($"tr(A·B) needs A n×m and B m×n, got {a.RowCount}×{a.ColumnCount} and {b.RowCount}×{b.ColumnCount}");
        Complex sum = Complex.Zero;
        for (int i = 0; i < a.RowCount; i++)
            for (int j = 0; j < a.ColumnCount; j++)
                sum += a[i, j] * b[j, i];
        return sum;
    }

    /// <summary>The outer product x·yᵀ (no conjugation).</summary>
    public static Matrix<Complex> Outer(Vector<Complex> x, Vector<Complex> y) =>
        Matrix<Complex>.Build.Dense(x.Count, y.Count, (i, j) => x[i] * y[j]);

    /// <summary>xᵀ·y (no conjugation), by the SIMD kernel <see cref="Isac.Core.Numerics.ComplexKernels.Dot"/>.</summary>
    public static Complex Bilinear(Vector<Complex> x, Vector<Complex> y)
    {
        if (x.Count != y.Count) throw new ArgumentException($"length mismatch: {x.Count} and {y.Count}");
        return Isac.Core.Numerics.ComplexKernels.Dot(x.AsArray() ?? x.ToArray(), y.AsArray() ?? y.ToArray());
    }

    /// <summary>xᵀ·M·y* for a vector x, a matrix M and a vector y (the form vᵀ R v* of paper A).</summary>
    public static Complex TransposeFormConjugate(Vector<Complex> x, Matrix<Complex> m, Vector<Complex> y)
    {
        var my = m * y.Conjugate();
        return Bilinear(x, my);
    }

    private static double MaxAbs(Matrix<Complex> m)
    {
        double s = 0;
        for (int i = 0; i < m.RowCount; i++)
            for (int j = 0; j < m.ColumnCount; j++)
                s = Math.Max(s, m[i, j].Magnitude);
        return s;
    }

    private static (int I, int J, double Deviation) LargestAsymmetry(Matrix<Complex> m)
    {
        (int, int, double) worst = (0, 0, 0);
        for (int i = 0; i < m.RowCount; i++)
            for (int j = i; j < m.ColumnCount; j++)
            {
                double d = (m[i, j] - Complex.Conjugate(m[j, i])).Magnitude;
                if (d > worst.Item3) worst = (i, j, d);
            }
        return worst;
    }

    private static string Format(Complex z) => $"[{z.Real:G6}, {z.Imaginary:G6}]";
}
