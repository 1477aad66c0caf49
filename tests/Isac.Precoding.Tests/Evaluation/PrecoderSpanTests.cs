using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Physics;
using Isac.Precoding.Evaluation;
using Isac.Precoding.Network;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Precoding.Tests.Evaluation;

/// <summary>The SINR evaluation in the span of the beamformers (<see cref="PrecoderSpan"/>) against the same on the antennas.</summary>
public class PrecoderSpanTests
{
    [Theory]
    [InlineData(CoordinationMode.Comp)]
    [InlineData(CoordinationMode.Cbf)]
    public void SpanCoordinates_GiveTheSinrsOfTheAntennas(CoordinationMode mode)
    {
        // Ntx = 16 and six random beamformers: the span of their blocks has dimension 12 (CoMP) or 6 (CBF) < 16.
        var network = new NetworkSpec { UsersPerCell = 3, TransmitElements = 16, ReceiveElements = 4, FrameLength = 8 }.Build(9);
        var random = new DeterministicRandom(4);
        int ntx = network.TransmitElements;
        var beams = Enumerable.Range(0, network.Users).Select(u =>
        {
            var w = Vector<Complex>.Build.Dense(network.StackedDimension, i => random.NextComplexGaussian(0.02));
            if (mode == CoordinationMode.Cbf)
                for (int i = 0; i < w.Count; i++) if (i / ntx != u / network.UsersPerCell) w[i] = Complex.Zero;
            return w;
        }).ToArray();
        Assert.NotNull(PrecoderSpan.Of(network.Channels, beams));

        var span = PrecoderEvaluation.Block(network, mode, beams, 0.01, spanCoordinates: true);
        var antennas = PrecoderEvaluation.Block(network, mode, beams, 0.01, spanCoordinates: false);

        Assert.Equal(antennas.RcrbDeg, span.RcrbDeg);
        for (int u = 0; u < network.Users; u++)
        {
            Assert.Equal(antennas.UserSinrDb[u], span.UserSinrDb[u], 1e-9);
            Assert.Equal(antennas.UserWorstCaseSinrDb[u], span.UserWorstCaseSinrDb[u], 1e-7);
        }
        Assert.Equal(antennas.Proposition3MinSinrDb, span.Proposition3MinSinrDb, 1e-9);
    }

    [Fact]
    public void SpanAsLargeAsTheAntennas_IsNotUsed()
    {
        var network = TestNetworks.Small.Build(2); // Ntx = 4, four users: the blocks span all four dimensions
        var random = new DeterministicRandom(5);
        var beams = Enumerable.Range(0, network.Users).Select(_ => Vector<Complex>.Build.Dense(network.StackedDimension, i => random.NextComplexGaussian())).ToArray();
        Assert.Null(PrecoderSpan.Of(network.Channels, beams));
    }
}
