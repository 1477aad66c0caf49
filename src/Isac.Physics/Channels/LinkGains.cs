namespace Isac.Physics.Channels;

/// <summary>
/// Average power gains of the communication links of a J-cell network: Gain(n, m) is the mean
/// power E|h|² per antenna of the channel from BS n to every user of cell m.
/// </summary>
/// <remarks>
/// Paper A, Section VI: intra-cell gain 1 and inter-cell gain 1/3 ("the signal power received
/// through an inter-cell link is reduced by a factor of 3"): <c>LinkGains.IntraInter(J, 1, 1.0/3)</c>.
/// </remarks>
public sealed class LinkGains
{
    private readonly double[,] _gains;

    /// <summary>Creates the gains from a J×J matrix [n, m] of non-negative finite numbers.</summary>
    public LinkGains(double[,] gains)
    {
        ArgumentNullException.ThrowIfNull(gains);
        int j = gains.GetLength(0);
        if (j < 1 || gains.GetLength(1) != j)
            throw new ArgumentException($"gains must be J×J with J ≥ 1, got {gains.GetLength(0)}×{gains.GetLength(1)}", nameof(gains));
        foreach (double g in gains)
            if (!(g >= 0) || !double.IsFinite(g))
                throw new ArgumentOutOfRangeException(nameof(gains), g, "gains must be finite and non-negative");
        _gains = (double[,])gains.Clone();
    }

    /// <summary>Gain <paramref name="intra"/> from a BS to its own users and <paramref name="inter"/> to every other cell's users.</summary>
    public static LinkGains IntraInter(int cells, double intra, double inter)
    {
        if (cells < 1) throw new ArgumentOutOfRangeException(nameof(cells), cells, "need at least one cell");
        var g = new double[cells, cells];
        for (int n = 0; n < cells; n++)
            for (int m = 0; m < cells; m++)
                g[n, m] = n == m ? intra : inter;
        return new LinkGains(g);
    }

    /// <summary>Number of cells J.</summary>
    public int Cells => _gains.GetLength(0);

    /// <summary>Mean power per antenna of the link from BS <paramref name="bs"/> to the users of cell <paramref name="cell"/>.</summary>
    public double Gain(int bs, int cell) => _gains[bs, cell];
}
