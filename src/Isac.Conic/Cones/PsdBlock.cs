using Isac.Conic.Kkt;
using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Cones;

/// <summary>
/// A positive semidefinite block with the HKM direction: H(V) = sym(X V Z⁻¹), so that
/// M_ij = tr(A_i X A_j Z⁻¹); predictor R = −X, corrector R = σμ Z⁻¹ − sym(ΔX_a ΔZ_a Z⁻¹).
/// </summary>
/// <remarks>
/// This file holds the block's state, its data rows and its scaling (the Cholesky factors of X and Z, Z⁻¹,
/// the choice of a sparse Z); the direction is in <c>PsdBlock.Direction.cs</c>, step lengths and interior
/// tests in <c>PsdBlock.StepLength.cs</c>, the Schur complement columns in <see cref="PsdSchurColumns"/>
/// (Kkt/). The products of the direction go through <see cref="DiagonalPlusLowRank"/>,
/// <see cref="LowRankStack"/> or <see cref="SparseDualSlack"/> where the data's structure allows.
/// </remarks>
internal sealed partial class PsdBlock : ConeBlock
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

    public PsdBlock(int n, PsdRowData[] data)
        : base(n, n * n, PsdRowData.RowsOf(data))
    {
        _data = data;
        _stack = LowRankStack.Create(n, data);
        _structure = DiagonalPlusLowRank.TryCreate(n, data);
        _diagonal = new bool[data.Length];
        for (int k = 0; k < data.Length; k++)
        {
            _diagonal[k] = data[k].HasDiagonalEntriesOnly();
        }
        _lx = new double[n * n];
        _lz = new double[n * n];
        _nextLx = new double[n * n];
        _nextLz = new double[n * n];
        _w = new double[n * n];
        _eig = new double[n];
        _scratchA = new double[n * n];
        _scratchB = new double[n * n];
        Schur = new PsdSchurColumns(n, data, X, _w, _stack);
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

    /// <remarks>X u and Z⁻¹ u of the low-rank rows (the Schur columns' low-rank entries and H(Σ y A) use the
    /// same vectors), and X u, Z⁻¹ u of the diagonal-plus-low-rank products.</remarks>
    public override void PrepareScaledData(IDenseKernels kernels, ParallelOptions parallel)
    {
        _stack?.Prepare(X, _w, kernels);
        _structure?.Prepare(X, _w);
    }
}
