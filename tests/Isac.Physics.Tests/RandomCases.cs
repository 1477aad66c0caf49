using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Physics.Arrays;
using Isac.Physics.Sensing;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Tests;

/// <summary>Random but seeded test inputs.</summary>
internal static class RandomCases
{
    public static Matrix<Complex> GaussianMatrix(int rows, int columns, DeterministicRandom random, double variance = 1) =>
        Matrix<Complex>.Build.Dense(rows, columns, (_, _) => random.NextComplexGaussian(variance));

    public static Vector<Complex> GaussianVector(int n, DeterministicRandom random, double variance = 1) =>
        Vector<Complex>.Build.Dense(n, _ => random.NextComplexGaussian(variance));

    /// <summary>A random Hermitian matrix (not necessarily definite).</summary>
    public static Matrix<Complex> Hermitian(int n, DeterministicRandom random)
    {
        var g = GaussianMatrix(n, n, random);
        return (g + g.ConjugateTranspose()) * 0.5;
    }

    /// <summary>A J-cell scene with random angles in (−75°, 75°) and random amplitudes.</summary>
    public static SensingScene Scene(int cells, int ntx, int nrx, int frameLength, DeterministicRandom random, double noise = 0.7)
    {
        var angles = new double[cells, cells];
        var alphas = new Complex[cells, cells];
        for (int n = 0; n < cells; n++)
            for (int m = 0; m < cells; m++)
            {
                angles[n, m] = random.NextUniform(-75, 75) * Math.PI / 180;
                alphas[n, m] = random.NextComplexGaussian(n == m ? 1.0 : 1.0 / 3);
            }
        return new SensingScene(new UniformLinearArray(ntx, ArrayNormalization.Unnormalized),
            new UniformLinearArray(nrx, ArrayNormalization.Unnormalized), angles, alphas, noise, frameLength);
    }

    /// <summary>Symbol matrices X_n (Ntx×L) of every BS.</summary>
    public static Matrix<Complex>[] Symbols(SensingScene scene, DeterministicRandom random) =>
        Enumerable.Range(0, scene.Cells)
            .Select(_ => GaussianMatrix(scene.TransmitArray.Elements, scene.FrameLength, random))
            .ToArray();

    /// <summary>The stacked J·Ntx×L symbol matrix.</summary>
    public static Matrix<Complex> Stack(IReadOnlyList<Matrix<Complex>> perBs)
    {
        var s = Matrix<Complex>.Build.Dense(perBs.Sum(x => x.RowCount), perBs[0].ColumnCount);
        int row = 0;
        foreach (var x in perBs)
        {
            s.SetSubMatrix(row, 0, x);
            row += x.RowCount;
        }
        return s;
    }

    /// <summary>Largest entry-wise difference of two 3×3 FIMs, each entry scaled by √(F_ll F_pp).</summary>
    public static double ScaledDifference(Matrix<double> expected, Matrix<double> actual)
    {
        double worst = 0;
        for (int l = 0; l < expected.RowCount; l++)
            for (int p = 0; p < expected.ColumnCount; p++)
            {
                double scale = Math.Sqrt(Math.Abs(expected[l, l] * expected[p, p]));
                worst = Math.Max(worst, Math.Abs(expected[l, p] - actual[l, p]) / scale);
            }
        return worst;
    }
}
