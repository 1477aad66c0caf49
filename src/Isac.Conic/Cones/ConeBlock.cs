namespace Isac.Conic.Cones;

/// <summary>
/// One block of the internal problem (always in the max form of (P)): its cone, its data and the
/// iterates on it. The interior-point loop only talks to blocks through this interface: residuals,
/// the scaling H (so that ΔX = R − H(ΔZ) linearises the centring condition), step lengths.
/// </summary>
/// <remarks>
/// Each block linearises X Z = σμ I (its own version) as ΔX + H(ΔZ) = R, with R the complementarity
/// right-hand side (predictor: R = −X; corrector, a correction δ added to the predictor: σμ and
/// Mehrotra's second-order term). With
/// ΔZ = Aᵀ Δy + R_d (R_d = Aᵀy − C − Z) and A(ΔX) = r_p = a − A(X) this gives the Schur system
/// M Δy = A(R − H(R_d)) − r_p, M_ij = ⟨A_i, H(A_j)⟩.
/// </remarks>
internal abstract class ConeBlock
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

    /// <summary>The global constraint rows that touch this block, ascending.</summary>
    public int[] Rows { get; }

    /// <summary>The barrier degree ν of the cone (n for PSD and LP, 1 per second-order cone).</summary>
    public abstract int Degree { get; }

    /// <summary>False for free variables, whose dual slack is fixed at zero and whose direction comes
    /// from the augmented Schur system rather than from ΔX = R − H(ΔZ).</summary>
    public virtual bool HasSlack => true;

    /// <summary>The dense kernels of the solve (set by the interior-point state; operations that take no
    /// kernels argument, such as <see cref="ApplyA"/>, use these).</summary>
    public Isac.Conic.LinearAlgebra.IDenseKernels Kernels { get; set; } = Isac.Conic.LinearAlgebra.ManagedKernels.Instance;

    public double[] C { get; }
    public double[] X { get; }
    public double[] Z { get; }
    public double[] Rd { get; }
    public double[] R { get; }
    public double[] DX { get; }
    public double[] DZ { get; }
    public double[] DXa { get; }
    public double[] DZa { get; }
    public double[] Work { get; }

    /// <summary>result[i] += ⟨A_i, v⟩ for the rows of this block.</summary>
    public abstract void ApplyA(ReadOnlySpan<double> v, Span<double> result);

    /// <summary>dest += Σ_i y_i A_i over the rows of this block.</summary>
    public abstract void AddAdjoint(ReadOnlySpan<double> y, Span<double> dest);

    /// <summary>X ← α·e, Z ← β·e (e the identity of the cone).</summary>
    public abstract void SetInitialPoint(double alpha, double beta);

    /// <summary>Factorises X and Z and computes the scaling; false if either is not interior.</summary>
    public abstract bool PrepareScaling(Isac.Conic.LinearAlgebra.IDenseKernels kernels);

    /// <summary>R ← the complementarity right-hand side: for the predictor σμ·(inverse) − X; for the
    /// corrector, which is computed as a correction to the predictor, only σμ·(inverse) minus
    /// Mehrotra's second-order term from DXa, DZa.</summary>
    /// <param name="sigmaMu">The centring target σμ (0 for the predictor).</param>
    /// <param name="corrector">Whether this is the corrector's correction.</param>
    /// <param name="kernels">The dense kernels.</param>
    /// <param name="affineDy">For the corrector, the predictor's Δy when its ΔZ_a is Σ Δy_i A_i alone (no
    /// dual residual in it), so that a block can use the structure of its data; else empty.</param>
    public abstract void ComplementarityRhs(double sigmaMu, bool corrector, ReadOnlySpan<double> affineDy, Isac.Conic.LinearAlgebra.IDenseKernels kernels);

    /// <summary>result ← H(v).</summary>
    public abstract void ApplyH(ReadOnlySpan<double> v, Span<double> result, Isac.Conic.LinearAlgebra.IDenseKernels kernels);

    /// <summary>result ← H(Σ_i y_i A_i + extra) (extra may be null). PSD blocks apply low-rank rows through
    /// the same X u and Z⁻¹ u products the Schur complement used, so that M and the direction agree.</summary>
    public virtual void ApplyHToAdjoint(ReadOnlySpan<double> y, double[]? extra, Span<double> result, Isac.Conic.LinearAlgebra.IDenseKernels kernels)
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
    public abstract double MaxStep(double[] d, bool primal, Isac.Conic.LinearAlgebra.IDenseKernels kernels, bool exact = false);

    /// <summary>True if v is strictly inside the cone (a Cholesky test for PSD); <paramref name="primal"/>
    /// says whether v is a candidate X or a candidate Z (a block may factorise the two differently).</summary>
    public abstract bool IsInterior(double[] v, bool primal, Isac.Conic.LinearAlgebra.IDenseKernels kernels);

    /// <summary>Called once the step whose candidates the last <see cref="IsInterior"/> calls tested has been
    /// taken (a PSD block keeps their factors for the next scaling).</summary>
    public virtual void AcceptStep() { }

    /// <summary>The smallest cone eigenvalue of v (λ_min for PSD, min entry for LP, x₀ − ‖x̄‖ for SOC), or
    /// any positive number when v is known to be interior (only the negative part is ever used).</summary>
    public abstract double MinEigenvalue(double[] v, Isac.Conic.LinearAlgebra.IDenseKernels kernels);

    /// <summary>Adds this block's Schur complement entries for global row j into row j of
    /// <paramref name="m"/> (M[j, i]), each pair {i, j} of the block once (by one of its two rows); the
    /// Schur complement then adds the two triangles. Only the thread forming row j writes there.</summary>
    public abstract void AddSchurColumn(int localJ, double[] m, int mSize, SchurScratch scratch, Isac.Conic.LinearAlgebra.IDenseKernels kernels);

    /// <summary>Per-iteration work before the Schur columns are formed (e.g. X u and Z⁻¹ u for low-rank data).</summary>
    public virtual void PrepareSchur(Isac.Conic.LinearAlgebra.IDenseKernels kernels, ParallelOptions parallel) { }

    /// <summary>norm2[i] += ‖A_i‖² on this block (Frobenius for PSD blocks).</summary>
    public abstract void AddRowNorms2(double[] norm2);

    /// <summary>The position of global row <paramref name="row"/> in <see cref="Rows"/>, or −1.</summary>
    public int LocalIndex(int row)
    {
        int k = Array.BinarySearch(Rows, row);
        return k >= 0 ? k : -1;
    }

    /// <summary>Σ a_k b_k over the stored values (the trace inner product for full PSD storage).</summary>
    public static double Dot(double[] a, double[] b) => Isac.Conic.LinearAlgebra.ManagedKernels.Dot(a, b);
}

/// <summary>Per-thread scratch space for forming Schur complement columns.</summary>
internal sealed class SchurScratch(int maxStored)
{
    public double[] T { get; } = new double[maxStored];
    public double[] G { get; } = new double[maxStored];
    public double[] XPanel { get; } = new double[maxStored];
}
