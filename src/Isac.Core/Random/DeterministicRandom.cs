using System.Numerics;

namespace Isac.Core.Random;

/// <summary>
/// A seeded pseudo-random generator (xoshiro256**, seeded through SplitMix64) whose stream is
/// fixed by the seed alone: the same seed gives the same numbers on every machine and .NET
/// version. Every random draw in Isac comes from one of these, handed in by the caller.
/// </summary>
/// <remarks>
/// Not thread-safe: give each parallel task its own instance, derived with
/// <see cref="Derive(ulong, ReadOnlySpan{long})"/> or <see cref="Fork(long)"/> so results do not
/// depend on scheduling.
/// </remarks>
public sealed class DeterministicRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareGaussian;

    /// <summary>Creates a generator from a 64-bit seed.</summary>
    public DeterministicRandom(ulong seed)
    {
        Seed = seed;
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>Creates a generator from a signed seed (the value a user types).</summary>
    public DeterministicRandom(long seed) : this(unchecked((ulong)seed)) { }

    /// <summary>The seed this generator was created with.</summary>
    public ulong Seed { get; }

    /// <summary>
    /// A seed derived from a parent seed and integer coordinates (a sweep point, a Monte Carlo
    /// index): a hash, so neighbouring coordinates give unrelated streams.
    /// </summary>
    public static ulong Derive(ulong parent, ReadOnlySpan<long> coordinates)
    {
        ulong h = parent ^ 0x6A09E667F3BCC909UL;
        h = Mix(h);
        foreach (long c in coordinates)
        {
            h = Mix(h ^ unchecked((ulong)c * 0x9E3779B97F4A7C15UL + 0xBF58476D1CE4E5B9UL));
        }
        return h;
    }

    /// <summary>A seed derived from a parent seed and a text label (a scheme name, say).</summary>
    public static ulong Derive(ulong parent, string label)
    {
        // FNV-1a over UTF-16 code units: stable across runs, unlike string.GetHashCode.
        ulong h = 0xCBF29CE484222325UL;
        foreach (char ch in label)
        {
            h ^= ch;
            h *= 0x100000001B3UL;
        }
        return Derive(parent, [unchecked((long)h)]);
    }

    /// <summary>A new independent generator for sub-stream <paramref name="index"/>.</summary>
    public DeterministicRandom Fork(long index) => new(Derive(Seed, [index]));

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on [lo, hi).</summary>
    public double NextUniform(double lo, double hi) => lo + (hi - lo) * NextDouble();

    /// <summary>Uniform integer in [0, n).</summary>
    public int NextInt(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "must be positive");
        // Lemire's multiply-shift with rejection: unbiased.
        ulong bound = (ulong)n;
        while (true)
        {
            UInt128 product = (UInt128)NextUInt64() * bound;
            ulong low = (ulong)product;
            if (low >= bound || low >= (0UL - bound) % bound) return (int)(product >> 64);
        }
    }

    /// <summary>Standard normal N(0, 1) (Marsaglia's polar method).</summary>
    public double NextGaussian()
    {
        if (_spareGaussian is double spare)
        {
            _spareGaussian = null;
            return spare;
        }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareGaussian = v * f;
        return u * f;
    }

    /// <summary>Circularly-symmetric complex Gaussian CN(0, variance): E|z|² = variance.</summary>
    public Complex NextComplexGaussian(double variance = 1.0)
    {
        double sd = Math.Sqrt(variance / 2);
        double re = NextGaussian() * sd;
        double im = NextGaussian() * sd;
        return new Complex(re, im);
    }

    private static ulong SplitMix64(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        return Mix(x);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
