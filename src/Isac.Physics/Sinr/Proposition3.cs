using Complex = System.Numerics.Complex;
using Isac.Physics.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Sinr;

/// <summary>
/// Paper A's Proposition 3, implemented as printed (eqs. (22)-(23), (31)-(32) for CBF, (39)-(40)
/// for CoMP): the "robust" SINR the paper's designs guarantee. Not a true worst case (paper notes,
/// erratum 4): compare with <see cref="WorstCaseSinr"/>.
/// </summary>
/// <remarks>
/// <para>With Q = h* hᵀ, a stream covariance W and the error radius ρ (δ in CBF, √J·δ in CoMP):
/// (22) min_e |h̃ᵀw|² is taken as tr(Q W) = hᵀ W h*, the nominal power (the true minimum for
/// rank-one W is (|hᵀw| − ρ‖w‖)₊²); (23) max_e |h̃ᵀw|² ≤ tr(Q W) + ρ² tr(W) + ρ‖hᵀW‖ + ρ‖W h*‖,
/// which for W = w wᴴ equals (|hᵀw| + ρ‖w‖)², the true maximum of each term.</para>
/// <para>In the stacked space with error map T the norms are ‖hᵀ W T‖, ‖Tᵀ W h*‖ and tr(Tᵀ W T); for
/// CBF streams (W confined to BS n's block, T = [I; …; I]) they are exactly the paper's
/// ‖h_{n,mk}ᵀ W_nl‖, ‖W_nl h_{n,mk}*‖ and tr(W_nl).</para>
/// </remarks>
public static class Proposition3
{
    /// <summary>Eq. (22) as printed: tr(Q W) = hᵀ W h*.</summary>
    public static double SignalMinimumAsPrinted(Vector<Complex> channel, Matrix<Complex> stream)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(stream);
        return UserSinrProblem.Power(channel, stream);
    }

    /// <summary>Eq. (23)/(40): tr(Q W) + ρ² tr(TᵀWT) + ρ‖hᵀWT‖ + ρ‖TᵀWh*‖.</summary>
    public static double InterferenceMaximum(Vector<Complex> channel, Matrix<Complex> stream, Matrix<Complex> errorMap, double radius)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(errorMap);
        double nominal = UserSinrProblem.Power(channel, stream);
        var tT = errorMap.Transpose();
        double traceTerm = (tT * stream * errorMap).Trace().Real;
        double left = (stream.Transpose() * channel).ToRowMatrix().Multiply(errorMap).Row(0).L2Norm(); // ‖hᵀ W T‖
        double right = (tT * (stream * channel.Conjugate())).L2Norm();                                   // ‖Tᵀ W h*‖
        return nominal + radius * radius * traceTerm + radius * left + radius * right;
    }

    /// <summary>
    /// The SINR bound of eq. (21) as the paper uses it: (22) over σ_C² plus (23) for every
    /// interfering stream.
    /// </summary>
    public static double Sinr(UserSinrProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        double signal = SignalMinimumAsPrinted(problem.Channel, problem.Signal);
        double interference = problem.Interference.Sum(s => InterferenceMaximum(problem.Channel, s, problem.ErrorMap, problem.ErrorRadius));
        return signal / (interference + problem.NoiseVariance);
    }
}
