using Isac.Core.Numerics;
using Isac.Core.Random;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Core.Tests.Numerics;

/// <summary>The one-pass Hermitian part against MathNet's (M + Mᴴ)/2.</summary>
public class HermitianPartTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(16)]
    public void Of_RandomMatrix_EqualsHalfTheSumWithTheAdjoint(int n)
    {
        var rng = new DeterministicRandom(300 + n);
        var m = Matrix<Complex>.Build.Dense(n, n, (_, _) => rng.NextComplexGaussian());

        var h = HermitianPart.Of(m);

        var reference = (m + m.ConjugateTranspose()) * 0.5;
        Assert.True((h - reference).Enumerate().Max(z => z.Magnitude) < 1e-15 * (1 + m.Enumerate().Max(z => z.Magnitude)));
        Assert.Equal(h.ConjugateTranspose(), h); // exactly Hermitian, diagonal real
        Assert.All(Enumerable.Range(0, n), i => Assert.Equal(0, h[i, i].Imaginary));
    }

    [Fact]
    public void Of_SparseInput_EqualsTheDenseResult()
    {
        var m = Matrix<Complex>.Build.Sparse(3, 3);
        m[0, 2] = new Complex(2, 4);
        var h = HermitianPart.Of(m);
        Assert.Equal(new Complex(1, 2), h[0, 2]);
        Assert.Equal(new Complex(1, -2), h[2, 0]);
    }

    [Fact]
    public void Of_NonSquare_Throws() =>
        Assert.Throws<ArgumentException>(() => HermitianPart.Of(Matrix<Complex>.Build.Dense(2, 3)));
}
