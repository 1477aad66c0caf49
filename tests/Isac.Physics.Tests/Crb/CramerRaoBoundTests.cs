using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Physics.Arrays;
using Isac.Physics.Crb;
using Isac.Physics.Sensing;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Tests.Crb;

public class CramerRaoBoundTests
{
    [Fact]
    public void Evaluate_InverseTimesFisherIsIdentity()
    {
        var random = new DeterministicRandom(20);
        var scene = RandomCases.Scene(2, 4, 5, 12, random);
        var stacked = TransmitCovariance.FromSymbols(RandomCases.Stack(RandomCases.Symbols(scene, random)));
        foreach (var result in NetworkCrb.Evaluate(scene, CoordinationMode.Comp, stacked))
        {
            var product = result.Fisher * result.Bound;
            Assert.True((product - Matrix<double>.Build.DenseIdentity(3)).InfinityNorm() < Tolerances.ClosedForm * 1e2);
            Assert.Equal(Math.Sqrt(result.Angle) * 180 / Math.PI, result.RootAngleDegrees, 12);
        }
    }

    [Fact]
    public void Evaluate_TinyAmplitudeIsNotMistakenForSingular()
    {
        // |α|² L P / σ² = 1 with σ² = 1e-4 (paper A, Section VI): entries of F differ by orders of magnitude.
        var scene = Scene(new Complex(1e-3, 0), thetaDeg: -50, noise: 1e-4);
        var r = Matrix<Complex>.Build.DenseIdentity(4) / 4;
        var result = CramerRaoBound.Evaluate(FisherInformation.Cbf(scene, 0, [r]), r);
        Assert.True(double.IsFinite(result.Angle) && result.Angle > 0);
    }

    [Fact]
    public void Evaluate_NoPowerIsSingular()
    {
        var scene = Scene(Complex.One, thetaDeg: 20);
        var zero = Matrix<Complex>.Build.Dense(4, 4);
        var e = Assert.Throws<SingularFisherInformationException>(() => CramerRaoBound.Evaluate(FisherInformation.Cbf(scene, 0, [zero]), zero));
        Assert.Contains("singular", e.Message);
    }

    [Fact]
    public void Evaluate_PowerOrthogonalToTheTargetIsSingular()
    {
        // R = u uᴴ with vᵀu = 0: no power toward the target, so α gets no information.
        var scene = Scene(Complex.One, thetaDeg: 20);
        var v = scene.TransmitResponse(0, 0);
        var u = Vector<Complex>.Build.Dense(4);
        u[0] = v[1];
        u[1] = -v[0];
        var r = u.OuterProduct(u.Conjugate());
        var e = Assert.Throws<SingularFisherInformationException>(() => CramerRaoBound.Evaluate(FisherInformation.Cbf(scene, 0, [r]), r));
        Assert.Contains("Re α", e.Message);
    }

    [Fact]
    public void Evaluate_ZeroAmplitudeHasNoAngleInformation()
    {
        var scene = Scene(Complex.Zero, 20);
        var r = Matrix<Complex>.Build.DenseIdentity(4);
        var e = Assert.Throws<SingularFisherInformationException>(() => CramerRaoBound.Evaluate(FisherInformation.Comp(scene, 0), r));
        Assert.Contains("angle", e.Message);
    }

    [Theory]
    [InlineData(90.0)]
    [InlineData(-90.0)]
    public void Scene_EstimatedAngleAtEndfireIsRejected(double thetaDeg)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Scene(Complex.One, thetaDeg));
    }

    [Fact]
    public void NetworkCrb_NamesTheSingularBs()
    {
        var random = new DeterministicRandom(21);
        var scene = RandomCases.Scene(2, 3, 3, 5, random);
        var stacked = Matrix<Complex>.Build.Dense(6, 6);
        stacked.SetSubMatrix(0, 0, Matrix<Complex>.Build.DenseIdentity(3));
        var e = Assert.Throws<SingularFisherInformationException>(() => NetworkCrb.Evaluate(scene, CoordinationMode.Cbf, stacked));
        Assert.StartsWith("BS 2:", e.Message);
    }

    [Fact]
    public void FromFisher_RejectsRankDeficientMatrix()
    {
        var f = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 1, 0 }, { 1, 1, 0 }, { 0, 0, 1 } });
        Assert.Throws<SingularFisherInformationException>(() => CramerRaoBound.FromFisher(f));
    }

    private static SensingScene Scene(Complex alpha, double thetaDeg, double noise = 1.0) =>
        new(new UniformLinearArray(4, ArrayNormalization.Unnormalized), new UniformLinearArray(3, ArrayNormalization.Unnormalized),
            new[,] { { thetaDeg * Math.PI / 180 } }, new[,] { { alpha } }, noise, 8);
}
