namespace Isac.Conic;

/// <summary>Which implementation of the dense kernels (Cholesky, products, eigenvalues) to use.</summary>
public enum DenseBackend
{
    /// <summary>The system OpenBLAS/LAPACK when it loads at run time and the largest PSD block has
    /// order 64 or more (below that the managed kernels are faster than the calls); else managed.</summary>
    Auto,

    /// <summary>The managed SIMD kernels, which always work.</summary>
    Managed,

    /// <summary>The system OpenBLAS (libopenblas.so.0); the solve fails with an input error if it does not load.</summary>
    OpenBlas,
}
