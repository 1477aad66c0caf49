using Complex = System.Numerics.Complex;
using Isac.Precoding.Design;
using Isac.Precoding.Network;
using Isac.Precoding.Slp;

namespace Isac.Precoding.Tests.Slp;

/// <summary>
/// The slot classes of the symbol-level designs (docs/derivations.md §6.10): slots whose constrained symbols differ by
/// one common phase share one precoded vector, and the design solved over the classes has the optimum of the design
/// solved over every slot.
/// </summary>
public class SymbolClassesTests
{
    [Fact]
    public void Classes_GroupSlotsWhoseSymbolsDifferByACommonPhase()
    {
        var network = new NetworkSpec { UsersPerCell = 3, TransmitElements = 4, ReceiveElements = 4, FrameLength = 60 }.Build(5);
        int[] users = [0, 1, 2];
        var classes = SymbolClasses.Of(network, users, group: true);

        // QPSK, three users: at most 4² patterns up to a common rotation, so 60 slots must share.
        Assert.InRange(classes.Count, 2, 16);
        Assert.Equal(60, classes.Sizes.Sum());
        for (int s = 0; s < 60; s++)
        {
            int rep = classes.Representative[classes.ClassOf[s]];
            Assert.Equal(1, classes.Phase[s].Magnitude, 12);
            foreach (int u in users)
            {
                // d_us = e^{jφ_s}·d_u,rep: the constraints of slot s on e^{jφ_s}x̂ are those of the representative on x̂.
                var d = network.Symbol(u, s);
                var expected = classes.Phase[s] * network.Symbol(u, rep);
                Assert.True(Complex.Abs(d - expected) <= 1e-12, $"slot {s + 1}, user {u + 1}");
            }
        }
        Assert.Equal(60, SymbolClasses.Of(network, users, group: false).Count);
    }

    [Fact]
    public void Expand_MapsClassSymbolsToTheFrameWithTheSameCovariance()
    {
        var network = new NetworkSpec { UsersPerCell = 2, TransmitElements = 4, ReceiveElements = 4, FrameLength = 20 }.Build(2);
        var classes = SymbolClasses.Of(network, [0, 1], group: true);
        var random = new System.Random(4);
        var xHat = MathNet.Numerics.LinearAlgebra.Matrix<Complex>.Build.Dense(3, classes.Count, (_, _) => new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5));
        var x = classes.Expand(xHat);
        var gram = MathNet.Numerics.LinearAlgebra.Matrix<Complex>.Build.Dense(3, 3);
        for (int c = 0; c < classes.Count; c++) gram += xHat.Column(c).OuterProduct(xHat.Column(c).Conjugate()) * classes.Sizes[c];
        Assert.True((x * x.ConjugateTranspose() - gram).FrobeniusNorm() <= 1e-12 * gram.FrobeniusNorm());
    }

    /// <summary>J = 2, K = 1, Ntx = 3 (nothing for the subspace reduction), L = 12: CBF has one class per BS, CoMP at most 4.</summary>
    [Theory]
    [InlineData(PrecodingScheme.SlpCbf, 0.0)]
    [InlineData(PrecodingScheme.SlpCbf, 0.01)]
    [InlineData(PrecodingScheme.SlpComp, 0.0)]
    [InlineData(PrecodingScheme.SlpComp, 0.01)]
    public void GroupedDesign_HasTheOptimumOfTheDesignOverEverySlot(PrecodingScheme scheme, double delta)
    {
        var network = (TestNetworks.Tiny with { FrameLength = 12 }).Build(3);
        var settings = TestNetworks.Settings(scheme, 5, delta);
        settings = settings with { Alternating = settings.Alternating with { MaxIterations = 1 } };

        var grouped = RobustPrecoder.Design(network, settings);
        var everySlot = RobustPrecoder.Design(network, settings with { SubspaceReduction = false });

        Assert.Equal(DesignStatus.Solved, grouped.Status);
        Assert.Equal(DesignStatus.Solved, everySlot.Status);
        Assert.True(grouped.Solves[0].RealScalars < everySlot.Solves[0].RealScalars);
        var g = grouped.Iterations[0].Objective;
        var f = everySlot.Iterations[0].Objective;
        for (int i = 0; i < f.Length; i++) Assert.True(Math.Abs(g[i] - f[i]) <= 1e-5 * Math.Abs(f[i]), $"objective {i}: grouped {g[i]}, every slot {f[i]}");
        for (int m = 0; m < network.Cells; m++)
            Assert.Equal(1, grouped.RelaxationRcrbDeg[m] / everySlot.RelaxationRcrbDeg[m], 1e-4);
        // The transmitted frame (after refinement) keeps the constructive-interference guarantee on the antennas.
        Assert.True(grouped.WorstCaseMinSinrDb >= 5 - Tolerances.ConstraintDb);
        Assert.Equal(12, grouped.Precoders[0].ColumnCount);
    }
}
