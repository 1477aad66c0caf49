namespace Isac.Conic.Problem;

/// <summary>One block of the variable X: its cone and its size.</summary>
/// <param name="Kind">Which cone the block lives in.</param>
/// <param name="Size">The order n of a PSD block (X is n×n), or the length of a vector block.</param>
public readonly record struct Cone(ConeKind Kind, int Size)
{
    /// <summary>An n×n positive semidefinite block.</summary>
    public static Cone Psd(int order) => new(ConeKind.PositiveSemidefinite, order);

    /// <summary>A nonnegative orthant (LP) block of the given length.</summary>
    public static Cone Nonnegative(int length) => new(ConeKind.Nonnegative, length);

    /// <summary>A second-order cone {(x₀, x̄) : ‖x̄‖ ≤ x₀} of the given length (x₀ included).</summary>
    public static Cone SecondOrder(int length) => new(ConeKind.SecondOrder, length);

    /// <summary>A block of free (unconstrained) variables.</summary>
    public static Cone Free(int length) => new(ConeKind.Free, length);

    /// <summary>True for a PSD block, whose data are symmetric matrices; false for vector blocks.</summary>
    public bool IsMatrix => Kind == ConeKind.PositiveSemidefinite;

    /// <summary>Number of stored values of this block: n² for a PSD block (full, row-major), n otherwise.</summary>
    public int StoredLength => IsMatrix ? Size * Size : Size;

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ConeKind.PositiveSemidefinite => $"psd({Size})",
        ConeKind.Nonnegative => $"lp({Size})",
        ConeKind.SecondOrder => $"soc({Size})",
        _ => $"free({Size})",
    };
}
