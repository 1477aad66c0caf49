using Isac.Core.Random;
using Isac.Physics.Sinr;

namespace Isac.Physics.Tests.Sinr;

public class BlockSinrTests
{
    [Fact]
    public void Cbf_EqualsEquation20WrittenOutPerBs()
    {
        var random = new DeterministicRandom(50);
        var (h, w) = SinrCases.Cbf(cells: 3, users: 2, ntx: 4, random);
        const double noise = 0.1;
        var sinr = BlockSinr.All(h, TransmitStreams.FromCbfPrecoders(w), CoordinationMode.Cbf, noise);
        for (int m = 0; m < 3; m++)
            for (int k = 0; k < 2; k++)
            {
                // (20): |h_{m,mk}ᵀ w_mk|² / (Σ_{l≠k} |h_{m,mk}ᵀ w_ml|² + Σ_{n≠m} Σ_l |h_{n,mk}ᵀ w_nl|² + σ²)
                double signal = SinrCases.T(h.PerBs(m, m, k), w[m].Column(k)).MagnitudeSquared();
                double intra = Enumerable.Range(0, 2).Where(l => l != k).Sum(l => SinrCases.T(h.PerBs(m, m, k), w[m].Column(l)).MagnitudeSquared());
                double inter = Enumerable.Range(0, 3).Where(n => n != m)
                    .Sum(n => Enumerable.Range(0, 2).Sum(l => SinrCases.T(h.PerBs(n, m, k), w[n].Column(l)).MagnitudeSquared()));
                Assert.Equal(signal / (intra + inter + noise), sinr[h.GlobalUser(m, k)], Tolerances.ClosedForm);
            }
    }

    [Fact]
    public void Comp_EqualsEquation38c()
    {
        var random = new DeterministicRandom(51);
        var (h, w) = SinrCases.Comp(cells: 2, users: 3, ntx: 3, random);
        const double noise = 0.2;
        var sinr = BlockSinr.All(h, TransmitStreams.FromCompPrecoder(w, 2), CoordinationMode.Comp, noise);
        for (int k = 0; k < 6; k++)
        {
            double signal = SinrCases.T(h.Stacked(k), w.Column(k)).MagnitudeSquared();
            double interference = Enumerable.Range(0, 6).Where(l => l != k).Sum(l => SinrCases.T(h.Stacked(k), w.Column(l)).MagnitudeSquared());
            Assert.Equal(signal / (interference + noise), sinr[k], Tolerances.ClosedForm);
        }
    }

    [Fact]
    public void Cbf_RejectsJointTransmission()
    {
        var random = new DeterministicRandom(52);
        var (h, w) = SinrCases.Comp(cells: 2, users: 1, ntx: 2, random);
        Assert.Throws<ArgumentException>(() => BlockSinr.All(h, TransmitStreams.FromCompPrecoder(w, 2), CoordinationMode.Cbf, 1));
    }

    [Fact]
    public void Covariances_GiveTheSameSinrAsTheirBeamformers()
    {
        var random = new DeterministicRandom(53);
        var (h, w) = SinrCases.Cbf(cells: 2, users: 2, ntx: 3, random);
        var fromBeams = TransmitStreams.FromCbfPrecoders(w);
        var fromCov = TransmitStreams.FromCbfCovariances(
            w.Select(wm => (IReadOnlyList<MathNet.Numerics.LinearAlgebra.Matrix<System.Numerics.Complex>>)Enumerable.Range(0, 2)
                .Select(k => wm.Column(k).OuterProduct(wm.Column(k).Conjugate())).ToArray()).ToArray());
        var a = BlockSinr.All(h, fromBeams, CoordinationMode.Cbf, 0.3);
        var b = BlockSinr.All(h, fromCov, CoordinationMode.Cbf, 0.3);
        for (int u = 0; u < 4; u++) Assert.Equal(a[u], b[u], Tolerances.ClosedForm);
        Assert.True((fromBeams.TransmitCovariance() - fromCov.TransmitCovariance()).FrobeniusNorm() < 1e-12);
    }
}
