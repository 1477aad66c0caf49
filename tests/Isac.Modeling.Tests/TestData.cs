using Isac.Core.Random;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Modeling.Tests;

/// <summary>Seeded random test matrices.</summary>
internal static class TestData
{
    public static Matrix<Complex> RandomHermitian(int n, ulong seed)
    {
        var rng = new DeterministicRandom(seed);
        var a = Matrix<Complex>.Build.Dense(n, n, (_, _) => rng.NextComplexGaussian(1.0));
        return 0.5 * (a + a.ConjugateTranspose());
    }

    public static Matrix<double> RandomSymmetric(int n, ulong seed)
    {
        var rng = new DeterministicRandom(seed);
        var a = Matrix<double>.Build.Dense(n, n, (_, _) => rng.NextGaussian());
        return 0.5 * (a + a.Transpose());
    }

    public static Matrix<Complex> RandomComplex(int rows, int cols, ulong seed)
    {
        var rng = new DeterministicRandom(seed);
        return Matrix<Complex>.Build.Dense(rows, cols, (_, _) => rng.NextComplexGaussian(1.0));
    }

    public static Vector<Complex> RandomComplexVector(int n, ulong seed)
    {
        var rng = new DeterministicRandom(seed);
        return Vector<Complex>.Build.Dense(n, _ => rng.NextComplexGaussian(1.0));
    }

    public static double LargestEigenvalue(Matrix<Complex> hermitian) =>
        hermitian.Evd(Symmetricity.Hermitian).EigenValues.Select(z => z.Real).Max();
}
