using Complex = System.Numerics.Complex;

namespace Isac.Core.Numerics;

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
        if (n < 0 || m.Length < n * n) throw new ArgumentException($"matrix of {m.Length} entries too short for n = {n}");
        for (int j = 0; j < n; j++)
        {
            double d = m[j * n + j].Real;
            var rowJ = m.Slice(j * n, j);
            for (int k = 0; k < j; k++) d -= rowJ[k].Real * rowJ[k].Real + rowJ[k].Imaginary * rowJ[k].Imaginary;
            if (!(d > 0) || !double.IsFinite(d)) return false;
            double ljj = Math.Sqrt(d);
            m[j * n + j] = new Complex(ljj, 0);
            // L[i,j] = (M[i,j] − Σ_k L[i,k]·conj(L[j,k])) / L[j,j] for i > j
            BlockedFactor.Column(m, n, j, 1.0 / ljj);
        }
        return true;
    }

    /// <summary>Solves L·Lᴴ·x = b in place (b is overwritten by x), with L from <see cref="Factor"/>.</summary>
    public static void Solve(ReadOnlySpan<Complex> l, int n, Span<Complex> b)
    {
        // Forward: L y = b, row by row (y_i = (b_i − L[i,0..i)·y[0..i)) / L_ii).
        for (int i = 0; i < n; i++)
        {
            var t = b[i] - ComplexKernels.Dot(l.Slice(i * n, i), b[..i]);
            double d = l[i * n + i].Real;
            b[i] = new Complex(t.Real / d, t.Imaginary / d);
        }
        // Backward: Lᴴ x = y, column by column: once x_i is known, remove conj(L[i,k])·x_i from the
        // equations k < i (row i of L is contiguous, so this is one vector update per i).
        for (int i = n - 1; i >= 0; i--)
        {
            double d = l[i * n + i].Real;
            var xi = new Complex(b[i].Real / d, b[i].Imaginary / d);
            b[i] = xi;
            if (i > 0) ComplexKernels.AddScaledConj(b[..i], -xi, l.Slice(i * n, i));
        }
    }

    /// <summary>
    /// Solves L·Lᴴ·X = B for <paramref name="rhs"/> right-hand sides at once, B stored row-major n × rhs
    /// (row i holds the i-th component of every right-hand side) and overwritten by X: <see cref="ForwardMany"/>
    /// then <see cref="BackwardMany"/>. Many right-hand sides cost far less than as many <see cref="Solve"/> calls.
    /// </summary>
    public static void SolveMany(ReadOnlySpan<Complex> l, int n, Span<Complex> b, int rhs)
    {
        ForwardMany(l, n, b, rhs);
        BackwardMany(l, n, b, rhs);
    }

    /// <summary>
    /// Solves L·Y = B in place for <paramref name="rhs"/> right-hand sides (B as in <see cref="SolveMany"/>): the
    /// "whitened" Y = L⁻¹B, whose Gram matrix YᴴY is BᴴM⁻¹B at half the cost of the full solve.
    /// </summary>
    public static void ForwardMany(ReadOnlySpan<Complex> l, int n, Span<Complex> b, int rhs)
    {
        Check(l, n, b, rhs);
        BlockedSubstitution.Forward(l, n, b, rhs);
    }

    /// <summary>Solves Lᴴ·X = Y in place for <paramref name="rhs"/> right-hand sides (B as in <see cref="SolveMany"/>).</summary>
    public static void BackwardMany(ReadOnlySpan<Complex> l, int n, Span<Complex> b, int rhs)
    {
        Check(l, n, b, rhs);
        BlockedSubstitution.Backward(l, n, b, rhs);
    }

    private static void Check(ReadOnlySpan<Complex> l, int n, Span<Complex> b, int rhs)
    {
        // the blocked kernels index without bounds checks
        if (n < 0 || rhs < 0 || l.Length < n * n || b.Length < n * rhs)
            throw new ArgumentException($"factor of {l.Length} entries or right-hand sides of {b.Length} entries too short for n = {n}, {rhs} right-hand sides");
    }
}
