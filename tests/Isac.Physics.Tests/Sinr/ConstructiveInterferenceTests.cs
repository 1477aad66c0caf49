using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Physics.Channels;
using Isac.Physics.Sinr;
using Isac.Physics.Uncertainty;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Tests.Sinr;

public class ConstructiveInterferenceTests
{
    [Fact]
    public void Margin_SymbolOnItsConstellationPoint_IsDistanceTimesTanPsi()
    {
        // ŷ = A > 0 on the symbol's own axis: margin (A − √γ σ) tan(π/4) and achieved SINR (A/σ)².
        Assert.Equal(2.0 - 0.5 * Math.Sqrt(4.0), ConstructiveInterference.Margin(new Complex(2, 0), 0.5, 4.0, 4), 12);
        Assert.Equal(16.0, ConstructiveInterference.AchievedSinr(new Complex(2, 0), 0.5, 4), 12);
        // On the edge of the QPSK region (|Im| = Re): margin −√γσ, achieved 0.
        Assert.Equal(0.0, ConstructiveInterference.AchievedSinr(new Complex(1, 1), 0.5, 4), 12);
    }

    [Fact]
    public void Cbf_EqualsEquation49aWrittenOutPerBs()
    {
        var random = new DeterministicRandom(80);
        var (h, x, d) = Case(CoordinationMode.Cbf, random);
        const double noise = 0.3, gamma = 2.0;
        var result = ConstructiveInterference.Cbf(h, x, d, noise, gamma, 4);
        double t = Math.Tan(Math.PI / 4);
        for (int m = 0; m < 2; m++)
            for (int k = 0; k < 2; k++)
                for (int s = 0; s < 5; s++)
                {
                    int u = h.GlobalUser(m, k);
                    Complex y = h.PerBs(m, m, k).DotProduct(x[m].Column(s)) * Complex.Conjugate(d[u, s]);
                    double ici = h.PerBs(1 - m, m, k).DotProduct(x[1 - m].Column(s)).Magnitude;
                    // (49a): |Im ŷ| − Re ŷ tanψ + √γ √(σ² + ICI) tanψ ≤ 0, the margin is minus its left side.
                    double lhs = Math.Abs(y.Imaginary) - y.Real * t + Math.Sqrt(gamma) * Math.Sqrt(noise + ici * ici) * t;
                    Assert.Equal(-lhs, result.Margin[u, s], Tolerances.ClosedForm);
                    Assert.Equal(ConstructiveInterference.Margin(y, Math.Sqrt(noise + ici * ici), gamma, 4), result.Margin[u, s], Tolerances.ClosedForm);
                }
    }

    [Fact]
    public void RobustComp_IsAttainedByTheWorstErrorAndNeverUndercut()
    {
        var random = new DeterministicRandom(81);
        var (h, x, d) = Case(CoordinationMode.Comp, random);
        var errors = new CsiErrorModel(CoordinationMode.Comp, 0.05);
        double rho = errors.Radius(2);
        var robust = ConstructiveInterference.RobustMargins(h, x, d, errors, 0.3, 2.0, 4);
        var stacked = x[0];
        for (int u = 0; u < h.Users; u++)
            for (int s = 0; s < 5; s++)
            {
                // Worst error of each branch c ∈ {tanψ + j, tanψ − j}: e = −ρ·conj(c z)/(|c|‖z‖), z = x_s·d*.
                var z = stacked.Column(s) * Complex.Conjugate(d[u, s]);
                double worst = double.PositiveInfinity;
                foreach (var c in new[] { new Complex(1, 1), new Complex(1, -1) })
                {
                    var e = (z * c).Conjugate() * (-rho / (c.Magnitude * z.L2Norm()));
                    worst = Math.Min(worst, MarginAt(h, u, e, stacked, d, s));
                }
                Assert.Equal(worst, robust.Margin[u, s], 1e-10);
                for (int i = 0; i < 200; i++)
                {
                    var e = ComplexBall.Sample(h.StackedDimension, rho, ErrorPlacement.OnSurface, random);
                    Assert.True(MarginAt(h, u, e, stacked, d, s) >= robust.Margin[u, s] - 1e-12);
                }
            }
    }

    [Fact]
    public void RobustCbf_IsALowerBoundOnSampledMargins()
    {
        var random = new DeterministicRandom(82);
        var (h, x, d) = Case(CoordinationMode.Cbf, random);
        var errors = new CsiErrorModel(CoordinationMode.Cbf, 0.1);
        var robust = ConstructiveInterference.RobustMargins(h, x, d, errors, 0.3, 2.0, 4);
        var nominal = ConstructiveInterference.Cbf(h, x, d, 0.3, 2.0, 4);
        Assert.True(robust.MinimumMargin < nominal.MinimumMargin);
        for (int i = 0; i < 300; i++)
        {
            var perturbed = errors.Perturb(h, i % 2 == 0 ? ErrorPlacement.OnSurface : ErrorPlacement.InsideBall, random);
            var sample = ConstructiveInterference.Cbf(perturbed, x, d, 0.3, 2.0, 4);
            for (int u = 0; u < h.Users; u++)
                for (int s = 0; s < 5; s++)
                {
                    Assert.True(sample.Margin[u, s] >= robust.Margin[u, s] - 1e-12);
                    Assert.True(sample.AchievedSinr[u, s] >= robust.AchievedSinr[u, s] * (1 - 1e-12));
                }
        }
    }

    private static double MarginAt(MultiCellChannels h, int u, Vector<Complex> e, Matrix<Complex> x, Complex[,] d, int s)
    {
        Complex y = (h.Stacked(u) + e).DotProduct(x.Column(s)) * Complex.Conjugate(d[u, s]);
        return ConstructiveInterference.Margin(y, Math.Sqrt(0.3), 2.0, 4);
    }

    /// <summary>Two cells, two users each, five QPSK symbols; transmit vectors from matched-filter precoders.</summary>
    private static (MultiCellChannels, Matrix<Complex>[], Complex[,]) Case(CoordinationMode mode, DeterministicRandom random)
    {
        var h = ChannelGenerators.Rayleigh(2, 4, LinkGains.IntraInter(2, 1, 1.0 / 3), random);
        var d = new Complex[4, 5];
        for (int u = 0; u < 4; u++)
            for (int s = 0; s < 5; s++)
                d[u, s] = Complex.FromPolarCoordinates(1, Math.PI / 4 + Math.PI / 2 * random.NextInt(4));
        if (mode == CoordinationMode.Comp)
        {
            var x = Matrix<Complex>.Build.Dense(8, 5, (i, s) =>
                Enumerable.Range(0, 4).Aggregate(Complex.Zero, (acc, u) => acc + Complex.Conjugate(h.Stacked(u)[i]) * d[u, s]) / 4);
            return (h, [x], d);
        }
        var perBs = Enumerable.Range(0, 2).Select(n => Matrix<Complex>.Build.Dense(4, 5, (i, s) =>
            Enumerable.Range(0, 2).Aggregate(Complex.Zero, (acc, k) => acc + Complex.Conjugate(h.PerBs(n, n, k)[i]) * d[h.GlobalUser(n, k), s]) / 4)).ToArray();
        return (h, perBs, d);
    }
}
