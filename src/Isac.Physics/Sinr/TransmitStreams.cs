using Complex = System.Numerics.Complex;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Sinr;

/// <summary>
/// The data streams of a block-level precoder, one per user, in the stacked space of all BSs
/// (J·Ntx): stream u (global user u = m·K + k) has covariance S_u = w_u w_uᴴ for a beamformer, or
/// any Hermitian PSD W_u for a semidefinite-relaxation solution.
/// </summary>
/// <remarks>
/// CBF: user mk's stream is sent by BS m only, so S_u is zero outside block (m, m) and
/// |h̃_{m,mk}ᵀ w_mk|² = h̃_mkᵀ S_u h̃_mk* with the stacked channel. CoMP: w_k spans every BS.
/// The transmit covariance is R_X = Σ_u S_u (paper A: R_Xm = Σ_k W_mk, after (40) R_X = Σ W_k).
/// </remarks>
public sealed class TransmitStreams
{
    private readonly Matrix<Complex>[] _covariances;
    private readonly Vector<Complex>?[] _beamformers;

    private TransmitStreams(int cells, int usersPerCell, int transmitElements, Matrix<Complex>[] covariances, Vector<Complex>?[] beamformers)
    {
        Cells = cells;
        UsersPerCell = usersPerCell;
        TransmitElements = transmitElements;
        _covariances = covariances;
        _beamformers = beamformers;
    }

    /// <summary>Number of cells J.</summary>
    public int Cells { get; }

    /// <summary>Users per cell K.</summary>
    public int UsersPerCell { get; }

    /// <summary>Transmit antennas per BS Ntx.</summary>
    public int TransmitElements { get; }

    /// <summary>J·K.</summary>
    public int Users => Cells * UsersPerCell;

    /// <summary>J·Ntx.</summary>
    public int StackedDimension => Cells * TransmitElements;

    /// <summary>CBF beamformers: W_m = [w_m1 … w_mK] (Ntx×K) for every BS m.</summary>
    public static TransmitStreams FromCbfPrecoders(IReadOnlyList<Matrix<Complex>> perBs)
    {
        ArgumentNullException.ThrowIfNull(perBs);
        if (perBs.Count < 1) throw new ArgumentException("need at least one BS", nameof(perBs));
        int ntx = perBs[0].RowCount, k = perBs[0].ColumnCount, j = perBs.Count;
        var beams = new Vector<Complex>?[j * k];
        for (int m = 0; m < j; m++)
        {
            if (perBs[m].RowCount != ntx || perBs[m].ColumnCount != k)
                throw new ArgumentException($"W_{m} must be {ntx}×{k}, got {perBs[m].RowCount}×{perBs[m].ColumnCount}", nameof(perBs));
            for (int u = 0; u < k; u++)
            {
                var w = Vector<Complex>.Build.Dense(j * ntx);
                w.SetSubVector(m * ntx, ntx, perBs[m].Column(u));
                beams[m * k + u] = w;
            }
        }
        return FromBeams(j, k, ntx, beams);
    }

    /// <summary>CoMP beamformers: W = [w_1 … w_JK] ((J·Ntx)×(J·K)), column u for global user u.</summary>
    public static TransmitStreams FromCompPrecoder(Matrix<Complex> stacked, int cells)
    {
        ArgumentNullException.ThrowIfNull(stacked);
        CheckDivisible(stacked.RowCount, cells, "rows");
        CheckDivisible(stacked.ColumnCount, cells, "columns");
        var beams = Enumerable.Range(0, stacked.ColumnCount).Select(u => (Vector<Complex>?)stacked.Column(u)).ToArray();
        return FromBeams(cells, stacked.ColumnCount / cells, stacked.RowCount / cells, beams);
    }

    /// <summary>CBF covariances: W_mk (Ntx×Ntx Hermitian PSD) for every BS m and user k, indexed [m][k].</summary>
    public static TransmitStreams FromCbfCovariances(IReadOnlyList<IReadOnlyList<Matrix<Complex>>> perBs)
    {
        ArgumentNullException.ThrowIfNull(perBs);
        if (perBs.Count < 1 || perBs[0].Count < 1) throw new ArgumentException("need at least one BS and one user", nameof(perBs));
        int j = perBs.Count, k = perBs[0].Count, ntx = perBs[0][0].RowCount;
        var cov = new Matrix<Complex>[j * k];
        for (int m = 0; m < j; m++)
        {
            if (perBs[m].Count != k) throw new ArgumentException($"BS {m} has {perBs[m].Count} streams, expected {k}", nameof(perBs));
            for (int u = 0; u < k; u++)
            {
                var w = perBs[m][u];
                if (w.RowCount != ntx || w.ColumnCount != ntx) throw new ArgumentException($"W_{m}{u} must be {ntx}×{ntx}", nameof(perBs));
                var s = Matrix<Complex>.Build.Dense(j * ntx, j * ntx);
                s.SetSubMatrix(m * ntx, m * ntx, w);
                cov[m * k + u] = s;
            }
        }
        return new TransmitStreams(j, k, ntx, cov, new Vector<Complex>?[j * k]);
    }

    /// <summary>CoMP covariances: W_u ((J·Ntx)×(J·Ntx) Hermitian PSD) for every global user u.</summary>
    public static TransmitStreams FromCompCovariances(IReadOnlyList<Matrix<Complex>> streams, int cells)
    {
        ArgumentNullException.ThrowIfNull(streams);
        if (streams.Count < 1) throw new ArgumentException("need at least one stream", nameof(streams));
        int n = streams[0].RowCount;
        CheckDivisible(n, cells, "rows");
        CheckDivisible(streams.Count, cells, "streams");
        foreach (var s in streams)
            if (s.RowCount != n || s.ColumnCount != n) throw new ArgumentException($"every stream covariance must be {n}×{n}", nameof(streams));
        return new TransmitStreams(cells, streams.Count / cells, n / cells, streams.Select(s => s.Clone()).ToArray(), new Vector<Complex>?[streams.Count]);
    }

    /// <summary>S_u in the stacked space (a copy).</summary>
    public Matrix<Complex> Covariance(int globalUser) => _covariances[globalUser].Clone();

    /// <summary>The stacked beamformer w_u when the streams were given as beamformers, else null.</summary>
    public Vector<Complex>? Beamformer(int globalUser) => _beamformers[globalUser]?.Clone();

    /// <summary>R_X = Σ_u S_u, (J·Ntx)×(J·Ntx).</summary>
    public Matrix<Complex> TransmitCovariance()
    {
        var r = Matrix<Complex>.Build.Dense(StackedDimension, StackedDimension);
        foreach (var s in _covariances) r += s;
        return r;
    }

    /// <summary>True when every stream of a cell-m user is confined to BS m's antennas (the CBF structure).</summary>
    public bool IsCellConfined()
    {
        for (int u = 0; u < Users; u++)
        {
            int m = u / UsersPerCell;
            var s = _covariances[u];
            for (int i = 0; i < StackedDimension; i++)
                for (int j = 0; j < StackedDimension; j++)
                    if ((i / TransmitElements != m || j / TransmitElements != m) && s[i, j] != Complex.Zero)
                        return false;
        }
        return true;
    }

    internal Matrix<Complex> CovarianceView(int globalUser) => _covariances[globalUser];

    private static TransmitStreams FromBeams(int cells, int usersPerCell, int ntx, Vector<Complex>?[] beams)
    {
        var cov = beams.Select(w => w!.OuterProduct(w!.Conjugate())).ToArray();
        return new TransmitStreams(cells, usersPerCell, ntx, cov, beams);
    }

    private static void CheckDivisible(int count, int cells, string what)
    {
        if (cells < 1 || count < cells || count % cells != 0)
            throw new ArgumentException($"{count} {what} cannot be split over {cells} cells");
    }
}
