namespace Isac.Conic.Cones;

/// <summary>The iterate on a block and the arrays of its direction, each of <see cref="StoredLength"/>
/// values (n×n row-major for PSD blocks, n for vector blocks). They live on the block, allocated once,
/// because every cone operation reads them in place; the interior-point state writes them.</summary>
internal abstract partial class ConeBlock
{
    /// <summary>The objective's part on this block (max form: ⟨C, X⟩ is maximised).</summary>
    public double[] C { get; }

    /// <summary>The primal iterate X (in the cone's interior).</summary>
    public double[] X { get; }

    /// <summary>The dual slack Z (in the cone's interior; fixed at zero on free blocks).</summary>
    public double[] Z { get; }

    /// <summary>The dual residual R_d = Aᵀy − C − Z.</summary>
    public double[] Rd { get; }

    /// <summary>The complementarity right-hand side R of ΔX + H(ΔZ) = R (<see cref="ComplementarityRhs"/>).</summary>
    public double[] R { get; }

    /// <summary>The primal direction ΔX.</summary>
    public double[] DX { get; }

    /// <summary>The dual direction ΔZ.</summary>
    public double[] DZ { get; }

    /// <summary>The predictor's (affine) ΔX_a, kept for the corrector's second-order term.</summary>
    public double[] DXa { get; }

    /// <summary>The predictor's (affine) ΔZ_a, kept for the corrector's second-order term.</summary>
    public double[] DZa { get; }

    /// <summary>Scratch of the interior-point state (right-hand sides, H products, the candidate points of a
    /// step).</summary>
    public double[] Work { get; }
}
