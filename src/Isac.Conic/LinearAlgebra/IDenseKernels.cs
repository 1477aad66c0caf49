namespace Isac.Conic.LinearAlgebra;

/// <summary>
/// The one seam for dense linear algebra: every n³ operation of the solver goes through here, so
/// a faster implementation (the system OpenBLAS) can replace the managed one. Matrices are
/// row-major, square n×n unless stated; "L" is a lower Cholesky factor stored in the lower triangle.
/// </summary>
internal interface IDenseKernels
{
    /// <summary>"managed" or "openblas".</summary>
    string Name { get; }

    /// <summary>C ← α A B + β C with A m×k, B k×n, C m×n.</summary>
    void Gemm(int m, int n, int k, double alpha, ReadOnlySpan<double> a, ReadOnlySpan<double> b, double beta, Span<double> c);

    /// <summary>In place A = L Lᵀ (lower triangle; the strict upper triangle is zeroed). False if A is not positive definite.</summary>
    bool Cholesky(Span<double> a, int n);

    /// <summary>inverse ← (L Lᵀ)⁻¹, full symmetric.</summary>
    void CholeskyInverse(ReadOnlySpan<double> l, int n, Span<double> inverse);

    /// <summary>b ← (L Lᵀ)⁻¹ b for one vector.</summary>
    void CholeskySolve(ReadOnlySpan<double> l, int n, Span<double> b);

    /// <summary>S ← L⁻¹ S L⁻ᵀ for symmetric S.</summary>
    void TriangularSandwich(ReadOnlySpan<double> l, int n, Span<double> s);

    /// <summary>All eigenvalues of the symmetric A (destroyed), in any order.</summary>
    void SymmetricEigenvalues(Span<double> a, int n, Span<double> eigenvalues);
}
