using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Cones;

/// <summary>The HKM direction on a PSD block: the complementarity right-hand side R and the products
/// H(V) = sym(X V Z⁻¹), with the shortcuts the data's structure allows (sparse Z, diagonal plus low
/// rank, batched low-rank rows), each of which saves one or both n³ products of the plain formula.</summary>
internal sealed partial class PsdBlock
{
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
        // X (d u uᵀ) W = d (X u)(W u)ᵀ with the vectors of PrepareScaledData.
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
