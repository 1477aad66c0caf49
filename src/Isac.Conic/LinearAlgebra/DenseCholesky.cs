namespace Isac.Conic.LinearAlgebra;

/// <summary>
/// The solver's dense Cholesky factorisation A = L·Lᵀ of a symmetric positive definite n×n matrix (row-major)
/// and its solve, for callers outside the solver (the network's dual Newton systems): the same SIMD kernel the
/// interior-point method factors its Schur complements with, so the project has one real Cholesky.
/// </summary>
public static class DenseCholesky
{
    /// <summary>Overwrites <paramref name="a"/> with L (lower triangle; the strict upper triangle is zeroed).
    /// False when a pivot is not positive (A not positive definite); <paramref name="a"/> is then partly overwritten.</summary>
    public static bool Factor(Span<double> a, int n) => ManagedKernels.Instance.Cholesky(a, n);

    /// <summary>Solves L·Lᵀ·x = b in place (<paramref name="b"/> becomes x), with L from <see cref="Factor"/>.</summary>
    public static void Solve(ReadOnlySpan<double> l, int n, Span<double> b) => ManagedKernels.Instance.CholeskySolve(l, n, b);

    /// <summary>Solves A·x = b in place (<paramref name="b"/> becomes x; <paramref name="a"/> is overwritten by its factor).
    /// False when A is not positive definite.</summary>
    public static bool FactorAndSolve(Span<double> a, Span<double> b, int n)
    {
        if (!Factor(a, n)) return false;
        Solve(a, n, b);
        return true;
    }
}
