using System.Runtime.CompilerServices;
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
            var map = mode == CoordinationMode.Comp ? CompMaps(scene)[m] : FisherInformation.ForMode(scene, mode, m, stackedCovariance);
            var v = FisherInformation.Variable(scene, mode, m, stackedCovariance);
            r[m] = CramerRaoBound.TryEvaluate(map, v, out var result, out _) ? result!.RootAngleDegrees : double.NaN;
        }
        return r;
    }

    /// <summary>
    /// √CRB(θ_mm) in degrees for many candidate covariances of one network, for ranking them (beamformer recovery):
    /// CoMP's Fisher maps do not depend on the covariance and are built once; the bound is [F⁻¹]₀₀ of the 3×3 FIM,
    /// NaN unless F is positive definite (Cholesky). The reported metrics use <see cref="RcrbDeg"/> (whose singularity
    /// test costs O(N³) per call: at J·Ntx = 256 a third of a second).
    /// </summary>
    internal static Func<Matrix<Complex>, double[]> RcrbEvaluator(SensingScene scene, CoordinationMode mode)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var maps = mode == CoordinationMode.Comp ? CompMaps(scene) : null;
        return r => Enumerable.Range(0, scene.Cells).Select(m =>
        {
            var map = maps?[m] ?? FisherInformation.ForMode(scene, mode, m, r);
            return RootDegreesOfAngleBound(map.Evaluate(FisherInformation.Variable(scene, mode, m, r)));
        }).ToArray();
    }

    /// <summary>CoMP's Fisher map of every BS (<see cref="FisherInformation.Comp"/>), built once per scene: it does not depend on
    /// the covariance, and a design at J·Ntx = 256 evaluated it ten times (0.1 s each). The maps are immutable.</summary>
    internal static FisherInformationMap[] CompMaps(SensingScene scene) =>
        CompMapCache.GetValue(scene, s => Enumerable.Range(0, s.Cells).Select(m => FisherInformation.Comp(s, m)).ToArray());

    private static readonly ConditionalWeakTable<SensingScene, FisherInformationMap[]> CompMapCache = new();

    /// <summary>√[F⁻¹]₀₀ in degrees, NaN unless the 3×3 FIM is positive definite.</summary>
    private static double RootDegreesOfAngleBound(Matrix<double> fisher)
    {
        if (!(fisher[0, 0] > 0 && fisher[1, 1] > 0 && fisher[2, 2] > 0) || fisher.Enumerate().Any(v => !double.IsFinite(v))) return double.NaN;
        try
        {
            var inverse = fisher.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(3));
            return inverse[0, 0] > 0 ? RootDegrees(inverse[0, 0]) : double.NaN;
        }
        catch (ArgumentException)
        {
            return double.NaN;
        }
    }

    /// <summary>√CRB in degrees from CRB(θ) in rad².</summary>
    public static double RootDegrees(double crb) => Math.Sqrt(crb) * 180 / Math.PI;

    /// <summary>10·log10(x) (−∞ for 0, NaN for NaN).</summary>
    public static double Db(double x) => 10 * Math.Log10(x);
}
