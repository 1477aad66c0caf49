using Isac.Core.Numerics;
using Isac.Core.Random;
using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace Isac.Core.Tests.Numerics;

/// <summary>
/// The Bunch–Parlett factorisation is checked by reconstruction (Σ d_k z_k z_kᴴ equals the input) and
/// against MathNet's eigen-decomposition, an independent algorithm: the number of positive and negative
/// weights is the number of positive and negative eigenvalues (Sylvester's law of inertia).
/// </summary>
public class LowRankFactorizationTests
{
    private const double Factorization = 1e-10;

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(1, 2)]
    [InlineData(3, 1)]
    public void TryFactor_ComplexLowRankIndefinite_ReconstructsWithTheEigenvalueSigns(int positive, int negative)
    {
        int n = 9;
        var rng = new DeterministicRandom(90 + 10 * positive + negative);
        var h = Matrix<Complex>.Build.Dense(n, n);
        for (int k = 0; k < positive + negative; k++)
        {
            var z = Vector<Complex>.Build.Dense(n, _ => rng.NextComplexGaussian());
            h += (k < positive ? 1.0 : -0.7) * z.OuterProduct(z.Conjugate());
        }

        var f = LowRankFactorization.TryFactor(RowMajor(h), n, maxRank: 8);

        Assert.NotNull(f);
        var (w, v) = f.Value;
        var back = Matrix<Complex>.Build.Dense(n, n);
        for (int k = 0; k < w.Length; k++)
        {
            var z = Vector<Complex>.Build.DenseOfArray(v[k]);
            back += w[k] * z.OuterProduct(z.Conjugate());
        }
        Assert.True((back - h).Enumerate().Max(z => z.Magnitude) < Factorization * h.Enumerate().Max(z => z.Magnitude));
        var (pos, neg) = Inertia(h.Evd(Symmetricity.Hermitian).EigenValues.Select(z => z.Real));
        Assert.Equal(pos, w.Count(x => x > 0));
        Assert.Equal(neg, w.Count(x => x < 0));
        Assert.Equal(positive + negative, w.Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TryFactor_RealRankRWithMixedSigns_ReconstructsWithTheEigenvalueSigns(int rank)
    {
        var rng = new DeterministicRandom(20 + rank);
        int n = 17;
        var a = Matrix<double>.Build.Dense(n, n);
        for (int k = 0; k < rank; k++)
        {
            var u = Vector<double>.Build.Dense(n, _ => rng.NextGaussian());
            a += (k % 2 == 0 ? 1.0 : -1.0) * u.OuterProduct(u);
        }

        var f = LowRankFactorization.TryFactor(a.ToRowMajorArray(), n, 4);

        Assert.NotNull(f);
        var (w, v) = f.Value;
        Assert.Equal(rank, w.Length);
        var back = Matrix<double>.Build.Dense(n, n);
        for (int k = 0; k < w.Length; k++)
        {
            var u = Vector<double>.Build.DenseOfArray(v[k]);
            back += w[k] * u.OuterProduct(u);
        }
        Assert.True((back - a).Enumerate().Max(Math.Abs) < Factorization * a.Enumerate().Max(Math.Abs));
        var (pos, neg) = Inertia(a.Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real));
        Assert.Equal(pos, w.Count(x => x > 0));
        Assert.Equal(neg, w.Count(x => x < 0));
    }

    [Fact]
    public void TryFactor_RealZeroDiagonalRankTwo_UsesTwoByTwoPivot()
    {
        // a bᵀ + b aᵀ with disjoint supports has a zero diagonal (what FIM derivative terms look like).
        int n = 6;
        var u = Vector<double>.Build.DenseOfArray([1, 2, 0, 0, 0, 0]);
        var v = Vector<double>.Build.DenseOfArray([0, 0, 0, 3, -1, 0]);
        var a = u.OuterProduct(v) + v.OuterProduct(u);

        var f = LowRankFactorization.TryFactor(a.ToRowMajorArray(), n, 4);

        Assert.NotNull(f);
        Assert.Equal(2, f.Value.Weights.Length);
        Assert.True(f.Value.Weights[0] * f.Value.Weights[1] < 0);
        var back = Enumerable.Range(0, 2).Aggregate(Matrix<double>.Build.Dense(n, n),
            (m, k) => m + f.Value.Weights[k] * Vector<double>.Build.DenseOfArray(f.Value.Vectors[k]).OuterProduct(Vector<double>.Build.DenseOfArray(f.Value.Vectors[k])));
        Assert.True((back - a).Enumerate().Max(Math.Abs) < Factorization * 6);
    }

    [Fact]
    public void TryFactor_ComplexZeroDiagonalPair_UsesATwoByTwoPivot()
    {
        // [[0, i], [−i, 0]] has no usable diagonal pivot; its eigenvalues are ±1.
        var h = Matrix<Complex>.Build.DenseOfArray(new Complex[,] { { 0, new Complex(0, 1) }, { new Complex(0, -1), 0 } });
        var f = LowRankFactorization.TryFactor(RowMajor(h), 2, maxRank: 2);
        Assert.NotNull(f);
        Assert.Equal(2, f.Value.Weights.Length);
        Assert.True(f.Value.Weights[0] * f.Value.Weights[1] < 0);
    }

    [Fact]
    public void TryFactor_FullRank_GivesUpPastTheCap()
    {
        var rng = new DeterministicRandom(25);
        var g = Matrix<double>.Build.Dense(12, 12, (_, _) => rng.NextGaussian());
        Assert.Null(LowRankFactorization.TryFactor((g * g.Transpose()).ToRowMajorArray(), 12, 4));
        var z = Matrix<Complex>.Build.Dense(8, 8, (_, _) => rng.NextComplexGaussian());
        Assert.Null(LowRankFactorization.TryFactor(RowMajor(z + z.ConjugateTranspose()), 8, maxRank: 3));
    }

    [Fact]
    public void TryFactor_Zero_HasNoTerms()
    {
        var f = LowRankFactorization.TryFactor(new double[9], 3, 1);
        Assert.NotNull(f);
        Assert.Empty(f.Value.Weights);
    }

    [Fact]
    public void Alpha_IsTheBunchParlettConstant() => Assert.Equal(0.6403882032022076, LowRankFactorization.Alpha, 15);

    private static (int Positive, int Negative) Inertia(IEnumerable<double> eigenvalues)
    {
        var e = eigenvalues.ToArray();
        double cut = 1e-9 * e.Max(Math.Abs);
        return (e.Count(x => x > cut), e.Count(x => x < -cut));
    }

    private static Complex[] RowMajor(Matrix<Complex> m) => m.ToRowMajorArray();
}
