using Isac.Core.Numerics;
using Complex = System.Numerics.Complex;
using Isac.Core.Random;

namespace Isac.Network.Tests;

/// <summary>Random test inputs from fixed seeds.</summary>
public static class TestData
{
    public static Complex[] Gaussian(DeterministicRandom rng, int n, double variance = 1) =>
        Enumerable.Range(0, n).Select(_ => rng.NextComplexGaussian(variance)).ToArray();

    public static Complex[][] Gaussian(DeterministicRandom rng, int rows, int n, double variance = 1) =>
        Enumerable.Range(0, rows).Select(_ => Gaussian(rng, n, variance)).ToArray();

    /// <summary>A random Hermitian positive definite matrix (row-major, full storage).</summary>
    public static Complex[] HermitianPd(DeterministicRandom rng, int n)
    {
        var m = new Complex[n * n];
        for (int r = 0; r < n + 2; r++) Isac.Core.Numerics.ComplexVectors.AddOuter(m, 1.0, Gaussian(rng, n));
        for (int i = 0; i < n; i++) m[i * n + i] += 0.5;
        Isac.Core.Numerics.ComplexVectors.MirrorLower(m, n);
        return m;
    }
}
