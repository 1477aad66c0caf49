using Complex = System.Numerics.Complex;

namespace Isac.Core.Numerics;

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
        return ComplexKernels.DotConj(a, b);
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
        ComplexKernels.AddScaled(y, c, x);
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
        for (int i = 0; i < n; i++) ComplexKernels.AddScaledConj(m.Slice(i * n, i + 1), c * x[i], x[..(i + 1)]);
    }

    /// <summary>
    /// M ← M + Σ_u c_u·x_u·x_uᴴ (lower triangle, as <see cref="AddOuter"/>) in one pass over the matrix; terms with
    /// c_u = 0 are skipped. The K terms are added to each entry in the order u = 0, 1, … .
    /// </summary>
    public static void AddOuters(Span<Complex> m, ReadOnlySpan<double> c, IReadOnlyList<Complex[]> x)
    {
        if (c.Length != x.Count) throw new ArgumentException($"{c.Length} coefficients for {x.Count} vectors");
        if (x.Count == 0) return;
        int n = x[0].Length;
        if (m.Length != n * n) throw new ArgumentException($"matrix has {m.Length} entries, expected {n}×{n}");
        foreach (var v in x) if (v.Length != n) throw new ArgumentException($"vectors of lengths {n} and {v.Length}");
        RankUpdateKernel.Apply(m, n, c, x);
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
            var t = ComplexKernels.Dot(row[..i], x[..i]);
            s += 2 * (Complex.Conjugate(x[i]) * t).Real;
        }
        return s;
    }
}
