using Complex = System.Numerics.Complex;
using Isac.Physics.Sensing;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Experiments.PaperA;

/// <summary>
/// The single-cell point-target CRB of the angle in the closed form of Liu et al. (IEEE TSP 70, 2022,
/// "Cramér-Rao bound optimization for joint radar-communication beamforming"), computed here from the
/// array responses alone, independently of Isac.Physics' Fisher information code.
/// </summary>
/// <remarks>
/// With A = a(θ)v(θ)ᵀ (receive response a, transmit response v), Ȧ = ∂A/∂θ and the transmit covariance R,
/// CRB(θ) = σ_R² tr(AᴴAR) / (2|α|²L (tr(ȦᴴȦR)·tr(AᴴAR) − |tr(ȦᴴAR)|²)). Paper A claims its CRB reduces to
/// this for J = 1 (checked in Fig. 3's table, column <c>liu_rcrb_deg</c>).
/// </remarks>
internal static class LiuSingleCellCrb
{
    /// <summary>√CRB(θ_mm) in degrees for BS <paramref name="bs"/> alone with transmit covariance <paramref name="covariance"/> (Ntx²).</summary>
    public static double RootDegrees(SensingScene scene, int bs, Matrix<Complex> covariance)
    {
        var a = scene.ReceiveResponse(bs);
        var aDot = scene.ReceiveResponseDerivative(bs);
        var v = scene.TransmitResponse(bs, bs);
        var vDot = scene.TransmitResponseDerivative(bs, bs);
        var matrix = a.OuterProduct(v);
        var derivative = aDot.OuterProduct(v) + a.OuterProduct(vDot);
        double aa = (matrix.ConjugateTranspose() * matrix * covariance).Trace().Real;
        double dd = (derivative.ConjugateTranspose() * derivative * covariance).Trace().Real;
        Complex da = (derivative.ConjugateTranspose() * matrix * covariance).Trace();
        double alpha2 = scene.Reflection(bs, bs).Magnitude * scene.Reflection(bs, bs).Magnitude;
        double crb = scene.RadarNoiseVariance * aa / (2 * alpha2 * scene.FrameLength * (dd * aa - da.Magnitude * da.Magnitude));
        return Math.Sqrt(crb) * 180 / Math.PI;
    }
}
