using Complex = System.Numerics.Complex;
using Isac.Physics.Sensing;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Crb;

/// <summary>The Fisher information and CRB of every BS of a network for one stacked transmit covariance.</summary>
public static class NetworkCrb
{
    /// <summary>
    /// F_m and CRB_m for m = 0 … J−1. CBF: BS m's FIM at its own block R_Xm with C_m from the other
    /// blocks (off-diagonal blocks ignored). CoMP: every BS's FIM at the full stacked R_X.
    /// </summary>
    /// <param name="scene">The sensing geometry.</param>
    /// <param name="mode">The coordination mode.</param>
    /// <param name="stackedCovariance">R_X of all BSs stacked, (J·Ntx)×(J·Ntx) Hermitian PSD.</param>
    /// <exception cref="SingularFisherInformationException">Some BS's FIM is singular; the message names the BS (1-based).</exception>
    public static IReadOnlyList<CramerRaoBoundResult> Evaluate(SensingScene scene, CoordinationMode mode, Matrix<Complex> stackedCovariance)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var results = new CramerRaoBoundResult[scene.Cells];
        for (int m = 0; m < scene.Cells; m++)
        {
            var map = FisherInformation.ForMode(scene, mode, m, stackedCovariance);
            var r = FisherInformation.Variable(scene, mode, m, stackedCovariance);
            if (!CramerRaoBound.TryEvaluate(map, r, out var result, out string? reason))
                throw new SingularFisherInformationException(null, $"BS {m + 1}: {reason}");
            results[m] = result!;
        }
        return results;
    }
}
