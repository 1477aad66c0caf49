using Complex = System.Numerics.Complex;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Channels;

/// <summary>
/// The downlink channels of a J-cell network with K single-antenna users per cell and Ntx
/// transmit antennas per BS: h_{n,mk} ∈ C^Ntx from BS n to user k of cell m. A user receives
/// hᵀx (no conjugate), as in paper A eqs. (2) and (4).
/// </summary>
/// <remarks>
/// CBF uses the per-BS channels h_{n,mk}. CoMP uses the stacked channel of each user,
/// h_mk = [h_{1,mk}; …; h_{J,mk}] ∈ C^{J·Ntx}, with users numbered globally
/// u = m·K + k (0-based; paper A's U_k, k = K(m−1)+1 … K·m, 1-based).
/// </remarks>
public sealed class MultiCellChannels
{
    private readonly Vector<Complex>[,,] _h; // [bs, cell, user]

    /// <summary>Creates the channels from h[n, m, k] (each of length Ntx).</summary>
    public MultiCellChannels(Vector<Complex>[,,] perBs)
    {
        ArgumentNullException.ThrowIfNull(perBs);
        int j = perBs.GetLength(0);
        if (j < 1 || perBs.GetLength(1) != j || perBs.GetLength(2) < 1)
            throw new ArgumentException($"channels must be J×J×K with J, K ≥ 1, got {perBs.GetLength(0)}×{perBs.GetLength(1)}×{perBs.GetLength(2)}", nameof(perBs));
        int ntx = perBs[0, 0, 0]?.Count ?? throw new ArgumentException("missing channel [0,0,0]", nameof(perBs));
        foreach (var h in perBs)
        {
            if (h is null || h.Count != ntx) throw new ArgumentException($"every channel must have {ntx} entries", nameof(perBs));
            foreach (var z in h)
                if (!double.IsFinite(z.Real) || !double.IsFinite(z.Imaginary)) throw new ArgumentException("channels must be finite", nameof(perBs));
        }
        _h = new Vector<Complex>[j, j, perBs.GetLength(2)];
        for (int n = 0; n < j; n++)
            for (int m = 0; m < j; m++)
                for (int k = 0; k < perBs.GetLength(2); k++)
                    _h[n, m, k] = perBs[n, m, k].Clone();
        TransmitElements = ntx;
    }

    /// <summary>Number of cells J.</summary>
    public int Cells => _h.GetLength(0);

    /// <summary>Users per cell K.</summary>
    public int UsersPerCell => _h.GetLength(2);

    /// <summary>Transmit antennas per BS Ntx.</summary>
    public int TransmitElements { get; }

    /// <summary>All users J·K.</summary>
    public int Users => Cells * UsersPerCell;

    /// <summary>Length J·Ntx of a stacked channel.</summary>
    public int StackedDimension => Cells * TransmitElements;

    /// <summary>The global index u = m·K + k of user k of cell m.</summary>
    public int GlobalUser(int cell, int user) => cell * UsersPerCell + user;

    /// <summary>h_{n,mk}: from BS <paramref name="bs"/> to user <paramref name="user"/> of cell <paramref name="cell"/> (a copy).</summary>
    public Vector<Complex> PerBs(int bs, int cell, int user) => _h[bs, cell, user].Clone();

    /// <summary>The stacked channel [h_{1,mk}; …; h_{J,mk}] of user k of cell m.</summary>
    public Vector<Complex> Stacked(int cell, int user)
    {
        var s = Vector<Complex>.Build.Dense(StackedDimension);
        for (int n = 0; n < Cells; n++) s.SetSubVector(n * TransmitElements, TransmitElements, _h[n, cell, user]);
        return s;
    }

    /// <summary>The stacked channel of global user u = m·K + k.</summary>
    public Vector<Complex> Stacked(int globalUser) => Stacked(globalUser / UsersPerCell, globalUser % UsersPerCell);

    /// <summary>
    /// New channels with a stacked error added to every user's stacked channel:
    /// h̃_mk = h_mk + e_mk, <paramref name="stackedError"/>(m, k) of length J·Ntx.
    /// </summary>
    public MultiCellChannels WithStackedErrors(Func<int, int, Vector<Complex>> stackedError)
    {
        ArgumentNullException.ThrowIfNull(stackedError);
        var h = new Vector<Complex>[Cells, Cells, UsersPerCell];
        for (int m = 0; m < Cells; m++)
            for (int k = 0; k < UsersPerCell; k++)
            {
                var e = stackedError(m, k);
                if (e.Count != StackedDimension) throw new ArgumentException($"a stacked error has {StackedDimension} entries, got {e.Count}");
                for (int n = 0; n < Cells; n++)
                    h[n, m, k] = _h[n, m, k] + e.SubVector(n * TransmitElements, TransmitElements);
            }
        return new MultiCellChannels(h);
    }
}
