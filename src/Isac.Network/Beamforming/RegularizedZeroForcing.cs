using Complex = System.Numerics.Complex;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Network.Beamforming;

/// <summary>
/// Regularised zero forcing with equal power: V ∝ H(HᴴH + (Kσ²/P)I)⁻¹, each column scaled to
/// ‖v_k‖² = P/K. The starting point of the FP beamformers (it also works when K > N_t).
/// </summary>
public static class RegularizedZeroForcing
{
    /// <summary>The beams for channels h_k (K rows of N).</summary>
    public static Complex[][] Beams(IReadOnlyList<Complex[]> channels, double power, double noise)
    {
        int k = channels.Count;
        if (k == 0) return [];
        int n = channels[0].Length;
        var h = Matrix<Complex>.Build.Dense(n, k, (i, j) => channels[j][i]);
        var gram = h.ConjugateTranspose() * h;
        double reg = k * noise / power;
        for (int i = 0; i < k; i++) gram[i, i] += reg;
        var w = h * gram.Inverse();
        var beams = new Complex[k][];
        double target = Math.Sqrt(power / k);
        for (int j = 0; j < k; j++)
        {
            var col = w.Column(j);
            double norm = col.L2Norm();
            beams[j] = col.Select(c => norm > 0 ? c * (target / norm) : Complex.Zero).ToArray();
        }
        return beams;
    }
}
