using Isac.Conic.Problem;

namespace Isac.Conic.LinearAlgebra;

/// <summary>Chooses the dense kernel implementation for a solve.</summary>
internal static class DenseKernels
{
    /// <summary>Below this order of the largest PSD block, Auto keeps the managed kernels: loading
    /// OpenBLAS and calling it on tiny matrices costs more than it saves.</summary>
    public const int OpenBlasMinimumOrder = 64;

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
