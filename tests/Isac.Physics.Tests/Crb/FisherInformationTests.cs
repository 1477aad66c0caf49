using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Physics.Crb;
using Isac.Physics.Numerics;
using Isac.Physics.Sensing;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Tests.Crb;

public class FisherInformationTests
{
    [Theory]
    [InlineData(1UL, 2, 4, 5, 12)]
    [InlineData(2UL, 3, 3, 6, 8)]
    [InlineData(3UL, 2, 6, 2, 10)]
    [InlineData(4UL, 1, 5, 4, 7)]
    public void Cbf_MatchesSlepianBangsWithNumericalDerivative(ulong seed, int cells, int ntx, int nrx, int frameLength)
    {
        var random = new DeterministicRandom(seed);
        var scene = RandomCases.Scene(cells, ntx, nrx, frameLength, random);
        var x = RandomCases.Symbols(scene, random);
        var perBs = x.Select(TransmitCovariance.FromSymbols).ToArray();
        for (int m = 0; m < cells; m++)
        {
            var expected = SlepianBangs.Cbf(scene, m, x);
            var actual = FisherInformation.Cbf(scene, m, perBs).Evaluate(perBs[m]);
            Assert.True(RandomCases.ScaledDifference(expected, actual) < Tolerances.FiniteDifference,
                $"BS {m}: expected {expected}, got {actual}");
        }
    }

    [Theory]
    [InlineData(5UL, 2, 4, 5, 12)]
    [InlineData(6UL, 3, 3, 4, 9)]
    [InlineData(7UL, 2, 2, 6, 5)]
    public void Comp_MatchesSlepianBangsWithNumericalDerivative(ulong seed, int cells, int ntx, int nrx, int frameLength)
    {
        var random = new DeterministicRandom(seed);
        var scene = RandomCases.Scene(cells, ntx, nrx, frameLength, random);
        var x = RandomCases.Symbols(scene, random);
        var stacked = TransmitCovariance.FromSymbols(RandomCases.Stack(x));
        for (int m = 0; m < cells; m++)
        {
            var expected = SlepianBangs.Comp(scene, m, x);
            var actual = FisherInformation.Comp(scene, m).Evaluate(stacked);
            Assert.True(RandomCases.ScaledDifference(expected, actual) < Tolerances.FiniteDifference,
                $"BS {m}: expected {expected}, got {actual}");
        }
    }

    [Fact]
    public void Cbf_WithGivenInterferenceCovariance_EqualsNetworkForm()
    {
        var random = new DeterministicRandom(8);
        var scene = RandomCases.Scene(3, 4, 5, 10, random);
        var perBs = RandomCases.Symbols(scene, random).Select(TransmitCovariance.FromSymbols).ToArray();
        var c = scene.InterferenceCovariance(1, perBs);
        var a = FisherInformation.Cbf(scene, 1, c).Evaluate(perBs[1]);
        var b = FisherInformation.Cbf(scene, 1, perBs).Evaluate(perBs[1]);
        Assert.True(RandomCases.ScaledDifference(a, b) < Tolerances.ClosedForm);
    }

    [Fact]
    public void SingleCell_CbfAndCompAgree()
    {
        var random = new DeterministicRandom(9);
        var scene = RandomCases.Scene(1, 5, 4, 10, random);
        var r = TransmitCovariance.FromSymbols(RandomCases.Symbols(scene, random)[0]);
        var cbf = FisherInformation.Cbf(scene, 0, [r]).Evaluate(r);
        var comp = FisherInformation.Comp(scene, 0).Evaluate(r);
        Assert.True(RandomCases.ScaledDifference(cbf, comp) < Tolerances.ClosedForm);
    }

    [Theory]
    [InlineData(10UL, 4, 5, 12)]
    [InlineData(11UL, 8, 3, 20)]
    [InlineData(12UL, 3, 6, 4)]
    public void SingleCell_CrbOfAngleEqualsLiuEtAlClosedForm(ulong seed, int ntx, int nrx, int frameLength)
    {
        // Liu, Liu, Li, Masouros, Eldar, "Cramér-Rao bound optimization for joint radar-communication
        // beamforming", IEEE TSP 70 (2022), point target: with A = a vᵀ and Ȧ = ∂A/∂θ,
        // CRB(θ) = σ_R² tr(AᴴA R) / (2|α|² L (tr(ȦᴴȦ R) tr(AᴴA R) − |tr(ȦᴴA R)|²)).
        var random = new DeterministicRandom(seed);
        var scene = RandomCases.Scene(1, ntx, nrx, frameLength, random);
        var r = TransmitCovariance.FromSymbols(RandomCases.Symbols(scene, random)[0]);
        var a = scene.ReceiveResponse(0);
        var v = scene.TransmitResponse(0, 0);
        var aMat = HermitianMatrix.Outer(a, v);
        var aDot = HermitianMatrix.Outer(scene.ReceiveResponseDerivative(0), v) + HermitianMatrix.Outer(a, scene.TransmitResponseDerivative(0, 0));
        double tAA = (aMat.ConjugateTranspose() * aMat * r).Trace().Real;
        double tDD = (aDot.ConjugateTranspose() * aDot * r).Trace().Real;
        double tDA = (aDot.ConjugateTranspose() * aMat * r).Trace().Magnitude;
        double alpha2 = scene.Reflection(0, 0).Magnitude * scene.Reflection(0, 0).Magnitude;
        double liu = scene.RadarNoiseVariance * tAA / (2 * alpha2 * frameLength * (tDD * tAA - tDA * tDA));

        double cbf = CramerRaoBound.Evaluate(FisherInformation.Cbf(scene, 0, [r]), r).Angle;
        double comp = CramerRaoBound.Evaluate(FisherInformation.Comp(scene, 0), r).Angle;
        Assert.Equal(1.0, cbf / liu, 9);
        Assert.Equal(1.0, comp / liu, 9);
    }

    [Theory]
    [InlineData(CoordinationMode.Cbf)]
    [InlineData(CoordinationMode.Comp)]
    public void Map_IsAffineWithHermitianCoefficients(CoordinationMode mode)
    {
        var random = new DeterministicRandom(13);
        var scene = RandomCases.Scene(2, 4, 5, 12, random);
        var stacked = TransmitCovariance.FromSymbols(RandomCases.Stack(RandomCases.Symbols(scene, random)));
        var map = FisherInformation.ForMode(scene, mode, 0, stacked);
        int dim = map.Dimension;
        Assert.Equal(mode == CoordinationMode.Cbf ? 4 : 8, dim);
        var r1 = FisherInformation.Variable(scene, mode, 0, stacked);
        var r2 = RandomCases.Hermitian(dim, random);
        for (int l = 0; l < 3; l++)
            for (int p = 0; p < 3; p++)
            {
                var b = map.Coefficient(l, p);
                Assert.True((b - b.ConjugateTranspose()).FrobeniusNorm() <= Tolerances.ClosedForm * b.FrobeniusNorm());
                Assert.True((b - map.Coefficient(p, l)).FrobeniusNorm() == 0);
            }
        var combined = map.Evaluate(r1 * 0.3 + r2 * 1.7);
        var separate = map.Evaluate(r1) * 0.3 + map.Evaluate(r2) * 1.7;
        Assert.True((combined - separate).FrobeniusNorm() <= Tolerances.ClosedForm * separate.FrobeniusNorm());
    }

    [Fact]
    public void Coefficient_TraceEqualsRealEmbeddingInnerProduct()
    {
        // The documented recipe for real-valued conic solvers: tr(B R) = ⟨B̂, R̂⟩ / 2 with
        // Ĥ = [Re H, −Im H; Im H, Re H].
        var random = new DeterministicRandom(14);
        var scene = RandomCases.Scene(2, 3, 4, 6, random);
        var map = FisherInformation.Comp(scene, 1);
        var r = RandomCases.Hermitian(map.Dimension, random);
        var b = map.Coefficient(SensingParameter.Angle, SensingParameter.AmplitudeImaginary);
        double embedded = Embed(b).PointwiseMultiply(Embed(r)).Enumerate().Sum() / 2;
        Assert.Equal(HermitianMatrix.TraceOfProduct(b, r).Real, embedded, 1e-9 * b.FrobeniusNorm() * r.FrobeniusNorm());
    }

    [Fact]
    public void CovarianceTerm_MatchesNumericalDerivativeOfInterferenceCovariance()
    {
        var random = new DeterministicRandom(15);
        var scene = RandomCases.Scene(2, 4, 5, 9, random);
        var perBs = RandomCases.Symbols(scene, random).Select(TransmitCovariance.FromSymbols).ToArray();
        var map = FisherInformation.Cbf(scene, 0, perBs, includeCovarianceTerm: true);

        // C(θ) rebuilt with the receive response at θ; ∂C/∂θ by central differences.
        Matrix<Complex> C(double theta)
        {
            var g = HermitianMatrix.Outer(scene.ReceiveArray.Response(theta), scene.TransmitResponse(1, 0)) * scene.Reflection(1, 0);
            return Matrix<Complex>.Build.DenseIdentity(5) * scene.RadarNoiseVariance + g * perBs[1] * g.ConjugateTranspose();
        }
        double t = scene.Angle(0, 0);
        const double h = 1e-5;
        var cDot = (C(t + h) - C(t - h)) / (2 * h);
        var k = C(t).Inverse() * cDot;
        double expected = scene.FrameLength * (k * k).Trace().Real;
        Assert.Equal(1.0, map.Constant[0, 0] / expected, 6);
        Assert.Equal(0.0, map.Constant[1, 1]);
        // The mean part is unchanged by the option.
        var without = FisherInformation.Cbf(scene, 0, perBs).Evaluate(perBs[0]);
        var with = map.Evaluate(perBs[0]);
        Assert.Equal(without[0, 1], with[0, 1]);
        Assert.Equal(without[0, 0] + map.Constant[0, 0], with[0, 0], 1e-9 * with[0, 0]);
    }

    [Theory]
    [InlineData(CoordinationMode.Cbf, SensingParameter.Angle)]
    [InlineData(CoordinationMode.Comp, SensingParameter.Angle)]
    [InlineData(CoordinationMode.Comp, SensingParameter.AmplitudeReal)]
    public void BoundGradient_MatchesFiniteDifferenceOfCrb(CoordinationMode mode, SensingParameter parameter)
    {
        var random = new DeterministicRandom(16);
        var scene = RandomCases.Scene(2, 4, 5, 12, random);
        var stacked = TransmitCovariance.FromSymbols(RandomCases.Stack(RandomCases.Symbols(scene, random)));
        var map = FisherInformation.ForMode(scene, mode, 1, stacked);
        var r = FisherInformation.Variable(scene, mode, 1, stacked);
        var direction = RandomCases.Hermitian(map.Dimension, random);
        double Bound(double s) => map.Evaluate(r + direction * s).Inverse()[(int)parameter, (int)parameter];
        const double h = 1e-5;
        double numeric = (Bound(h) - Bound(-h)) / (2 * h);
        double analytic = HermitianMatrix.TraceOfProduct(map.BoundGradient(r, parameter), direction).Real;
        Assert.Equal(1.0, analytic / numeric, 5);
    }

    private static Matrix<double> Embed(Matrix<Complex> h)
    {
        int n = h.RowCount;
        return Matrix<double>.Build.Dense(2 * n, 2 * n, (i, j) =>
        {
            var z = h[i % n, j % n];
            bool top = i < n, left = j < n;
            return top == left ? z.Real : (top ? -z.Imaginary : z.Imaginary);
        });
    }
}
