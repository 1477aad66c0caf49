using Isac.Conic.Cones;
using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Kkt;

/// <summary>
/// The m×m Schur complement M_ij = Σ_blocks ⟨A_i, H(A_j)⟩, formed in parallel by columns (each
/// column j is written by one thread, so no locks), factorised by Cholesky with a diagonal shift as
/// a fallback, and solved with one step of iterative refinement.
/// </summary>
internal sealed class SchurComplement
{
    private readonly int _m;
    private readonly double[] _matrix;
    private readonly double[] _factor;
    private readonly double[] _residual;

    private readonly int _shiftAttempts;
    private readonly IDenseKernels _kernels;

    /// <param name="m">The number of rows.</param>
    /// <param name="kernels">The dense kernels that factorise and solve it (see DenseKernels.SelectForSchur).</param>
    /// <param name="shiftAttempts">Factorisations tried with a growing diagonal shift after the plain one
    /// fails (tests set 0 to see a failure reported).</param>
    public SchurComplement(int m, IDenseKernels kernels, int shiftAttempts = 5)
    {
        _m = m;
        _kernels = kernels;
        _shiftAttempts = shiftAttempts;
        _matrix = new double[m * m];
        _factor = new double[m * m];
        _residual = new double[m];
    }

    /// <summary>The diagonal shift the last factorisation needed (0 if none).</summary>
    public double Shift { get; private set; }

    public double[] Matrix => _matrix;

    /// <summary>Whether the last <see cref="Factorize"/> failed on non-finite entries (not on a lack of
    /// positive definiteness).</summary>
    public bool NonFinite { get; private set; }

    private SchurScratch? _scratch;
    private bool _timed;
    private bool _parallelPays;
    private SchurScratch?[]? _workerScratch;

    public void Form(ConeBlock[] blocks, (int Block, int Local)[][] rowBlocks, int maxStored,
                     IDenseKernels kernels, ParallelOptions parallel)
    {
        foreach (var b in blocks)
        {
            b.PrepareScaledData(kernels, parallel);
        }
        Array.Clear(_matrix);
        int m = _m;
        double[] matrix = _matrix;
        int workers = Math.Max(1, Math.Min(parallel.MaxDegreeOfParallelism, m));
        if (workers == 1 || !_parallelPays)
        {
            // The first formation runs on one thread and is timed: below 3 ms the threads (and, in a
            // fresh process, starting the thread pool) cost more than they save.
            long start = System.Diagnostics.Stopwatch.GetTimestamp();
            _scratch ??= new SchurScratch(maxStored);
            for (int j = 0; j < m; j++)
            {
                foreach (var (block, local) in rowBlocks[j])
                {
                    blocks[block].Schur.AddColumn(local, matrix, m, _scratch, kernels);
                }
            }
            if (!_timed)
            {
                _timed = true;
                _parallelPays = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds > 3;
            }
        }
        else
        {
            // Columns dealt round-robin to the workers (column j costs about j pairs, so this balances),
            // each with its own scratch.
            _workerScratch ??= new SchurScratch[workers];
            Parallel.For(0, workers, parallel, w =>
            {
                var scratch = _workerScratch[w] ??= new SchurScratch(maxStored);
                for (int j = w; j < m; j += workers)
                {
                    foreach (var (block, local) in rowBlocks[j])
                    {
                        blocks[block].Schur.AddColumn(local, matrix, m, scratch, kernels);
                    }
                }
            });
        }
        // Every block wrote each of its pairs {i, j} once, into row i or row j: M_ij is the sum of both.
        for (int i = 0; i < m; i++)
        {
            for (int j = i + 1; j < m; j++)
            {
                double v = matrix[i * m + j] + matrix[j * m + i];
                matrix[i * m + j] = v;
                matrix[j * m + i] = v;
            }
        }
    }

    /// <summary>Cholesky of M, shifting the diagonal by growing multiples of its largest entry if needed.</summary>
    public bool Factorize()
    {
        double maxDiag = 0;
        for (int i = 0; i < _m; i++)
        {
            maxDiag = Math.Max(maxDiag, Math.Abs(_matrix[i * _m + i]));
        }
        NonFinite = !double.IsFinite(maxDiag);
        if (NonFinite)
        {
            return false;
        }
        Shift = 0;
        for (int attempt = 0; attempt <= _shiftAttempts; attempt++)
        {
            _matrix.CopyTo(_factor, 0);
            if (Shift > 0)
            {
                for (int i = 0; i < _m; i++)
                {
                    _factor[i * _m + i] += Shift;
                }
            }
            if (_kernels.Cholesky(_factor, _m))
            {
                return true;
            }
            Shift = Shift == 0 ? 1e-14 * Math.Max(maxDiag, 1e-300) : Shift * 100;
        }
        return false;
    }

    /// <summary>x ← M⁻¹ b with one refinement step against the unshifted M.</summary>
    public void Solve(ReadOnlySpan<double> b, Span<double> x)
    {
        b.CopyTo(x);
        _kernels.CholeskySolve(_factor, _m, x);
        for (int i = 0; i < _m; i++)
        {
            _residual[i] = b[i] - ManagedKernels.Dot(_matrix.AsSpan(i * _m, _m), x);
        }
        _kernels.CholeskySolve(_factor, _m, _residual);
        for (int i = 0; i < _m; i++)
        {
            x[i] += _residual[i];
        }
    }
}
