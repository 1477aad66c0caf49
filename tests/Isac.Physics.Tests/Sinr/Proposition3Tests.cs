using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Physics.Sinr;
using Isac.Physics.Uncertainty;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Tests.Sinr;

public class Proposition3Tests
{
    [Fact]
    public void InterferenceMaximum_RankOne_EqualsSquaredTriangleBoundAndTheTrueMaximum()
    {
        // (23) for W = w wᴴ is (|hᵀw| + ρ‖w‖)², which is max_{‖e‖≤ρ} |(h+e)ᵀw|² (erratum 4).
        var random = new DeterministicRandom(70);
        var h = RandomCases.GaussianVector(5, random);
        var w = RandomCases.GaussianVector(5, random);
        var t = Matrix<Complex>.Build.DenseIdentity(5);
        double bound = Proposition3.InterferenceMaximum(h, w.OuterProduct(w.Conjugate()), t, 0.3);
        double expected = Math.Pow(SinrCases.T(h, w).Magnitude + 0.3 * w.L2Norm(), 2);
        Assert.Equal(expected, bound, 1e-10 * expected);
        // The true maximum, found by the trust-region solver on −|h̃ᵀw|².
        var single = new UserSinrProblem(h, t, 0.3, Matrix<Complex>.Build.Dense(5, 5), [w.OuterProduct(w.Conjugate())], 1.0);
        Assert.Equal(expected + 1.0, WorstCaseSinr.DenominatorMaximum(single).Power, 1e-9 * expected);
    }

    [Fact]
    public void Sinr_Cbf_EqualsEquations21To32WrittenOutPerBs()
    {
        var random = new DeterministicRandom(71);
        var (h, w) = SinrCases.Cbf(cells: 2, users: 3, ntx: 4, random);
        const double delta = 0.07, noise = 0.2;
        var streams = TransmitStreams.FromCbfPrecoders(w);
        for (int m = 0; m < 2; m++)
            for (int k = 0; k < 3; k++)
            {
                var problem = UserSinrProblem.ForUser(h, streams, new CsiErrorModel(CoordinationMode.Cbf, delta), m, k, noise);
                // (31)/(32) per term: tr(Q W) + δ‖hᵀW‖ + δ‖W h*‖ + δ² tr(W), W = w wᴴ with the per-BS channel.
                double Term(int n, int l)
                {
                    var hn = h.PerBs(n, m, k);
                    var wl = w[n].Column(l);
                    var wm = wl.OuterProduct(wl.Conjugate());
                    return SinrCases.T(hn, wl).MagnitudeSquared()
                        + delta * (wm.Transpose() * hn).L2Norm() + delta * (wm * hn.Conjugate()).L2Norm()
                        + delta * delta * wm.Trace().Real;
                }
                double denominator = noise;
                for (int n = 0; n < 2; n++)
                    for (int l = 0; l < 3; l++)
                        if (n != m || l != k) denominator += Term(n, l);
                double expected = SinrCases.T(h.PerBs(m, m, k), w[m].Column(k)).MagnitudeSquared() / denominator;
                Assert.Equal(expected, Proposition3.Sinr(problem), Tolerances.ClosedForm * expected);
            }
    }

    [Fact]
    public void Sinr_Comp_UsesSqrtJDeltaAndJDeltaSquared()
    {
        var random = new DeterministicRandom(72);
        var (h, w) = SinrCases.Comp(cells: 2, users: 2, ntx: 3, random);
        const double delta = 0.05, noise = 0.4;
        var problem = UserSinrProblem.ForUser(h, TransmitStreams.FromCompPrecoder(w, 2), new CsiErrorModel(CoordinationMode.Comp, delta), 1, 0, noise);
        int k = h.GlobalUser(1, 0);
        var hk = h.Stacked(k);
        double denominator = noise;
        for (int l = 0; l < 4; l++)
        {
            if (l == k) continue;
            var wl = w.Column(l);
            var wm = wl.OuterProduct(wl.Conjugate());
            // (40): tr(Q_k W_l) + Jδ² tr(W_l) + √J δ ‖h_kᵀ W_l‖ + √J δ ‖W_l h_k*‖
            denominator += SinrCases.T(hk, wl).MagnitudeSquared() + 2 * delta * delta * wm.Trace().Real
                + Math.Sqrt(2) * delta * ((wm.Transpose() * hk).L2Norm() + (wm * hk.Conjugate()).L2Norm());
        }
        double expected = SinrCases.T(hk, w.Column(k)).MagnitudeSquared() / denominator;
        Assert.Equal(expected, Proposition3.Sinr(problem), Tolerances.ClosedForm * expected);
    }
}
