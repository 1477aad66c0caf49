namespace Isac.Physics.Backhaul;

/// <summary>
/// Paper A's backhaul overhead (Section V, eqs. (64)-(65)): the number of bits J BSs exchange to
/// share CSI, user data and the inter-cell reflection (ICR) directions. The paper states them as
/// orders O(·); these are the expressions inside.
/// </summary>
public static class BackhaulOverhead
{
    /// <summary>CoMP, eq. (64): J(J − 1)(K(J·β_h + β_S) + β_dir).</summary>
    /// <param name="cells">J ≥ 1.</param>
    /// <param name="usersPerCell">K ≥ 1.</param>
    /// <param name="csiBits">β_h: bits for the CSI from one BS to one user.</param>
    /// <param name="dataBits">β_S: bits of one user's data.</param>
    /// <param name="directionBits">β_dir: bits of one ICR direction.</param>
    public static double Comp(int cells, int usersPerCell, double csiBits, double dataBits, double directionBits)
    {
        Check(cells, usersPerCell, csiBits, dataBits, directionBits);
        return (double)cells * (cells - 1) * (usersPerCell * (cells * csiBits + dataBits) + directionBits);
    }

    /// <summary>
    /// CBF, eq. (65): J(J − 1)(K·J·β_h + β_dir), no user data. The paper labels (65) O_CoMP; it is
    /// the CBF overhead (paper notes, erratum 9).
    /// </summary>
    public static double Cbf(int cells, int usersPerCell, double csiBits, double directionBits)
    {
        Check(cells, usersPerCell, csiBits, 0, directionBits);
        return (double)cells * (cells - 1) * (usersPerCell * cells * csiBits + directionBits);
    }

    private static void Check(int cells, int users, params double[] bits)
    {
        if (cells < 1) throw new ArgumentOutOfRangeException(nameof(cells), cells, "need at least one cell");
        if (users < 1) throw new ArgumentOutOfRangeException(nameof(users), users, "need at least one user per cell");
        foreach (double b in bits)
            if (!(b >= 0) || !double.IsFinite(b)) throw new ArgumentOutOfRangeException(nameof(bits), b, "bit counts must be finite and non-negative");
    }
}
