using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Cones;

/// <summary>Step lengths and interior tests on a PSD block: the largest α with X + αΔX ⪰ 0 (or Z) by
/// Lanczos on L⁻¹ΔX L⁻ᵀ where that is cheaper than the full eigenvalue problem, and the Cholesky tests of
/// the candidate points, whose factors the next scaling reuses.</summary>
internal sealed partial class PsdBlock
{
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
}
