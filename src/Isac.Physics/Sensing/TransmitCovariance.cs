using Complex = System.Numerics.Complex;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Sensing;

/// <summary>Transmit covariances R_X and their per-BS blocks.</summary>
public static class TransmitCovariance
{
    /// <summary>R_X = (1/L)·X·Xᴴ for an N×L symbol matrix X (paper A, after eq. (11)).</summary>
    public static Matrix<Complex> FromSymbols(Matrix<Complex> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        return symbols * symbols.ConjugateTranspose() / symbols.ColumnCount;
    }

    /// <summary>
    /// R_X = W·Wᴴ = Σ_k w_k w_kᴴ for a block-level precoder W (one column per stream), which is the
    /// covariance of X = W·S when (1/L)·S·Sᴴ = I.
    /// </summary>
    public static Matrix<Complex> FromPrecoder(Matrix<Complex> precoder)
    {
        ArgumentNullException.ThrowIfNull(precoder);
        return precoder * precoder.ConjugateTranspose();
    }

    /// <summary>The diagonal block of BS <paramref name="bs"/> (size <paramref name="elements"/>) of a stacked covariance: D_m R_X D_mᴴ restricted to BS m's antennas.</summary>
    public static Matrix<Complex> Block(Matrix<Complex> stacked, int bs, int elements)
    {
        ArgumentNullException.ThrowIfNull(stacked);
        if (stacked.RowCount != stacked.ColumnCount || stacked.RowCount % elements != 0 || (bs + 1) * elements > stacked.RowCount || bs < 0)
            throw new ArgumentException($"cannot take block {bs} of size {elements} from a {stacked.RowCount}×{stacked.ColumnCount} matrix");
        return stacked.SubMatrix(bs * elements, elements, bs * elements, elements);
    }

    /// <summary>Every diagonal block of a stacked covariance (what CBF uses).</summary>
    public static IReadOnlyList<Matrix<Complex>> Blocks(Matrix<Complex> stacked, int cells, int elements)
    {
        ArgumentNullException.ThrowIfNull(stacked);
        if (stacked.RowCount != cells * elements)
            throw new ArgumentException($"a stacked covariance of {cells} BSs with {elements} elements is {cells * elements}×{cells * elements}, got {stacked.RowCount}×{stacked.ColumnCount}");
        return Enumerable.Range(0, cells).Select(n => Block(stacked, n, elements)).ToArray();
    }

    /// <summary>The block-diagonal stacked covariance diag(R_X1, …, R_XJ).</summary>
    public static Matrix<Complex> BlockDiagonal(IReadOnlyList<Matrix<Complex>> perBs)
    {
        ArgumentNullException.ThrowIfNull(perBs);
        if (perBs.Count == 0) throw new ArgumentException("need at least one block", nameof(perBs));
        int e = perBs[0].RowCount;
        var r = Matrix<Complex>.Build.Dense(perBs.Count * e, perBs.Count * e);
        for (int n = 0; n < perBs.Count; n++)
        {
            if (perBs[n].RowCount != e || perBs[n].ColumnCount != e)
                throw new ArgumentException($"block {n} must be {e}×{e}, got {perBs[n].RowCount}×{perBs[n].ColumnCount}", nameof(perBs));
            r.SetSubMatrix(n * e, n * e, perBs[n]);
        }
        return r;
    }
}
