using Complex = System.Numerics.Complex;
using Isac.Precoding.Network;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Design;

/// <summary>
/// The exact subspace reduction of paper A's designs (docs/derivations.md §6.9): every design sees BS n's precoders
/// only through the vectors of <see cref="SpanningVectors"/>, so an optimum lies in their span S_n and the convex
/// problems can be written in an orthonormal basis of S_n, with blocks of order d_n = dim S_n ≤ J·K + J + 1 instead
/// of Ntx.
/// </summary>
/// <remarks>
/// What would break the exactness, and is refused (<see cref="Plan"/> keeps the antennas and says why): a constraint
/// that sees W or x outside S_n, such as a per-antenna power constraint [W]_ii ≤ p (the diagonal of PWP is not bounded
/// by that of W), and an error set that is not a ball centred on the nominal channel (the projection of a ball is the
/// ball of S_n; that of an ellipsoid or a box is not the same set in S_n's coordinates). A design declares such
/// constraints in its registration (<see cref="DesignEntry.NotReducibleBecause"/>).
/// </remarks>
internal static class SubspaceReduction
{
    /// <summary>
    /// The coordinates of a run: the antennas when the reduction is off or refused, else a basis per BS whose
    /// d_n is below Ntx (a BS with d_n ≥ Ntx keeps its antennas: nothing to gain).
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="requested">The user's choice (<see cref="DesignSettings.SubspaceReduction"/>).</param>
    /// <param name="refusal">Why the design cannot be reduced exactly, or null.</param>
    public static (DesignSpace Space, ReductionReport Report) Plan(IsacNetwork network, bool requested, string? refusal)
    {
        ArgumentNullException.ThrowIfNull(network);
        int ntx = network.TransmitElements, j = network.Cells;
        var antennas = Enumerable.Repeat(ntx, j).ToArray();
        if (!requested) return (DesignSpace.Antennas(network), new ReductionReport(false, false, ntx, antennas, "off"));
        if (refusal is not null)
            return (DesignSpace.Antennas(network), new ReductionReport(true, false, ntx, antennas, $"not reduced: {refusal}"));
        var bases = new Matrix<Complex>?[j];
        var dims = new int[j];
        var kept = new List<string>();
        for (int n = 0; n < j; n++)
        {
            var basis = Basis(network, n);
            if (basis.ColumnCount < ntx)
            {
                bases[n] = basis;
                dims[n] = basis.ColumnCount;
            }
            else
            {
                dims[n] = ntx;
                kept.Add($"BS {n + 1}");
            }
        }
        string note = kept.Count == 0 ? "" : $"{string.Join(", ", kept)}: dim S ≥ Ntx = {ntx}, kept on the antennas";
        var space = DesignSpace.WithBases(network, bases);
        return (space, new ReductionReport(true, space.IsReduced, ntx, dims, note));
    }

    /// <summary>
    /// The vectors through which every design sees BS n's precoders, conjugated as the designs' forms use them
    /// (hᵀWh* = gᴴWg, hᵀx = gᴴx with g = h*): h*_{n,mk} of every user of every cell, v*(θ_nm) toward every target,
    /// and v̇*(θ_nn), the derivative toward its own target, the only one the Fisher information uses (CBF and CoMP).
    /// </summary>
    public static Vector<Complex>[] SpanningVectors(IsacNetwork network, int bs)
    {
        ArgumentNullException.ThrowIfNull(network);
        var vectors = new List<Vector<Complex>>();
        for (int m = 0; m < network.Cells; m++)
            for (int k = 0; k < network.UsersPerCell; k++)
                vectors.Add(network.Channels.PerBs(bs, m, k).Conjugate());
        for (int m = 0; m < network.Cells; m++) vectors.Add(network.Scene.TransmitResponse(bs, m).Conjugate());
        vectors.Add(network.Scene.TransmitResponseDerivative(bs, bs).Conjugate());
        return vectors.ToArray();
    }

    /// <summary>
    /// An orthonormal basis B_n (Ntx×d_n) of the span of <see cref="SpanningVectors"/>: the left singular vectors of
    /// the matrix of the unit-normalised vectors whose singular values exceed max(Ntx, q)·ε·σ₁ (the numerical rank).
    /// </summary>
    public static Matrix<Complex> Basis(IsacNetwork network, int bs)
    {
        var vectors = SpanningVectors(network, bs).Where(v => v.L2Norm() > 0).Select(v => v / v.L2Norm()).ToArray();
        int ntx = network.TransmitElements;
        if (vectors.Length == 0) return Matrix<Complex>.Build.Dense(ntx, 0);
        var a = Matrix<Complex>.Build.DenseOfColumnVectors(vectors);
        var svd = a.Svd(computeVectors: true);
        var s = svd.S;
        double tolerance = Math.Max(ntx, vectors.Length) * 2.220446049250313e-16 * s[0].Magnitude;
        int rank = 0;
        while (rank < s.Count && s[rank].Magnitude > tolerance) rank++;
        return svd.U.SubMatrix(0, ntx, 0, rank);
    }
}

/// <summary>The coordinates a design was solved in (docs/derivations.md §6.9).</summary>
/// <param name="Requested">The subspace reduction was asked for (the default).</param>
/// <param name="Applied">Some BS's problems were written in a basis smaller than its antennas.</param>
/// <param name="Antennas">Ntx.</param>
/// <param name="Dimensions">d_n of every BS: the order of its blocks in the convex problems (Ntx where not reduced).</param>
/// <param name="Note">Why not everything was reduced (<c>off</c>, a refusal, BSs kept on the antennas), or empty.</param>
public sealed record ReductionReport(bool Requested, bool Applied, int Antennas, IReadOnlyList<int> Dimensions, string Note)
{
    /// <summary>One line: <c>reduced: BS 1 9 of 64, BS 2 9 of 64</c>, or why not.</summary>
    public string Summary()
    {
        string dims = string.Join(", ", Dimensions.Select((d, n) => $"BS {n + 1} {d} of {Antennas}"));
        if (!Requested) return $"off (problems on the antennas: {dims})";
        if (!Applied) return $"{(Note.Length > 0 ? Note : "not reduced")} ({dims})";
        return Note.Length > 0 ? $"reduced: {dims}; {Note}" : $"reduced: {dims}";
    }
}
