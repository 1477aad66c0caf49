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

    /// <summary>M ← M + c·x·xᴴ for a Hermitian N×N matrix M (row-major), c real.</summary>
    public static void AddOuter(Span<Complex> m, double c, ReadOnlySpan<Complex> x)
    {
        int n = x.Length;
        if (m.Length != n * n) throw new ArgumentException($"matrix has {m.Length} entries, expected {n}×{n}");
        for (int i = 0; i < n; i++)
        {
            Complex ci = c * x[i];
            var row = m.Slice(i * n, n);
            for (int j = 0; j < n; j++)
            {
                row[j] += ci * Complex.Conjugate(x[j]);
            }
        }
    }

    /// <summary>y ← M·x for an N×N row-major matrix.</summary>
    public static void MatVec(ReadOnlySpan<Complex> m, ReadOnlySpan<Complex> x, Span<Complex> y)
    {
        int n = x.Length;
        for (int i = 0; i < n; i++)
        {
            var row = m.Slice(i * n, n);
            double re = 0, im = 0;
            for (int j = 0; j < n; j++)
            {
                double mr = row[j].Real, mi = row[j].Imaginary, xr = x[j].Real, xi = x[j].Imaginary;
                re += mr * xr - mi * xi;
                im += mr * xi + mi * xr;
            }
            y[i] = new Complex(re, im);
        }
    }

    /// <summary>The Hermitian form xᴴMx (real for Hermitian M).</summary>
    public static double HermitianForm(ReadOnlySpan<Complex> m, ReadOnlySpan<Complex> x)
    {
        int n = x.Length;
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            var row = m.Slice(i * n, n);
            Complex t = Complex.Zero;
            for (int j = 0; j < n; j++) t += row[j] * x[j];
            s += (Complex.Conjugate(x[i]) * t).Real;
        }
        return s;
    }
}
