using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Physics.Channels;
using Isac.Physics.Sinr;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Physics.Tests.Sinr;

/// <summary>Random networks with precoders for the SINR tests.</summary>
internal static class SinrCases
{
    public static (MultiCellChannels Channels, Matrix<Complex>[] PerBs) Cbf(int cells, int users, int ntx, DeterministicRandom random, double beamScale = 1)
    {
        var channels = ChannelGenerators.Rayleigh(users, ntx, LinkGains.IntraInter(cells, 1, 1.0 / 3), random);
        var w = Enumerable.Range(0, cells).Select(_ => RandomCases.GaussianMatrix(ntx, users, random, beamScale)).ToArray();
        return (channels, w);
    }

    public static (MultiCellChannels Channels, Matrix<Complex> Stacked) Comp(int cells, int users, int ntx, DeterministicRandom random)
    {
        var channels = ChannelGenerators.Rayleigh(users, ntx, LinkGains.IntraInter(cells, 1, 1.0 / 3), random);
        return (channels, RandomCases.GaussianMatrix(cells * ntx, cells * users, random));
    }

    /// <summary>|z|².</summary>
    public static double MagnitudeSquared(this Complex z) => z.Real * z.Real + z.Imaginary * z.Imaginary;

    /// <summary>hᵀw without conjugation.</summary>
    public static Complex T(Vector<Complex> h, Vector<Complex> w) => h.DotProduct(w);
}
