namespace Isac.Conic.Problem;

/// <summary>
/// A symmetric matrix of low rank, A = Σ_k d_k u_k u_kᵀ (PSD blocks only): the form of
/// |hᵀw|² = wᵀ(h hᵀ)w terms (rank one) and of tr(h hᴴ W) after the real embedding (rank two).
/// </summary>
/// <remarks>
/// With X = L Lᵀ-free formulas the solver forms this matrix's Schur complement entries as
/// M_ij = Σ_kl d_ik d_jl (u_ikᵀ X u_jl)(u_jlᵀ Z⁻¹ u_ik): O(n²) per vector instead of O(n³).
/// </remarks>
public sealed class LowRankBlockMatrix : BlockMatrix
{
    /// <summary>Creates Σ_k weights[k]·vectors[k]·vectors[k]ᵀ.</summary>
    /// <param name="weights">The weights d_k (signs ±1, or any real numbers).</param>
    /// <param name="vectors">The vectors u_k, each of the block's order n.</param>
    public LowRankBlockMatrix(double[] weights, double[][] vectors)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(vectors);
        if (weights.Length != vectors.Length)
        {
            throw new ArgumentException($"{weights.Length} weights for {vectors.Length} vectors");
        }
        if (vectors.Length > 0 && vectors.Any(v => v is null || v.Length != vectors[0].Length))
        {
            throw new ArgumentException("the vectors differ in length");
        }
        Weights = weights;
        Vectors = vectors;
    }

    /// <summary>The rank-one matrix weight·u uᵀ.</summary>
    public static LowRankBlockMatrix RankOne(double[] u, double weight = 1.0) => new([weight], [u]);

    /// <summary>The weights d_k.</summary>
    public double[] Weights { get; }

    /// <summary>The vectors u_k.</summary>
    public double[][] Vectors { get; }

    /// <summary>Number of terms (an upper bound on the rank).</summary>
    public int Rank => Weights.Length;

    /// <summary>The length of the vectors (the block's order), or 0 with no terms.</summary>
    public int Order => Vectors.Length == 0 ? 0 : Vectors[0].Length;

    /// <inheritdoc />
    public override void AddTo(Span<double> destination, int size, bool isMatrix, double scale = 1.0)
    {
        for (int k = 0; k < Weights.Length; k++)
        {
            double[] u = Vectors[k];
            double d = scale * Weights[k];
            for (int i = 0; i < size; i++)
            {
                double di = d * u[i];
                if (di == 0)
                {
                    continue;
                }
                Span<double> row = destination.Slice(i * size, size);
                for (int j = 0; j < size; j++)
                {
                    row[j] += di * u[j];
                }
            }
        }
    }

    /// <inheritdoc />
    public override double Dot(ReadOnlySpan<double> x, int size, bool isMatrix)
    {
        double s = 0;
        for (int k = 0; k < Weights.Length; k++)
        {
            double[] u = Vectors[k];
            double q = 0;
            for (int i = 0; i < size; i++)
            {
                if (u[i] == 0)
                {
                    continue;
                }
                double r = 0;
                ReadOnlySpan<double> row = x.Slice(i * size, size);
                for (int j = 0; j < size; j++)
                {
                    r += row[j] * u[j];
                }
                q += u[i] * r;
            }
            s += Weights[k] * q;
        }
        return s;
    }

    internal override int MaxIndex => Order - 1;

    internal override bool AllFinite => Weights.All(double.IsFinite) && Vectors.All(v => v.All(double.IsFinite));
}
