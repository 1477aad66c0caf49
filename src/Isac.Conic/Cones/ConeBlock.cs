using Isac.Conic.Kkt;
using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Cones;

/// <summary>
/// One block of the internal problem (always in the max form of (P)): its cone, its data rows
/// (<c>ConeBlock.Rows.cs</c>), the iterate on it (<c>ConeBlock.Iterate.cs</c>) and its share of the Schur
/// complement (<see cref="Schur"/>, in Kkt/). The interior-point loop only talks to blocks through this
/// interface: residuals, the scaling H (so that ΔX = R − H(ΔZ) linearises the centring condition), step
/// lengths.
/// </summary>
/// <remarks>
/// Each block linearises X Z = σμ I (its own version) as ΔX + H(ΔZ) = R, with R the complementarity
/// right-hand side (predictor: R = −X; corrector, a correction δ added to the predictor: σμ and
/// Mehrotra's second-order term). With
/// ΔZ = Aᵀ Δy + R_d (R_d = Aᵀy − C − Z) and A(ΔX) = r_p = a − A(X) this gives the Schur system
/// M Δy = A(R − H(R_d)) − r_p, M_ij = ⟨A_i, H(A_j)⟩.
/// </remarks>
internal abstract partial class ConeBlock
{
    protected ConeBlock(int size, int storedLength, int[] rows)
    {
        Size = size;
        StoredLength = storedLength;
        Rows = rows;
        C = new double[storedLength];
        X = new double[storedLength];
        Z = new double[storedLength];
        Rd = new double[storedLength];
        R = new double[storedLength];
        DX = new double[storedLength];
        DZ = new double[storedLength];
        DXa = new double[storedLength];
        DZa = new double[storedLength];
        Work = new double[storedLength];
    }

    /// <summary>Order (PSD) or length (vector blocks).</summary>
    public int Size { get; }

    /// <summary>n² for PSD blocks, n for vector blocks.</summary>
    public int StoredLength { get; }

    /// <summary>The barrier degree ν of the cone (n for PSD and LP, 1 per second-order cone).</summary>
    public abstract int Degree { get; }

    /// <summary>False for free variables, whose dual slack is fixed at zero and whose direction comes
    /// from the augmented Schur system rather than from ΔX = R − H(ΔZ).</summary>
    public virtual bool HasSlack => true;

    /// <summary>The dense kernels of the solve (set by the interior-point state; operations that take no
    /// kernels argument, such as <see cref="ApplyA"/>, use these).</summary>
    public IDenseKernels Kernels { get; set; } = ManagedKernels.Instance;

    /// <summary>This block's Schur complement columns M_ij += ⟨A_i, H(A_j)⟩ (Kkt/), reading the scaling
    /// that <see cref="PrepareScaling"/> and <see cref="PrepareScaledData"/> left. Set by each cone's
    /// constructor; a field rather than a virtual property because it is read once per column and block
    /// (10⁵ times an iteration on truss).</summary>
    public BlockSchurColumns Schur { get; protected init; } = null!;

    /// <summary>X ← α·e, Z ← β·e (e the identity of the cone).</summary>
    public abstract void SetInitialPoint(double alpha, double beta);

    /// <summary>Factorises X and Z and computes the scaling; false if either is not interior.</summary>
    public abstract bool PrepareScaling(IDenseKernels kernels);

    /// <summary>Per-iteration products of the scaling with the data, after <see cref="PrepareScaling"/> and
    /// before the Schur columns (e.g. X u and Z⁻¹ u for low-rank rows): the Schur columns and the direction
    /// (<see cref="ApplyHToAdjoint"/>) both read them, so that M and the direction agree.</summary>
    public virtual void PrepareScaledData(IDenseKernels kernels, ParallelOptions parallel) { }

    /// <summary>R ← the complementarity right-hand side: for the predictor σμ·(inverse) − X; for the
    /// corrector, which is computed as a correction to the predictor, only σμ·(inverse) minus
    /// Mehrotra's second-order term from DXa, DZa.</summary>
    /// <param name="sigmaMu">The centring target σμ (0 for the predictor).</param>
    /// <param name="corrector">Whether this is the corrector's correction.</param>
    /// <param name="kernels">The dense kernels.</param>
    /// <param name="affineDy">For the corrector, the predictor's Δy when its ΔZ_a is Σ Δy_i A_i alone (no
    /// dual residual in it), so that a block can use the structure of its data; else empty.</param>
    public abstract void ComplementarityRhs(double sigmaMu, bool corrector, ReadOnlySpan<double> affineDy, IDenseKernels kernels);

    /// <summary>result ← H(v).</summary>
    public abstract void ApplyH(ReadOnlySpan<double> v, Span<double> result, IDenseKernels kernels);

    /// <summary>result ← H(Σ_i y_i A_i + extra) (extra may be null). PSD blocks apply low-rank rows through
    /// the same X u and Z⁻¹ u products the Schur complement used, so that M and the direction agree.</summary>
    public virtual void ApplyHToAdjoint(ReadOnlySpan<double> y, double[]? extra, Span<double> result, IDenseKernels kernels)
    {
        var v = extra is null ? new double[StoredLength] : (double[])extra.Clone();
        AddAdjoint(y, v);
        ApplyH(v, result, kernels);
    }

    /// <summary>Largest α with (X or Z) + α d in the cone (∞ if unbounded), using the factor from <see cref="PrepareScaling"/>.</summary>
    /// <param name="d">The direction (ΔX or ΔZ).</param>
    /// <param name="primal">Whether it moves X (else Z).</param>
    /// <param name="kernels">The dense kernels.</param>
    /// <param name="exact">Compute it exactly (a PSD block otherwise bounds it by Lanczos): asked for when a
    /// step from the estimate failed the interior test.</param>
    public abstract double MaxStep(double[] d, bool primal, IDenseKernels kernels, bool exact = false);

    /// <summary>True if v is strictly inside the cone (a Cholesky test for PSD); <paramref name="primal"/>
    /// says whether v is a candidate X or a candidate Z (a block may factorise the two differently).</summary>
    public abstract bool IsInterior(double[] v, bool primal, IDenseKernels kernels);

    /// <summary>Called once the step whose candidates the last <see cref="IsInterior"/> calls tested has been
    /// taken (a PSD block keeps their factors for the next scaling).</summary>
    public virtual void AcceptStep() { }

    /// <summary>The smallest cone eigenvalue of v (λ_min for PSD, min entry for LP, x₀ − ‖x̄‖ for SOC), or
    /// any positive number when v is known to be interior (only the negative part is ever used).</summary>
    public abstract double MinEigenvalue(double[] v, IDenseKernels kernels);

    /// <summary>Σ a_k b_k over the stored values (the trace inner product for full PSD storage).</summary>
    public static double Dot(double[] a, double[] b) => ManagedKernels.Dot(a, b);
}
