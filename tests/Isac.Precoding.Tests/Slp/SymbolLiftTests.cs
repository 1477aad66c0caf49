using Isac.Precoding.Design;

namespace Isac.Precoding.Tests.Slp;

/// <summary>
/// The small lift [[R, X/√L], [Xᴴ/√L, I_L]] ⪰ 0 against paper A's L separate lifts [[R_s, x_s], [x_sᴴ, 1]] ⪰ 0
/// with R = (1/L)Σ R_s (docs/derivations.md §6.1): both relaxations have the same optimum.
/// </summary>
public class SymbolLiftTests
{
    [Theory]
    [InlineData(PrecodingScheme.SlpComp, 0.0)]
    [InlineData(PrecodingScheme.SlpComp, 0.01)]
    [InlineData(PrecodingScheme.SlpCbf, 0.0)]
    public void AveragedLift_HasTheOptimumOfPerSymbolLifts(PrecodingScheme scheme, double delta)
    {
        var network = TestNetworks.Tiny.Build(3);
        var settings = TestNetworks.Settings(scheme, 5, delta) with { Refinement = new RefinementSettings(MaxIterations: 0) };

        var small = RobustPrecoder.Design(network, settings with { Lift = SymbolLift.Averaged });
        var separate = RobustPrecoder.Design(network, settings with { Lift = SymbolLift.PerSymbol });

        Assert.Equal(DesignStatus.Solved, small.Status);
        Assert.Equal(DesignStatus.Solved, separate.Status);
        for (int m = 0; m < network.Cells; m++)
            Assert.Equal(1, small.RelaxationRcrbDeg[m] / separate.RelaxationRcrbDeg[m], Tolerances.Optimum);
        // Both transmit symbols that meet the constructive-interference target (same constraints on X).
        Assert.True(small.WorstCaseMinSinrDb >= 5 - Tolerances.ConstraintDb);
        Assert.True(separate.WorstCaseMinSinrDb >= 5 - Tolerances.ConstraintDb);
    }

    [Fact]
    public void AveragedLift_HasFarFewerSolverScalarsThanPerSymbolLifts()
    {
        var network = TestNetworks.Tiny.Build(3);
        var settings = TestNetworks.Settings(PrecodingScheme.SlpComp, 5) with { Refinement = new RefinementSettings(MaxIterations: 0) };
        var small = RobustPrecoder.Design(network, settings with { Lift = SymbolLift.Averaged });
        var separate = RobustPrecoder.Design(network, settings with { Lift = SymbolLift.PerSymbol });
        // (L − 1)·N² fewer real scalars (N = 6 stacked antennas, L = 4: one R instead of L lifted R_s).
        Assert.True(small.Solves[0].RealScalars < separate.Solves[0].RealScalars);
    }
}
