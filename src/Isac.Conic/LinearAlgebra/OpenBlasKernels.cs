using System.Runtime.InteropServices;

namespace Isac.Conic.LinearAlgebra;

/// <summary>
/// Dense kernels from the system OpenBLAS (Debian <c>libopenblas0-pthread</c>), loaded at run time
/// with <see cref="NativeLibrary"/>: CBLAS for products and triangular solves, the Fortran LAPACK
/// symbols for Cholesky and eigenvalues. Row-major symmetric data are passed as they are: the lower
/// triangle in row-major order is the upper triangle in LAPACK's column-major order.
/// </summary>
internal sealed unsafe class OpenBlasKernels : IDenseKernels
{
    private const int RowMajor = 101, NoTrans = 111, Trans = 112, Lower = 122, Left = 141, Right = 142, NonUnit = 131;

    private static readonly Lazy<OpenBlasKernels?> Loaded = new(TryLoad);

    private readonly delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void> _dgemm;
    private readonly delegate* unmanaged<int, int, int, int, int, int, int, double, double*, int, double*, int, void> _dtrsm;
    private readonly delegate* unmanaged<byte*, int*, double*, int*, int*, nint, void> _dpotrf;
    private readonly delegate* unmanaged<byte*, int*, double*, int*, int*, nint, void> _dpotri;
    private readonly delegate* unmanaged<byte*, byte*, int*, double*, int*, double*, double*, int*, int*, int*, int*, nint, nint, void> _dsyevd;
    private readonly delegate* unmanaged<int, void> _setThreads;

    private OpenBlasKernels(nint lib)
    {
        _dgemm = (delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)NativeLibrary.GetExport(lib, "cblas_dgemm");
        _dtrsm = (delegate* unmanaged<int, int, int, int, int, int, int, double, double*, int, double*, int, void>)NativeLibrary.GetExport(lib, "cblas_dtrsm");
        _dpotrf = (delegate* unmanaged<byte*, int*, double*, int*, int*, nint, void>)NativeLibrary.GetExport(lib, "dpotrf_");
        _dpotri = (delegate* unmanaged<byte*, int*, double*, int*, int*, nint, void>)NativeLibrary.GetExport(lib, "dpotri_");
        _dsyevd = (delegate* unmanaged<byte*, byte*, int*, double*, int*, double*, double*, int*, int*, int*, int*, nint, nint, void>)NativeLibrary.GetExport(lib, "dsyevd_");
        _setThreads = NativeLibrary.TryGetExport(lib, "openblas_set_num_threads", out nint st)
            ? (delegate* unmanaged<int, void>)st : null;
    }

    /// <summary>The loaded library, or null when it is not on this machine.</summary>
    public static OpenBlasKernels? Instance => Loaded.Value;

    public string Name => "openblas";

    /// <summary>Sets OpenBLAS's own thread count (the solver parallelises the Schur complement itself).</summary>
    public void SetThreads(int threads)
    {
        if (_setThreads != null)
        {
            _setThreads(threads);
        }
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv(string name, string value, int overwrite);

    private static OpenBlasKernels? TryLoad()
    {
        // One OpenBLAS thread, decided before the library starts: with more, its constructor starts
        // worker threads that spin (sched_yield) for a while even after openblas_set_num_threads(1),
        // taking a core from the solver on a busy machine (≈ 14 % of a CLI call's CPU time on paper
        // A's instance). The solver parallelises the Schur complement itself. A value the user set
        // is kept (overwrite = 0); .NET's Environment.SetEnvironmentVariable does not reach native code.
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            try
            {
                SetEnv("OPENBLAS_NUM_THREADS", "1", 0);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // No libc by that name: OpenBLAS then starts its threads, which only costs CPU time.
            }
        }
        string[] names =
        [
            "libopenblas.so.0",
            "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0",
            "/usr/lib/aarch64-linux-gnu/openblas-pthread/libopenblas.so.0",
            "libopenblas.so",
            "libopenblas.dylib",
            "libopenblas.dll",
        ];
        foreach (string name in names)
        {
            if (NativeLibrary.TryLoad(name, out nint lib))
            {
                try
                {
                    return new OpenBlasKernels(lib);
                }
                catch (EntryPointNotFoundException)
                {
                    // A library by that name without the symbols we need: try the next one.
                }
            }
        }
        return null;
    }

    public void Gemm(int m, int n, int k, double alpha, ReadOnlySpan<double> a, ReadOnlySpan<double> b, double beta, Span<double> c)
    {
        fixed (double* pa = a, pb = b, pc = c)
        {
            _dgemm(RowMajor, NoTrans, NoTrans, m, n, k, alpha, pa, k, pb, n, beta, pc, n);
        }
    }

    public bool Cholesky(Span<double> a, int n)
    {
        int info = 0, nn = n;
        byte uplo = (byte)'U';
        fixed (double* pa = a)
        {
            _dpotrf(&uplo, &nn, pa, &nn, &info, 1);
        }
        if (info != 0)
        {
            return false;
        }
        for (int i = 0; i < n; i++)
        {
            a.Slice(i * n + i + 1, n - i - 1).Clear();
        }
        return true;
    }

    public void CholeskyInverse(ReadOnlySpan<double> l, int n, Span<double> inverse)
    {
        l.Slice(0, n * n).CopyTo(inverse);
        int info = 0, nn = n;
        byte uplo = (byte)'U';
        fixed (double* p = inverse)
        {
            _dpotri(&uplo, &nn, p, &nn, &info, 1);
        }
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++)
            {
                inverse[j * n + i] = inverse[i * n + j];
            }
        }
    }

    public void CholeskySolve(ReadOnlySpan<double> l, int n, Span<double> b) => ManagedKernels.Instance.CholeskySolve(l, n, b);

    public void TriangularSandwich(ReadOnlySpan<double> l, int n, Span<double> s)
    {
        fixed (double* pl = l, ps = s)
        {
            _dtrsm(RowMajor, Left, Lower, NoTrans, NonUnit, n, n, 1.0, pl, n, ps, n);
            _dtrsm(RowMajor, Right, Lower, Trans, NonUnit, n, n, 1.0, pl, n, ps, n);
        }
    }

    public void SymmetricEigenvalues(Span<double> a, int n, Span<double> eigenvalues)
    {
        byte jobz = (byte)'N', uplo = (byte)'U';
        int nn = n, info = 0, lwork = 2 * n + 1, liwork = 1;
        var work = new double[Math.Max(1, lwork)];
        var iwork = new int[1];
        fixed (double* pa = a, pw = eigenvalues, pwork = work)
        fixed (int* piwork = iwork)
        {
            _dsyevd(&jobz, &uplo, &nn, pa, &nn, pw, pwork, &lwork, piwork, &liwork, &info, 1, 1);
        }
        if (info != 0)
        {
            ManagedKernels.Instance.SymmetricEigenvalues(a, n, eigenvalues);
        }
    }
}
