using Isac.Conic.Kkt;
using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Cones;

/// <summary>
/// A block of free variables x_f ∈ ℝⁿ (no cone; its dual slack is fixed at z_f = 0, so the dual
/// constraint there is the equality A_fᵀy = c_f). It has no centring condition and no scaling: its
/// direction Δx_f comes from the augmented Schur system of <see cref="Kkt.FreeVariableSystem"/>, not
/// from ΔX = R − H(ΔZ), so the generic block operations here are the trivial ones (R = 0, H = 0,
/// unbounded steps) and the interior-point loop fills <see cref="ConeBlock.DX"/> itself.
/// </summary>
/// <remarks>
/// Splitting x_f = x⁺ − x⁻ into two nonnegative halves (the old treatment, and what CSDP users do)
/// adds (x⁺/z⁺ + x⁻/z⁻) a_f a_fᵀ to the Schur complement; both halves grow while their slacks vanish,
/// that rank-n_f term swamps the rest of M, and the Cholesky factor loses the digits primal feasibility
/// needs (paper A's CoMP relaxation with one free bound stalled at 1e-3 primal infeasibility).
/// </remarks>
internal sealed class FreeBlock : VectorConeBlock
{
    public FreeBlock(int n, VectorRowData[] data)
        : base(n, data)
    {
        // The free columns enter M through the augmented system, not as Schur entries of this block.
        Schur = NoSchurColumns.Instance;
    }

    /// <summary>A free block adds nothing to the barrier degree ν.</summary>
    public override int Degree => 0;

    /// <inheritdoc />
    public override bool HasSlack => false;

    /// <summary>The rows of this block's data (for the dense A_f of the augmented system).</summary>
    public IReadOnlyList<VectorRowData> Data => _data;

    public override void SetInitialPoint(double alpha, double beta)
    {
        Array.Clear(X);
        Array.Clear(Z);
    }

    public override bool PrepareScaling(IDenseKernels kernels) => true;

    public override void ComplementarityRhs(double sigmaMu, bool corrector, ReadOnlySpan<double> affineDy, IDenseKernels kernels) => Array.Clear(R);

    public override void ApplyH(ReadOnlySpan<double> v, Span<double> result, IDenseKernels kernels) => result.Slice(0, Size).Clear();

    public override void ApplyHToAdjoint(ReadOnlySpan<double> y, double[]? extra, Span<double> result, IDenseKernels kernels) =>
        result.Slice(0, Size).Clear();

    public override double MaxStep(double[] d, bool primal, IDenseKernels kernels, bool exact = false) => double.PositiveInfinity;

    public override bool IsInterior(double[] v, bool primal, IDenseKernels kernels) => true;

    /// <summary>No cone constraint: nothing to violate.</summary>
    public override double MinEigenvalue(double[] v, IDenseKernels kernels) => double.PositiveInfinity;
}
