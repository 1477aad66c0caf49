using Complex = System.Numerics.Complex;
using Isac.Physics;
using Isac.Physics.Crb;
using Isac.Physics.Sensing;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Evaluation;

/// <summary>The sensing metric of paper A's figures: the root CRB of every BS's target angle, in degrees.</summary>
public static class SensingMetrics
{
    /// <summary>
    /// √CRB(θ_mm) in degrees for every BS m at the stacked covariance R_X (CBF: BS m's block with the
    /// interference of the other blocks; CoMP: all of it). NaN for a BS whose FIM is singular.
    /// </summary>
    public static double[] RcrbDeg(SensingScene scene, CoordinationMode mode, Matrix<Complex> stackedCovariance)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var r = new double[scene.Cells];
        for (int m = 0; m < scene.Cells; m++)
        {
            var map = FisherInformation.ForMode(scene, mode, m, stackedCovariance);
            var v = FisherInformation.Variable(scene, mode, m, stackedCovariance);
            r[m] = CramerRaoBound.TryEvaluate(map, v, out var result, out _) ? result!.RootAngleDegrees : double.NaN;
        }
        return r;
    }

    /// <summary>√CRB in degrees from CRB(θ) in rad².</summary>
    public static double RootDegrees(double crb) => Math.Sqrt(crb) * 180 / Math.PI;

    /// <summary>10·log10(x) (−∞ for 0, NaN for NaN).</summary>
    public static double Db(double x) => 10 * Math.Log10(x);
}
