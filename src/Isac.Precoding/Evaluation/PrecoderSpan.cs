using Complex = System.Numerics.Complex;
using Isac.Physics.Channels;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Evaluation;

/// <summary>
/// Exact small coordinates for the SINR evaluation of block-level beamformers: an orthonormal basis Q (Ntx×q) of the
/// span of every BS block of every beamformer, the same for all BSs.
/// </summary>
/// <remarks>
/// <para>With w = Qw′ (every block lies in range Q), h′ = Qᵀh and e′ = Qᵀe: h′ᵀw′ = hᵀw and e′ᵀw′ = eᵀw, ‖e′‖ ≤ ‖e‖, and
/// every e′ of the ball of radius ρ in C^q is the image of an e of the ball in C^Ntx (take e = Q*e′). Every SINR term
/// (nominal, the exact worst case over the ball, Proposition 3's hᵀWh* + ρ² tr W + 2ρ‖Wh*‖ for W = PWP, P = QQᴴ)
/// depends on the error only through eᵀw, so it has the same value in these coordinates. Q is the same for all BSs, so
/// CBF's error (the same e on every BS's channel) and CoMP's stacked error both keep their shape. The basis comes from
/// the transmitted beamformers alone, not from the design's reduction (docs/derivations.md §6.9).</para>
/// <para>q ≤ J·(J·K): the evaluation's cost no longer grows with Ntx (at Ntx = 128 the worst-case SINR of six users took
/// 12 s on the antennas).</para>
/// </remarks>
internal sealed record PrecoderSpan(Matrix<Complex> Basis, MultiCellChannels Channels, IReadOnlyList<Vector<Complex>> Beamformers)
{
    /// <summary>The span coordinates, or null when they would not be smaller than the antennas.</summary>
    public static PrecoderSpan? Of(MultiCellChannels channels, IReadOnlyList<Vector<Complex>> beamformers)
    {
        int ntx = channels.TransmitElements, j = channels.Cells;
        var blocks = new List<Vector<Complex>>();
        foreach (var w in beamformers)
            for (int n = 0; n < j; n++)
            {
                var b = w.SubVector(n * ntx, ntx);
                double norm = b.L2Norm();
                if (norm > 0) blocks.Add(b / norm);
            }
        if (blocks.Count == 0 || blocks.Count >= ntx) return null;
        var svd = Matrix<Complex>.Build.DenseOfColumnVectors(blocks).Svd(computeVectors: true);
        double tolerance = Math.Max(ntx, blocks.Count) * 2.220446049250313e-16 * svd.S[0].Magnitude;
        int rank = 0;
        while (rank < svd.S.Count && svd.S[rank].Magnitude > tolerance) rank++;
        if (rank >= ntx) return null;
        var q = svd.U.SubMatrix(0, ntx, 0, rank);
        var h = new Vector<Complex>[j, j, channels.UsersPerCell];
        for (int n = 0; n < j; n++)
            for (int m = 0; m < j; m++)
                for (int k = 0; k < channels.UsersPerCell; k++)
                    h[n, m, k] = q.TransposeThisAndMultiply(channels.PerBs(n, m, k));
        var reduced = beamformers.Select(w =>
        {
            var r = Vector<Complex>.Build.Dense(j * rank);
            for (int n = 0; n < j; n++) r.SetSubVector(n * rank, rank, q.ConjugateTransposeThisAndMultiply(w.SubVector(n * ntx, ntx)));
            return r;
        }).ToArray();
        return new PrecoderSpan(q, new MultiCellChannels(h), reduced);
    }
}
