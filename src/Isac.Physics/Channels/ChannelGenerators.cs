using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Physics.Arrays;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Channels;

/// <summary>Random and deterministic channel models for <see cref="MultiCellChannels"/>; every draw comes from the generator passed in.</summary>
public static class ChannelGenerators
{
    /// <summary>
    /// Rayleigh fading: h_{n,mk} ~ CN(0, g_nm·I), independent across links and antennas, with
    /// g_nm = <paramref name="gains"/>.Gain(n, m). Draw order: n, then m, then k, then antenna.
    /// </summary>
    public static MultiCellChannels Rayleigh(int usersPerCell, int transmitElements, LinkGains gains, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(gains);
        ArgumentNullException.ThrowIfNull(random);
        if (usersPerCell < 1) throw new ArgumentOutOfRangeException(nameof(usersPerCell), usersPerCell, "need at least one user per cell");
        if (transmitElements < 1) throw new ArgumentOutOfRangeException(nameof(transmitElements), transmitElements, "need at least one antenna");
        int j = gains.Cells;
        var h = new Vector<Complex>[j, j, usersPerCell];
        for (int n = 0; n < j; n++)
            for (int m = 0; m < j; m++)
                for (int k = 0; k < usersPerCell; k++)
                {
                    double g = gains.Gain(n, m);
                    h[n, m, k] = Vector<Complex>.Build.Dense(transmitElements, _ => random.NextComplexGaussian(g));
                }
        return new MultiCellChannels(h);
    }

    /// <summary>
    /// Line of sight: h_{n,mk} = √g_nm · e^{jφ_{n,mk}} · a(θ_{n,mk}) with the transmit array's
    /// response toward the user's angle seen from BS n.
    /// </summary>
    /// <param name="transmitArray">Each BS's transmit array; its normalisation sets ‖h‖² (paper A: unnormalised, ‖h‖² = g·Ntx, the same mean power as Rayleigh).</param>
    /// <param name="anglesRadians">θ[n, m, k]: the angle of user k of cell m seen from BS n.</param>
    /// <param name="gains">Link power gains.</param>
    /// <param name="phaseRandom">Draws each link's common phase φ uniform in [0, 2π) (order n, m, k);
    /// null for φ = 0 (a deterministic channel).</param>
    public static MultiCellChannels LineOfSight(UniformLinearArray transmitArray, double[,,] anglesRadians, LinkGains gains, DeterministicRandom? phaseRandom)
    {
        ArgumentNullException.ThrowIfNull(transmitArray);
        ArgumentNullException.ThrowIfNull(anglesRadians);
        ArgumentNullException.ThrowIfNull(gains);
        int j = gains.Cells;
        if (anglesRadians.GetLength(0) != j || anglesRadians.GetLength(1) != j || anglesRadians.GetLength(2) < 1)
            throw new ArgumentException($"angles must be {j}×{j}×K, got {anglesRadians.GetLength(0)}×{anglesRadians.GetLength(1)}×{anglesRadians.GetLength(2)}", nameof(anglesRadians));
        int users = anglesRadians.GetLength(2);
        var h = new Vector<Complex>[j, j, users];
        for (int n = 0; n < j; n++)
            for (int m = 0; m < j; m++)
                for (int k = 0; k < users; k++)
                {
                    double theta = anglesRadians[n, m, k];
                    if (!double.IsFinite(theta)) throw new ArgumentException("angles must be finite", nameof(anglesRadians));
                    double phase = phaseRandom is null ? 0 : phaseRandom.NextUniform(0, 2 * Math.PI);
                    h[n, m, k] = transmitArray.Response(theta) * Complex.FromPolarCoordinates(Math.Sqrt(gains.Gain(n, m)), phase);
                }
        return new MultiCellChannels(h);
    }
}
