using Isac.Conic.Problem;

namespace Isac.Conic.LinearAlgebra;

/// <summary>Chooses the dense kernel implementation for a solve.</summary>
internal static class DenseKernels
{
    /// <summary>The kernels for <paramref name="backend"/>; throws if OpenBLAS is asked for and does not load.</summary>
    public static IDenseKernels Select(DenseBackend backend)
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
                return (IDenseKernels?)OpenBlasKernels.Instance ?? ManagedKernels.Instance;
        }
    }
}
