using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Physics.Channels;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Uncertainty;

/// <summary>
/// Paper A's bounded CSI error of one user, h̃ = h + T·e with e in a ball of radius ρ.
/// </summary>
/// <remarks>
/// <para>CBF (eq. (1)): one error e_mk ∈ C^Ntx with ‖e_mk‖ ≤ δ is added to the channel from every
/// BS to user mk, so in the stacked space T = [I; …; I] (J·Ntx×Ntx) and ρ = δ.</para>
/// <para>CoMP (eq. (3)): the stacked error e_k ∈ C^{J·Ntx} has ‖e_k‖² ≤ J·δ², so T = I and ρ = √J·δ.</para>
/// <para>Both are kept as the paper states them (paper notes, erratum 10).</para>
/// </remarks>
/// <param name="Mode">The coordination mode, which fixes the shape of the error set.</param>
/// <param name="Delta">δ ≥ 0, the paper's per-BS error radius.</param>
public sealed record CsiErrorModel(CoordinationMode Mode, double Delta)
{
    /// <summary>Validates δ.</summary>
    public double Delta { get; } = Delta >= 0 && double.IsFinite(Delta)
        ? Delta
        : throw new ArgumentOutOfRangeException(nameof(Delta), Delta, "δ must be finite and non-negative");

    /// <summary>ρ: δ (CBF) or √J·δ (CoMP).</summary>
    public double Radius(int cells) => Mode == CoordinationMode.Cbf ? Delta : Math.Sqrt(cells) * Delta;

    /// <summary>The length of e: Ntx (CBF) or J·Ntx (CoMP).</summary>
    public int ErrorDimension(int cells, int transmitElements) =>
        Mode == CoordinationMode.Cbf ? transmitElements : cells * transmitElements;

    /// <summary>T (J·Ntx × <see cref="ErrorDimension"/>, 0/1 entries): the stacked error is T·e.</summary>
    public Matrix<Complex> ErrorMap(int cells, int transmitElements)
    {
        int n = cells * transmitElements;
        if (Mode == CoordinationMode.Comp) return Matrix<Complex>.Build.DenseIdentity(n);
        return Matrix<Complex>.Build.Dense(n, transmitElements, (i, j) => i % transmitElements == j ? Complex.One : Complex.Zero);
    }

    /// <summary>The stacked error T·e.</summary>
    public Vector<Complex> ToStacked(Vector<Complex> error, int cells)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (Mode == CoordinationMode.Comp) return error.Clone();
        var s = Vector<Complex>.Build.Dense(cells * error.Count);
        for (int n = 0; n < cells; n++) s.SetSubVector(n * error.Count, error.Count, error);
        return s;
    }

    /// <summary>One random error e of one user (in e's own space), uniform in or on the ball of radius ρ.</summary>
    public Vector<Complex> Draw(int cells, int transmitElements, ErrorPlacement placement, DeterministicRandom random) =>
        ComplexBall.Sample(ErrorDimension(cells, transmitElements), Radius(cells), placement, random);

    /// <summary>
    /// The channels with an independent random error for every user (drawn in user order
    /// m = 0…J−1, k = 0…K−1): one realisation of the true channels h̃ around the estimate.
    /// </summary>
    public MultiCellChannels Perturb(MultiCellChannels nominal, ErrorPlacement placement, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(nominal);
        ArgumentNullException.ThrowIfNull(random);
        var errors = new Vector<Complex>[nominal.Cells, nominal.UsersPerCell];
        for (int m = 0; m < nominal.Cells; m++)
            for (int k = 0; k < nominal.UsersPerCell; k++)
                errors[m, k] = ToStacked(Draw(nominal.Cells, nominal.TransmitElements, placement, random), nominal.Cells);
        return nominal.WithStackedErrors((m, k) => errors[m, k]);
    }
}
