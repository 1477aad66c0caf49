using Isac.Conic.Kkt;
using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Cones;

/// <summary>
/// A positive semidefinite block with the HKM direction: H(V) = sym(X V Z⁻¹), so that
/// M_ij = tr(A_i X A_j Z⁻¹); predictor R = −X, corrector R = σμ Z⁻¹ − sym(ΔX_a ΔZ_a Z⁻¹).
/// </summary>
/// <remarks>
/// Its Schur complement columns are <see cref="PsdSchurColumns"/> (Kkt/); the products of the direction
/// go through <see cref="DiagonalPlusLowRank"/>, <see cref="LowRankStack"/> or <see cref="SparseDualSlack"/>
/// where the data's structure allows.
/// </remarks>
internal sealed class PsdBlock : ConeBlock
{
    private readonly PsdRowData[] _data;
    private double[] _lx;
    private double[] _lz;
    // The factors of the last interior tests of candidate X and Z (TakeStep's Cholesky tests): when the
    // step is taken, they are the factors of the new iterate, and the next scaling need not factorise it
    // again (two n³/3 factorisations saved per iteration and block).
    private double[] _nextLx;
    private double[] _nextLz;
    private bool _nextLxValid, _nextLzValid, _nextSparseValid;
    private bool _lxCurrent, _lzCurrent;
    private readonly double[] _w;
    private readonly double[] _eig;
    private readonly LowRankStack? _stack;
    private readonly DiagonalPlusLowRank? _structure;
    private readonly bool[] _diagonal;
    private readonly PsdSchurColumns _schur;

    public PsdBlock(int n, PsdRowData[] data)
        : base(n, n * n, data.Select(d => d.Row).ToArray())
    {
        _data = data;
        _stack = LowRankStack.Create(n, data);
        _structure = DiagonalPlusLowRank.TryCreate(n, data);
        _diagonal = Array.ConvertAll(data, d => d.HasDiagonalEntriesOnly());
        _lx = new double[n * n];
        _lz = new double[n * n];
        _nextLx = new double[n * n];
        _nextLz = new double[n * n];
        _w = new double[n * n];
        _eig = new double[n];
        _scratchA = new double[n * n];
        _scratchB = new double[n * n];
        _schur = new PsdSchurColumns(n, data, X, _w, _stack);
    }

    // Scratch for one operation at a time on this block (blocks are never shared between threads).
    private readonly double[] _scratchA;
    private readonly double[] _scratchB;

    public override int Degree => Size;

    public IReadOnlyList<PsdRowData> Data => _data;

    /// <summary>Z⁻¹ from the last <see cref="PrepareScaling"/>.</summary>
    public double[] ZInverse => _w;

    /// <summary>Whether the low-rank rows go through the batched products of <see cref="LowRankStack"/>.</summary>
    private bool Batched => _stack is { Batched: true };

    public override void ApplyA(ReadOnlySpan<double> v, Span<double> result)
    {
        bool batched = Batched;
        foreach (var d in _data)
        {
            if (!batched || d.Kind != PsdDataKind.LowRank)
            {
                result[d.Row] += d.Dot(v, Size);
            }
        }
        if (batched)
        {
            _stack!.ApplyA(v, result, Kernels);
        }
    }

    public override void AddAdjoint(ReadOnlySpan<double> y, Span<double> dest)
    {
        bool batched = Batched;
        foreach (var d in _data)
        {
            if (y[d.Row] != 0 && (!batched || d.Kind != PsdDataKind.LowRank))
            {
                d.AddTo(dest, Size, y[d.Row]);
            }
        }
        if (batched)
        {
            _stack!.AddAdjoint(y, dest, Kernels);
        }
    }

    public override void AddRowNorms2(double[] norm2)
    {
        foreach (var d in _data)
        {
            norm2[d.Row] += d.FrobeniusNorm2(Size);
        }
    }

    public override void SetInitialPoint(double alpha, double beta)
    {
        Array.Clear(X);
        Array.Clear(Z);
        for (int i = 0; i < Size; i++)
        {
            X[i * Size + i] = alpha;
            Z[i * Size + i] = beta;
        }
    }

    /// <summary>The sparse handling of Z when the block's aggregate pattern is sparse (decided at the
    /// first scaling, once C is set), else null.</summary>
    private SparseDualSlack? _sparseZ;
    private bool _sparseDecided;

    /// <summary>Whether Z is factorised sparsely (<see cref="SparseDualSlack"/>).</summary>
    public bool SparseDual => _sparseZ is not null;

    /// <summary>Nonzeros of Z's sparse factor (0 when dense).</summary>
    public long SparseFactorNonzeros => _sparseZ?.FactorNonzeros ?? 0;

    /// <summary>Decides, once C and the rows are known, whether Z is factorised sparsely (never when not
    /// <paramref name="allowed"/>).</summary>
    public void DecideSparseDual(bool allowed = true, ParallelOptions? parallel = null)
    {
        if (!_sparseDecided)
        {
            _sparseDecided = true;
            _sparseZ = allowed ? SparseDualSlack.TryCreate(Size, C, _data) : null;
            if (_sparseZ is not null)
            {
                _sparseZ.Parallel = parallel;
            }
        }
    }

    public override bool PrepareScaling(IDenseKernels kernels)
    {
        DecideSparseDual();
        bool xCurrent = _lxCurrent, zCurrent = _lzCurrent;
        _lxCurrent = _lzCurrent = false;
        if (!xCurrent)
        {
            X.CopyTo(_lx, 0);
            if (!kernels.Cholesky(_lx, Size))
            {
                return false;
            }
        }
        if (_sparseZ is { } sparse)
        {
            if (!zCurrent && !sparse.Factorize(Z))
            {
                return false;
            }
            sparse.Inverse(_w);
            return true;
        }
        if (!zCurrent)
        {
            Z.CopyTo(_lz, 0);
            if (!kernels.Cholesky(_lz, Size))
            {
                return false;
            }
        }
        kernels.CholeskyInverse(_lz, Size, _w);
        return true;
    }

    public override void AcceptStep()
    {
        if (_nextLxValid)
        {
            (_lx, _nextLx) = (_nextLx, _lx);
        }
        if (_nextLzValid)
        {
            (_lz, _nextLz) = (_nextLz, _lz);
        }
        _lxCurrent = _nextLxValid;
        _lzCurrent = _sparseZ is null ? _nextLzValid : _nextSparseValid;
        _nextLxValid = _nextLzValid = _nextSparseValid = false;
    }

    public override void ComplementarityRhs(double sigmaMu, bool corrector, ReadOnlySpan<double> affineDy, IDenseKernels kernels)
    {
        int nn = StoredLength;
        if (!corrector)
        {
            for (int k = 0; k < nn; k++)
            {
                R[k] = sigmaMu * _w[k] - X[k];
            }
            return;
        }
        // Corrector, as a correction to the predictor: R = σμ W − sym(ΔX_a ΔZ_a W).
        var g = _scratchB;
        if (_sparseZ is { } sparse)
        {
            sparse.InverseTimes(DZa, DXa, g);    // (ΔX_a ΔZ_a Z⁻¹)ᵀ; only its symmetric part is used
        }
        else if (_structure is { } structure && !affineDy.IsEmpty)
        {
            // ΔZ_a = Σ Δy_i A_i, diagonal plus low rank: one product instead of two.
            structure.Product(DXa, bIsX: false, affineDy, _w, g, _scratchA, kernels);
        }
        else
        {
            kernels.Gemm(Size, Size, Size, 1.0, DZa, _w, 0.0, _scratchA);
            kernels.Gemm(Size, Size, Size, 1.0, DXa, _scratchA, 0.0, g);
        }
        for (int k = 0; k < nn; k++)
        {
            R[k] = sigmaMu * _w[k];
        }
        SubtractSymmetricPart(g, R);
    }

    public override void ApplyH(ReadOnlySpan<double> v, Span<double> result, IDenseKernels kernels)
    {
        // result = sym(X V W)
        if (_sparseZ is { } sparse)
        {
            sparse.InverseTimes(v, X, result);    // (X V Z⁻¹)ᵀ, V = R_d inside the pattern
            Symmetrize(result);
            return;
        }
        var t = _scratchA;
        kernels.Gemm(Size, Size, Size, 1.0, v, _w, 0.0, t);
        kernels.Gemm(Size, Size, Size, 1.0, X, t, 0.0, result);
        Symmetrize(result);
    }

    public override void ApplyHToAdjoint(ReadOnlySpan<double> y, double[]? extra, Span<double> result, IDenseKernels kernels)
    {
        int n = Size;
        if (_structure is { } structure && extra is null && _sparseZ is null)
        {
            // X (D + Σ c u uᵀ) W = (X D) W + Σ c (X u)(W u)ᵀ: one product (gpp: two before, and a dense Σ y_i A_i).
            structure.Product(X, bIsX: true, y, _w, result, _scratchA, kernels);
            Symmetrize(result);
            return;
        }
        var dense = _scratchB;
        bool anyDense = extra is not null, diagonal = extra is null;
        for (int k = 0; k < _data.Length; k++)
        {
            var d = _data[k];
            if (d.Kind != PsdDataKind.LowRank && y[d.Row] != 0)
            {
                anyDense = true;
                diagonal &= _diagonal[k];
            }
        }
        if (anyDense && _sparseZ is { } sparse)
        {
            // Σ y_i A_i (+ extra) lies in Z's pattern: (X V Z⁻¹)ᵀ by a solve with Z's sparse factor.
            if (extra is null)
            {
                Array.Clear(dense);
            }
            else
            {
                extra.CopyTo(dense, 0);
            }
            foreach (var d in _data)
            {
                if (y[d.Row] != 0)
                {
                    d.AddTo(dense, n, y[d.Row]);
                }
            }
            sparse.InverseTimes(dense, X, result);
        }
        else if (anyDense && diagonal)
        {
            // Only diagonal data (paper A's per-BS power rows): X D W = (X D) W, a column scaling and
            // one product instead of two.
            var dvec = _eig;
            Array.Clear(dvec);
            foreach (var d in _data)
            {
                if (d.Kind == PsdDataKind.Sparse && y[d.Row] != 0)
                {
                    for (int e = 0; e < d.V.Length; e++)
                    {
                        dvec[d.P[e]] += y[d.Row] * d.V[e];
                    }
                }
            }
            var xd = _scratchA;
            for (int p = 0; p < n; p++)
            {
                for (int q = 0; q < n; q++)
                {
                    xd[p * n + q] = X[p * n + q] * dvec[q];
                }
            }
            kernels.Gemm(n, n, n, 1.0, xd, _w, 0.0, result);
        }
        else if (anyDense)
        {
            if (extra is null)
            {
                Array.Clear(dense);
            }
            else
            {
                extra.CopyTo(dense, 0);
            }
            foreach (var d in _data)
            {
                if (d.Kind != PsdDataKind.LowRank && y[d.Row] != 0)
                {
                    d.AddTo(dense, n, y[d.Row]);
                }
            }
            var t = _scratchA;
            kernels.Gemm(n, n, n, 1.0, dense, _w, 0.0, t);
            kernels.Gemm(n, n, n, 1.0, X, t, 0.0, result);
        }
        else
        {
            result.Slice(0, StoredLength).Clear();
        }
        // X (d u uᵀ) W = d (X u)(W u)ᵀ with the vectors of PrepareSchur.
        if (Batched)
        {
            _stack!.AddScaledProducts(y, result, kernels);
        }
        for (int k = 0; k < _data.Length && !Batched; k++)
        {
            var d = _data[k];
            double yi = y[d.Row];
            if (d.Kind != PsdDataKind.LowRank || yi == 0)
            {
                continue;
            }
            int start = _stack!.Start[k];
            for (int l = 0; l < d.Rank; l++)
            {
                double c = yi * d.Weights[l];
                ReadOnlySpan<double> xu = _stack.XU.AsSpan((start + l) * n, n), wu = _stack.WU.AsSpan((start + l) * n, n);
                for (int p = 0; p < n; p++)
                {
                    if (xu[p] != 0)
                    {
                        ManagedKernels.Axpy(c * xu[p], wu, result.Slice(p * n, n));
                    }
                }
            }
        }
        Symmetrize(result);
    }

    /// <summary>Below this order the full eigenvalue problem is as cheap as the Lanczos steps.</summary>
    private const int LanczosMinimumOrder = 16;

    private LanczosStep? _lanczos;

    /// <summary>Lanczos steps before the full eigenvalue problem: 40, and up to 120 on large blocks, where
    /// the fallback (a 2n³ sandwich and a 4n³/3 tridiagonalisation) costs as much as hundreds of steps
    /// (3n² each) and re-orthogonalisation (k²n): maxG11 (n = 800) fell back in 6 of 32 step-length tests
    /// at 40 steps.</summary>
    private int LanczosMaximumSteps => Size >= 200 ? Math.Min(120, 40 + Size / 10) : 40;

    public override double MaxStep(double[] d, bool primal, IDenseKernels kernels, bool exact = false)
    {
        if (exact)
        {
            // The estimate led to a point outside the cone: the full problem, and a cold start next time.
            _lanczos?.ForgetWarmStart(primal ? 0 : 1);
            if (!primal && _sparseZ is not null)
            {
                Z.CopyTo(_lz, 0);
                if (!kernels.Cholesky(_lz, Size))
                {
                    return 0;
                }
            }
        }
        else if (!primal && _sparseZ is { } sparse)
        {
            _lanczos ??= new LanczosStep(Size, LanczosMaximumSteps);
            var op = sparse.StepOperator(d);
            double mu = _lanczos.SmallestEigenvalue(ref op, slot: 1);
            if (!double.IsNaN(mu))
            {
                return mu < 0 ? -1.0 / mu : double.PositiveInfinity;
            }
            // Unsettled (rare): the dense factor for the full eigenvalue problem below.
            Z.CopyTo(_lz, 0);
            if (!kernels.Cholesky(_lz, Size))
            {
                return 0;
            }
        }
        else if (Size >= LanczosMinimumOrder)
        {
            // λ_min(L⁻¹ d L⁻ᵀ) by Lanczos (a lower bound, or NaN when unsettled: then the full problem).
            _lanczos ??= new LanczosStep(Size, LanczosMaximumSteps);
            double lambda = _lanczos.SmallestEigenvalue(primal ? _lx : _lz, d, slot: primal ? 0 : 1);
            if (!double.IsNaN(lambda))
            {
                return lambda < 0 ? -1.0 / lambda : double.PositiveInfinity;
            }
        }
        var b = _scratchA;
        d.CopyTo(b, 0);
        kernels.TriangularSandwich(primal ? _lx : _lz, Size, b);
        kernels.SymmetricEigenvalues(b, Size, _eig);
        double min = double.PositiveInfinity;
        for (int i = 0; i < Size; i++)
        {
            min = Math.Min(min, _eig[i]);
        }
        return min < 0 ? -1.0 / min : double.PositiveInfinity;
    }

    public override bool IsInterior(double[] v, bool primal, IDenseKernels kernels)
    {
        if (!primal && _sparseZ is { } sparse)
        {
            return _nextSparseValid = sparse.IsInterior(v);
        }
        var factor = primal ? _nextLx : _nextLz;
        v.CopyTo(factor, 0);
        bool ok = kernels.Cholesky(factor, Size);
        if (primal)
        {
            _nextLxValid = ok;
        }
        else
        {
            _nextLzValid = ok;
        }
        return ok;
    }

    public override double MinEigenvalue(double[] v, IDenseKernels kernels)
    {
        var copy = (double[])v.Clone();
        // Positive definite: no violation, and the eigenvalues (≈ 4n³/3 flops; 2 × 0.7e9 on maxG11) are
        // not needed. Only a failed factorisation asks for λ_min.
        if (kernels.Cholesky(copy, Size))
        {
            return double.Epsilon;
        }
        v.CopyTo(copy, 0);
        kernels.SymmetricEigenvalues(copy, Size, _eig);
        return ArrayMath.Min(_eig);
    }

    public override void PrepareSchur(IDenseKernels kernels, ParallelOptions parallel)
    {
        _stack?.Prepare(X, _w, kernels);
        _structure?.Prepare(X, _w);
    }

    /// <remarks>Delegated to <see cref="PsdSchurColumns"/> (Kkt/).</remarks>
    public override void AddSchurColumn(int localJ, double[] m, int mSize, SchurScratch scratch, IDenseKernels kernels) =>
        _schur.AddColumn(localJ, m, mSize, scratch, kernels);

    private void Symmetrize(Span<double> a)
    {
        int n = Size;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double v = 0.5 * (a[i * n + j] + a[j * n + i]);
                a[i * n + j] = v;
                a[j * n + i] = v;
            }
        }
    }

    private void SubtractSymmetricPart(double[] g, double[] r)
    {
        int n = Size;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                r[i * n + j] -= 0.5 * (g[i * n + j] + g[j * n + i]);
            }
        }
    }
}
