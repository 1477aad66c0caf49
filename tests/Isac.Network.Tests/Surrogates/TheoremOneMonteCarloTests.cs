using Isac.Core.Numerics;
using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Network.Numerics;

namespace Isac.Network.Tests.Surrogates;

/// <summary>
/// Theorem 1 of paper B by Monte Carlo (erratum 3 of the paper notes). Under i.i.d. Rayleigh
/// channels h ~ CN(0, I) and beams of power P, with M scheduled users in the other cells and |S|
/// in user k's cell (orthogonal beams, so the leakages of different beams are independent, as the
/// proof assumes): the true ICI I_k, SLINR's leakage L̂_k (eq. (9)) and SALINR's average leakage
/// L̃ (eq. (10)) give E[(L̂−I)²] = 2MP² and E[(L̃−I)²] = MP²(1 + 1/|S|) (eqs. (46), (47)).
/// Note: the proof's eq. (42), L̃ ~ Gamma(M, P/√|S|), is wrong (the mean of |S| independent
/// Gamma(M, P) is Gamma(M|S|, P/|S|), variance MP²/|S|); (47) is right, and that is what is checked.
/// </summary>
public class TheoremOneMonteCarloTests
{
    private const int Antennas = 8, OtherCellUsers = 6;
    private const double Power = 1.0, Noise = 0.5;

    private sealed record Errors(double SlinrMse, double SalinrMse, double SlinrRateError, double SalinrRateError);

    private static Errors Simulate(int scheduledInCell, int samples, ulong seed)
    {
        var rng = new DeterministicRandom(seed);
        // Orthogonal beams of power P: scaled DFT columns.
        Complex[] Beam(int b) => Enumerable.Range(0, Antennas).Select(i => Complex.FromPolarCoordinates(Math.Sqrt(Power / Antennas), 2 * Math.PI * b * i / Antennas)).ToArray();
        var own = Enumerable.Range(0, scheduledInCell).Select(Beam).ToArray();
        var other = Enumerable.Range(0, OtherCellUsers).Select(t => Beam(t % Antennas)).ToArray();
        double mse1 = 0, mse2 = 0, r1 = 0, r2 = 0;
        for (int s = 0; s < samples; s++)
        {
            var hk = TestData.Gaussian(rng, Antennas);                       // BS ℓ → user k
            var incoming = TestData.Gaussian(rng, OtherCellUsers, Antennas);  // BS m → user k (one per interfering beam)
            var outgoing = TestData.Gaussian(rng, OtherCellUsers, Antennas);  // BS ℓ → users t_m
            double interference = 0;
            for (int t = 0; t < OtherCellUsers; t++) interference += ComplexVectors.AbsDotSquared(incoming[t], other[t]);
            var leak = own.Select(v => outgoing.Sum(g => ComplexVectors.AbsDotSquared(g, v))).ToArray();
            double slinr = leak[0], salinr = leak.Average();
            double signal = ComplexVectors.AbsDotSquared(hk, own[0]);
            double intra = own.Skip(1).Sum(v => ComplexVectors.AbsDotSquared(hk, v));
            double Rate(double ici) => Math.Log(1 + signal / (intra + ici + Noise));
            mse1 += (slinr - interference) * (slinr - interference);
            mse2 += (salinr - interference) * (salinr - interference);
            r1 += Math.Abs(Rate(slinr) - Rate(interference));
            r2 += Math.Abs(Rate(salinr) - Rate(interference));
        }
        return new Errors(mse1 / samples, mse2 / samples, r1 / samples, r2 / samples);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void InterferenceMse_MatchesEquations46And47(int scheduled)
    {
        const int samples = 40000;
        var e = Simulate(scheduled, samples, 2024);
        double m = OtherCellUsers, p2 = Power * Power;
        // Relative Monte Carlo error of a mean of squares of a difference of Gamma variables: a
        // few percent at 40 000 samples; 6 % is about four standard errors.
        Assert.InRange(e.SlinrMse / (2 * m * p2), 0.94, 1.06);
        Assert.InRange(e.SalinrMse / (m * p2 * (1 + 1.0 / scheduled)), 0.94, 1.06);
    }

    [Fact]
    public void SalinrRateError_IsBelowSlinrs_AndShrinksWithScheduledUsers()
    {
        var e2 = Simulate(2, 20000, 7);
        var e8 = Simulate(8, 20000, 7);
        Assert.True(e2.SalinrRateError < e2.SlinrRateError, $"|S|=2: SALINR {e2.SalinrRateError} vs SLINR {e2.SlinrRateError}");
        Assert.True(e8.SalinrRateError < e8.SlinrRateError, $"|S|=8: SALINR {e8.SalinrRateError} vs SLINR {e8.SlinrRateError}");
        Assert.True(e8.SalinrMse < e2.SalinrMse);
    }
}
