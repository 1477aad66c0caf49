using Complex = System.Numerics.Complex;
using Isac.Modeling;
using Isac.Modeling.Expressions;
using Isac.Modeling.Solutions;
using Isac.Precoding.Design;
using Isac.Precoding.Network;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Tests.Blp;

/// <summary>
/// Paper A: "for a given γ, ρ = 1, δ = 0, J = 1 setting, (P1) and (P2) are equivalent to the BLP design
/// formulation, Eq. (18), of [11]" (Liu et al., IEEE TSP 2022). The reference here is Liu et al.'s problem
/// written independently in the test: maximise the angle's Schur complement s subject to
/// [[tr(ȦᴴȦR) − s, tr(ȦᴴAR)], [tr(AᴴȦR), tr(AᴴAR)]] ⪰ 0 (A = a vᵀ), the SINR constraints and the power, so
/// CRB(θ) = σ_R²/(2|α|²L·s*).
/// </summary>
public class LiuSingleCellTests
{
    [Theory]
    [InlineData(PrecodingScheme.BlpCbf)]
    [InlineData(PrecodingScheme.BlpComp)]
    public void SingleCellExactDesign_RelaxationEqualsLiuEtAlOptimum(PrecodingScheme scheme)
    {
        var network = TestNetworks.SingleCell.Build(5);
        double gammaDb = 10;
        var result = RobustPrecoder.Design(network, TestNetworks.Settings(scheme, gammaDb, 0, RobustnessModel.Exact));

        Assert.Equal(DesignStatus.Solved, result.Status);
        double liu = LiuCrb(network, gammaDb);
        double ours = Crb(result.RelaxationRcrbDeg[0]);
        Assert.Equal(1, ours / liu, Tolerances.Optimum);
        // The transmitted beamformers cannot beat the relaxation.
        Assert.True(Crb(result.RcrbDeg[0]) >= liu * (1 - Tolerances.Optimum));
    }

    [Fact]
    public void SingleCellSingleUserPaperModel_AlgorithmOneReachesLiuEtAlOptimum()
    {
        // With one user there is no intra-cell interference; (P1.B) drives the cap to its floor and the next
        // (P1.A) is Liu et al.'s problem.
        var network = (TestNetworks.SingleCell with { UsersPerCell = 1 }).Build(6);
        var result = RobustPrecoder.Design(network, TestNetworks.Settings(PrecodingScheme.BlpCbf, 10));

        Assert.Equal(DesignStatus.Solved, result.Status);
        Assert.Equal(1, Crb(result.RelaxationRcrbDeg[0]) / LiuCrb(network, 10), Tolerances.Optimum);
    }

    [Fact]
    public void SingleCellPaperModel_NeverBeatsLiuEtAlOptimum()
    {
        // (33)-(35) with one cap for all users restrict (19c), so the paper's design is at best Liu et al.'s.
        var network = TestNetworks.SingleCell.Build(5);
        var result = RobustPrecoder.Design(network, TestNetworks.Settings(PrecodingScheme.BlpCbf, 10));

        Assert.Equal(DesignStatus.Solved, result.Status);
        Assert.True(Crb(result.RelaxationRcrbDeg[0]) >= LiuCrb(network, 10) * (1 - Tolerances.Optimum));
    }

    private static double Crb(double rcrbDeg) => Math.Pow(rcrbDeg * Math.PI / 180, 2);

    /// <summary>Liu et al.'s (18) for the single cell, in units of P_t (the reference of this test).</summary>
    private static double LiuCrb(IsacNetwork network, double gammaDb)
    {
        var scene = network.Scene;
        var a = scene.ReceiveResponse(0);
        var v = scene.TransmitResponse(0, 0);
        var aMatrix = a.OuterProduct(v);
        var aDot = scene.ReceiveResponseDerivative(0).OuterProduct(v) + a.OuterProduct(scene.TransmitResponseDerivative(0, 0));
        var dd = aDot.ConjugateTranspose() * aDot;
        var da = aDot.ConjugateTranspose() * aMatrix;
        var aa = aMatrix.ConjugateTranspose() * aMatrix;
        double scale = 1 / dd.Diagonal().Sum().Real;
        var model = new Model("liu");
        int k = network.UsersPerCell, n = network.TransmitElements;
        var w = Enumerable.Range(0, k).Select(u => model.HermitianPsd($"W{u}", n)).ToArray();
        var r = Expr.Sum(w);
        var s = model.RealScalar("s");
        Expression Tr(Matrix<Complex> c) => Expr.Trace(Expr.Constant(c * scale) * r);
        var lmi = new Expression?[2, 2]
        {
            { Tr(dd) - s, Tr(da) },
            { Tr(da.ConjugateTranspose()), Tr(aa) },
        };
        model.Add(Expr.Psd(Expr.Block(lmi)));
        double gamma = Math.Pow(10, gammaDb / 10), noise = network.CommNoiseVariance / network.TransmitPower;
        for (int u = 0; u < k; u++)
        {
            var g = Expr.Constant(network.Channels.PerBs(0, 0, u).Conjugate());
            var others = Enumerable.Range(0, k).Where(l => l != u).Select(l => Expr.QuadForm(g, w[l])).ToArray();
            var signal = Expr.QuadForm(g, w[u]) * (1 / gamma);
            model.Add((others.Length == 0 ? signal : signal - Expr.Sum(others)) >= noise);
        }
        model.Add(Expr.Sum(w.Select(x => x.Trace())) <= 1.0);
        model.Maximize(s);
        var solution = model.Solve();
        Assert.Equal(ModelStatus.Optimal, solution.Status);
        double schur = solution.Scalar(s) / scale * network.TransmitPower;
        double alpha2 = Math.Pow(scene.Reflection(0, 0).Magnitude, 2);
        return scene.RadarNoiseVariance / (2 * alpha2 * scene.FrameLength * schur);
    }
}
