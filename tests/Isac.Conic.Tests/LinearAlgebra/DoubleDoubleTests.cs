using System.Numerics;
using Isac.Conic.LinearAlgebra;

namespace Isac.Conic.Tests.LinearAlgebra;

/// <summary>
/// Double-double arithmetic against exact integer arithmetic: every double is an integer times a power
/// of two, so products, sums and the residuals of quotients and square roots are computed exactly with
/// <see cref="BigInteger"/> (values scaled by 2^Shift).
/// </summary>
public class DoubleDoubleTests
{
    private const int Shift = 1200;

    /// <summary>d·2^Shift exactly (|d| above 2^-1100).</summary>
    private static BigInteger Exact(double d)
    {
        if (d == 0)
        {
            return BigInteger.Zero;
        }
        long bits = BitConverter.DoubleToInt64Bits(d);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = (bits & ((1L << 52) - 1)) | (1L << 52);
        var v = new BigInteger(mantissa) << (exponent - 1075 + Shift);
        return d < 0 ? -v : v;
    }

    private static BigInteger Exact(DoubleDouble x) => Exact(x.Hi) + Exact(x.Lo);

    /// <summary>|a − b| / |b| for exact values of the same scale, as a double.</summary>
    private static double RelativeError(BigInteger a, BigInteger b) =>
        Math.Exp(BigInteger.Log(BigInteger.Abs(a - b) + 1) - BigInteger.Log(BigInteger.Abs(b)));

    private static IEnumerable<double> Numbers(int seed, int count)
    {
        var rng = new Random(seed);
        for (int k = 0; k < count; k++)
        {
            yield return (rng.NextDouble() + 0.1) * Math.Pow(10, rng.Next(-8, 9)) * (rng.Next(2) == 0 ? -1 : 1);
        }
    }

    [Fact]
    public void ProductOfTwoDoubles_IsExact()
    {
        foreach (var (a, b) in Numbers(1, 200).Zip(Numbers(2, 200)))
        {
            var p = new DoubleDouble(a) * new DoubleDouble(b);
            Assert.Equal(Exact(a) * Exact(b), Exact(p) << Shift);
        }
    }

    [Fact]
    public void SumsAndProducts_KeepAbout32Digits()
    {
        // Σ a_k b_k with heavy cancellation: the exact value is tiny against the terms.
        var a = Numbers(3, 300).ToArray();
        var b = Numbers(4, 300).ToArray();
        DoubleDouble sum = 0;
        BigInteger exact = BigInteger.Zero, magnitude = BigInteger.Zero;
        for (int k = 0; k < a.Length; k++)
        {
            var term = new DoubleDouble(a[k]) * new DoubleDouble(b[k]);
            sum += term;
            sum -= new DoubleDouble(a[k]) * (b[k] * 0.5);    // exact halving: the sum is Σ a_k b_k / 2
            exact += Exact(a[k]) * Exact(b[k]);
            magnitude += BigInteger.Abs(Exact(a[k]) * Exact(b[k]));
        }
        var twice = Exact(sum) << (Shift + 1);
        Assert.True(RelativeError(twice, exact) * Math.Exp(BigInteger.Log(BigInteger.Abs(exact)) - BigInteger.Log(magnitude)) < 1e-28,
            "the sum's error relative to its terms");
    }

    [Fact]
    public void QuotientAndSquareRoot_HaveResidualsBelow1e29()
    {
        foreach (var (a, b) in Numbers(5, 200).Zip(Numbers(6, 200)))
        {
            var x = new DoubleDouble(a) + new DoubleDouble(b) * 1e-17;   // a full double-double
            var y = new DoubleDouble(b);
            var q = x / y;
            // q·y − x exactly (q = hi + lo, y a double).
            var residual = (Exact(q) * Exact(b) >> Shift) - Exact(x);
            Assert.True(RelativeError(residual + Exact(x), Exact(x)) < 1e-29, $"{a}/{b}");
            var r = DoubleDouble.Sqrt(new DoubleDouble(Math.Abs(a)));
            var square = Exact(r) * Exact(r) >> Shift;
            Assert.True(RelativeError(square, Exact(Math.Abs(a))) < 1e-29, $"sqrt {a}");
        }
    }

    [Fact]
    public void Cholesky_SolvesAHilbertSystemToManyMoreDigitsThanDouble()
    {
        // The Hilbert matrix of order 12 has condition number ~1.7e16: a double solve loses every digit;
        // the double-double one keeps ~16.
        const int n = 12;
        var h = new DoubleDouble[n * n];
        var hd = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                h[i * n + j] = new DoubleDouble(1) / (i + j + 1);
                hd[i * n + j] = 1.0 / (i + j + 1);
            }
        }
        // b = H·1 in double-double, so the solution is 1 to the precision of H's entries.
        var b = new DoubleDouble[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                b[i] += h[i * n + j];
            }
        }
        var l = new DoubleDouble[n * n];
        Assert.True(DoubleDoubleDense.Cholesky(h, l, n));
        DoubleDoubleDense.CholeskySolve(l, n, b);
        double worst = b.Max(v => Math.Abs((double)(v - 1)));
        Assert.True(worst < 1e-12, $"double-double solve error {worst:E2}");
        var cd = (double[])hd.Clone();
        var bd = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(j => hd[i * n + j])).ToArray();
        if (ManagedKernels.Instance.Cholesky(cd, n))
        {
            ManagedKernels.Instance.CholeskySolve(cd, n, bd);
            Assert.True(bd.Max(v => Math.Abs(v - 1)) > 1e3 * worst, "the double solve should be far less accurate");
        }
    }
}
