using Complex = System.Numerics.Complex;

namespace Isac.Network.Numerics;

/// <summary>
/// Small dense complex kernels on spans (vectors of length N, square matrices stored row-major
/// as N·N entries). They are the hot loops of the beamformers and the map builder.
/// </summary>
public static class ComplexVectors
{
    /// <summary>The inner product aᴴb = Σ conj(a_i)·b_i.</summary>
    public static Complex Dot(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"lengths differ: {a.Length} and {b.Length}");
        double re = 0, im = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double ar = a[i].Real, ai = a[i].Imaginary, br = b[i].Real, bi = b[i].Imaginary;
            re += ar * br + ai * bi;
            im += ar * bi - ai * br;
        }
        return new Complex(re, im);
    }

    /// <summary>|aᴴb|².</summary>
    public static double AbsDotSquared(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b)
    {
        var d = Dot(a, b);
        return d.Real * d.Real + d.Imaginary * d.Imaginary;
    }

    /// <summary>‖a‖².</summary>
    public static double NormSquared(ReadOnlySpan<Complex> a)
    {
        double s = 0;
        foreach (var z in a) s += z.Real * z.Real + z.Imaginary * z.Imaginary;
        return s;
    }

    /// <summary>y ← y + c·x.</summary>
    public static void AddScaled(Span<Complex> y, Complex c, ReadOnlySpan<Complex> x)
    {
        if (y.Length != x.Length) throw new ArgumentException($"lengths differ: {y.Length} and {x.Length}");
        for (int i = 0; i < y.Length; i++) y[i] += c * x[i];
    }

    /// <summary>x ← c·x.</summary>
    public static void Scale(Span<Complex> x, Complex c)
    {
        for (int i = 0; i < x.Length; i++) x[i] *= c;
    }

    /// <summary>
    /// M ← M + c·x·xᴴ for a Hermitian N×N matrix stored row-major by its lower triangle (entries
    /// j ≤ i; the strict upper triangle is neither read nor written), c real.
    /// </summary>
    public static void AddOuter(Span<Complex> m, double c, ReadOnlySpan<Complex> x)
    {
        int n = x.Length;
        if (m.Length != n * n) throw new ArgumentException($"matrix has {m.Length} entries, expected {n}×{n}");
        for (int i = 0; i < n; i++)
        {
            double xr = c * x[i].Real, xi = c * x[i].Imaginary;
            var row = m.Slice(i * n, i + 1);
            for (int j = 0; j <= i; j++)
            {
                double yr = x[j].Real, yi = -x[j].Imaginary;
                row[j] += new Complex(xr * yr - xi * yi, xr * yi + xi * yr);
            }
        }
    }

    /// <summary>Copies the lower triangle of a Hermitian matrix into its upper triangle (full storage).</summary>
    public static void MirrorLower(Span<Complex> m, int n)
    {
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++) m[j * n + i] = Complex.Conjugate(m[i * n + j]);
    }

    /// <summary>The Hermitian form xᴴMx for M stored by its lower triangle.</summary>
    public static double HermitianForm(ReadOnlySpan<Complex> m, ReadOnlySpan<Complex> x)
    {
        int n = x.Length;
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            var row = m.Slice(i * n, i + 1);
            s += row[i].Real * (x[i].Real * x[i].Real + x[i].Imaginary * x[i].Imaginary);
            Complex t = Complex.Zero;
            for (int j = 0; j < i; j++) t += row[j] * x[j];
            s += 2 * (Complex.Conjugate(x[i]) * t).Real;
        }
        return s;
    }
}
