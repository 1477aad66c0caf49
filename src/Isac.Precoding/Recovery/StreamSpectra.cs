using Complex = System.Numerics.Complex;
using Isac.Physics.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Recovery;

/// <summary>
/// The eigen-decompositions of the relaxed stream covariances W_u, computed once for the rank test, the rank re-solve
/// decision and the recovery, in the smallest exact coordinates known.
/// </summary>
/// <remarks>
/// <para>When the design wrote its problems in an orthonormal basis B (stacked, BᴴB = I) every W_u = BŴ_uBᴴ lies in
/// range B, so Ŵ_u = BᴴW_uB has the same nonzero eigenvalues and W_u's eigenvectors are Bû: the decomposition of an
/// order Σd_n matrix (18 at J = 2) instead of J·Ntx (256 at Ntx = 128, where the three decompositions of six such
/// matrices were 4 of a BLP-CoMP design's 10 s). The eigenvalues left out are W_u's zero ones (rounding noise of order
/// 10⁻¹⁶·λ₁ on the antennas), which carry neither power nor any SINR or CRB term.</para>
/// <para>Without a basis, the decomposition is on the antennas as before.</para>
/// </remarks>
internal sealed class StreamSpectra
{
    private StreamSpectra(double[][] values, Matrix<Complex>[] vectors, int fullDimension)
    {
        Values = values;
        Vectors = vectors;
        FullDimension = fullDimension;
    }

    /// <summary>Eigenvalues of every W_u, decreasing.</summary>
    public double[][] Values { get; }

    /// <summary>The matching eigenvectors on the stacked antennas (orthonormal columns, as many as <see cref="Values"/>).</summary>
    public Matrix<Complex>[] Vectors { get; }

    /// <summary>The order of W_u on the antennas (the randomisation draws this many scalars per user, whatever the basis,
    /// so that its random stream is the same with and without a basis).</summary>
    public int FullDimension { get; }

    /// <summary>The decompositions of <paramref name="streams"/>, in <paramref name="basis"/>'s coordinates when given.</summary>
    /// <param name="streams">The W_u on the stacked antennas.</param>
    /// <param name="basis">An orthonormal basis whose range holds every W_u (the design's stacked basis), or null.</param>
    public static StreamSpectra Of(IReadOnlyList<Matrix<Complex>> streams, Matrix<Complex>? basis)
    {
        int users = streams.Count;
        var values = new double[users][];
        var vectors = new Matrix<Complex>[users];
        for (int u = 0; u < users; u++)
        {
            var w = basis is null ? streams[u] : basis.ConjugateTransposeThisAndMultiply(streams[u] * basis);
            var evd = HermitianMatrix.HermitianPart(w).Evd(Symmetricity.Hermitian);
            var raw = evd.EigenValues.Select(z => z.Real).ToArray();
            var order = Enumerable.Range(0, raw.Length).OrderByDescending(i => raw[i]).ToArray();
            values[u] = order.Select(i => raw[i]).ToArray();
            var sorted = Matrix<Complex>.Build.Dense(evd.EigenVectors.RowCount, order.Length, (i, j) => evd.EigenVectors[i, order[j]]);
            vectors[u] = basis is null ? sorted : basis * sorted;
        }
        return new StreamSpectra(values, vectors, streams.Count == 0 ? 0 : streams[0].RowCount);
    }

    /// <summary>max over u of λ₂/λ₁ (negative eigenvalues as 0; 0 for a zero matrix).</summary>
    public double LargestRatio => Values.Length == 0 ? 0 : Values.Max(SecondToFirst);

    /// <summary>The principal components √λ₁·u₁ of every W_u.</summary>
    public Vector<Complex>[] Principal() =>
        Values.Select((v, u) => Vectors[u].Column(0) * Math.Sqrt(Math.Max(v[0], 0))).ToArray();

    /// <summary>U_uΛ_u^{1/2}: the square root whose columns Gaussian randomisation combines.</summary>
    public Matrix<Complex> Root(int user) =>
        Vectors[user] * Matrix<Complex>.Build.DiagonalOfDiagonalArray(Values[user].Select(v => new Complex(Math.Sqrt(Math.Max(v, 0)), 0)).ToArray());

    private static double SecondToFirst(double[] values)
    {
        double l1 = Math.Max(values[0], 0), l2 = values.Length > 1 ? Math.Max(values[1], 0) : 0;
        return l1 > 0 ? l2 / l1 : 0;
    }
}
