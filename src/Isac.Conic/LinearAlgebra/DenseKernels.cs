using Isac.Conic.Problem;

namespace Isac.Conic.LinearAlgebra;

/// <summary>Chooses the dense kernel implementation for a solve.</summary>
internal static class DenseKernels
{
    /// <summary>Below this order of the largest PSD block, Auto keeps the managed kernels: loading
    /// OpenBLAS and calling it on tiny matrices costs more than it saves.</summary>
    public const int OpenBlasMinimumOrder = 64;

    /// <summary>From this number of rows, Auto factorises the m×m Schur complement with OpenBLAS whatever
    /// the blocks' orders (qap6, m = 229 with blocks of order 37: the managed Cholesky and its solves were
    /// 38 % of the instructions).</summary>
    public const int OpenBlasMinimumSchurRows = 160;

    /// <summary>The kernels that factorise and solve the Schur complement: those of the blocks, or with
    /// Auto OpenBLAS once m is large enough for it to pay for its loading.</summary>
    public static IDenseKernels SelectForSchur(DenseBackend backend, int m, IDenseKernels blockKernels) =>
        backend == DenseBackend.Auto && m >= OpenBlasMinimumSchurRows && blockKernels is ManagedKernels
            ? (IDenseKernels?)OpenBlasKernels.Instance ?? blockKernels
            : blockKernels;

    /// <summary>The name reported for a solve (the banner, ConicSolution.Backend).</summary>
    public static string Describe(IDenseKernels blockKernels, IDenseKernels schurKernels) =>
        ReferenceEquals(blockKernels, schurKernels) ? blockKernels.Name : $"{blockKernels.Name}, Schur complement {schurKernels.Name}";

    /// <summary>The kernels for <paramref name="backend"/> on a problem whose largest PSD block has order
    /// <paramref name="largestOrder"/>; throws if OpenBLAS is asked for and does not load.</summary>
    public static IDenseKernels Select(DenseBackend backend, int largestOrder = int.MaxValue)
    {
        switch (backend)
        {
            case DenseBackend.Managed:
                return ManagedKernels.Instance;
            case DenseBackend.OpenBlas:
                return OpenBlasKernels.Instance ?? throw new ConicInputException("settings",
                    "the OpenBLAS backend was asked for but libopenblas.so.0 does not load " +
                    "(Debian: apt-get install libopenblas0-pthread)");
            default:
                return largestOrder < OpenBlasMinimumOrder
                    ? ManagedKernels.Instance
                    : (IDenseKernels?)OpenBlasKernels.Instance ?? ManagedKernels.Instance;
        }
    }
}
