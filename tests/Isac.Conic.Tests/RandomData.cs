using Isac.Core.Random;

namespace Isac.Conic.Tests;

/// <summary>Seeded random matrices for the tests.</summary>
public static class RandomData
{
    /// <summary>A random symmetric n×n matrix (row-major), entries N(0,1).</summary>
    public static double[] Symmetric(DeterministicRandom rng, int n)
    {
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
            {
                double v = rng.NextGaussian();
                a[i * n + j] = v;
                a[j * n + i] = v;
            }
        }
        return a;
    }

    /// <summary>A random positive definite matrix B Bᵀ + shift·I.</summary>
    public static double[] PositiveDefinite(DeterministicRandom rng, int n, double shift = 0.5)
    {
        var b = new double[n * n];
        for (int k = 0; k < b.Length; k++)
        {
            b[k] = rng.NextGaussian() / Math.Sqrt(n);
        }
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int k = 0; k < n; k++)
                {
                    s += b[i * n + k] * b[j * n + k];
                }
                a[i * n + j] = s + (i == j ? shift : 0);
            }
        }
        return a;
    }

    /// <summary>A random vector with entries N(0,1).</summary>
    public static double[] Vector(DeterministicRandom rng, int n)
    {
        var v = new double[n];
        for (int k = 0; k < n; k++)
        {
            v[k] = rng.NextGaussian();
        }
        return v;
    }

    /// <summary>Naive C = A B for n×n row-major matrices.</summary>
    public static double[] Multiply(double[] a, double[] b, int n)
    {
        var c = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int k = 0; k < n; k++)
                {
                    s += a[i * n + k] * b[k * n + j];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }
}
