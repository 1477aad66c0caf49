namespace Isac.Network.Ckm;

/// <summary>Produces the recovered APS of one grid point (measurement campaign + recovery).</summary>
public interface IApsSource
{
    /// <summary>The (bin, power) pairs of the expected APS at grid point (ix, iy).</summary>
    (int[] Bins, double[] Powers) Measure(int ix, int iy);
}
