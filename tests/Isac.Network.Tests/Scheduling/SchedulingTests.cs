using Complex = System.Numerics.Complex;
using Isac.Core.Random;
using Isac.Network.Scheduling;
using MathNet.Numerics.LinearAlgebra;

namespace Isac.Network.Tests.Scheduling;

public class SchedulingTests
{
    [Fact]
    public void Hungarian_FindsTheBruteForceOptimum()
    {
        var rng = new DeterministicRandom(4);
        for (int trial = 0; trial < 20; trial++)
        {
            var cost = new double[4, 6];
            for (int i = 0; i < 4; i++) for (int j = 0; j < 6; j++) cost[i, j] = rng.NextUniform(-5, 5);
            var a = HungarianAlgorithm.Solve(cost);
            Assert.Equal(4, a.Distinct().Count());
            double got = Enumerable.Range(0, 4).Sum(i => cost[i, a[i]]);
            Assert.Equal(BruteForce(cost), got, 1e-12);
        }
    }

    private static double BruteForce(double[,] cost)
    {
        double best = double.PositiveInfinity;
        int cols = cost.GetLength(1);
        for (int a = 0; a < cols; a++) for (int b = 0; b < cols; b++) for (int c = 0; c < cols; c++) for (int d = 0; d < cols; d++)
        {
            if (new[] { a, b, c, d }.Distinct().Count() < 4) continue;
            best = Math.Min(best, cost[0, a] + cost[1, b] + cost[2, c] + cost[3, d]);
        }
        return best;
    }

    private static SchedulingInput Input(int users, int max, int[] forced, ulong seed)
    {
        var rng = new DeterministicRandom(seed);
        var h = TestData.Gaussian(rng, users, 8);
        var w = Enumerable.Range(0, users).Select(_ => rng.NextUniform(0.2, 3)).ToArray();
        return new SchedulingInput(h, w, forced, max, 0.1, 1.0);
    }

    [Fact]
    public void Pfzfg_ChoosesTheSetWhoseZfWeightedRateItReports_AndRespectsLimits()
    {
        var input = Input(12, 5, [3], 5);
        var s = new PfzfgScheduler().Schedule(input);
        Assert.InRange(s.Length, 1, 5);
        Assert.Contains(3, s);
        // Greedy optimality of the last step: no single swap-in of a remaining user improves the
        // weighted ZF sum rate computed directly with a pseudo-inverse.
        double chosen = ZfWeightedRate(input, s);
        if (s.Length < 5)
            foreach (int c in Enumerable.Range(0, 12).Except(s))
                Assert.True(ZfWeightedRate(input, s.Append(c).ToArray()) <= chosen + 1e-9);
    }

    /// <summary>Σ w_i log2(1 + P/(|S|σ²[(HᴴH)⁻¹]_ii)) computed with MathNet (independent of the bordered update).</summary>
    private static double ZfWeightedRate(SchedulingInput input, int[] set)
    {
        var h = Matrix<Complex>.Build.Dense(8, set.Length, (i, j) => input.Channels[set[j]][i]);
        var ginv = (h.ConjugateTranspose() * h).Inverse();
        return set.Select((k, i) => input.Weights[k] * Math.Log2(1 + input.Power / set.Length / (input.Noise * ginv[i, i].Real))).Sum();
    }

    [Fact]
    public void Hungarian_SchedulesForcedUsersAndAtMostTheLimit()
    {
        var s = new HungarianScheduler().Schedule(Input(20, 6, [7, 9], 6));
        Assert.True(s.Length <= 6);
        Assert.Contains(7, s);
        Assert.Contains(9, s);
        Assert.Equal(s.Length, s.Distinct().Count());
    }

    [Fact]
    public void ScheduleEveryone_SchedulesAllUsers()
    {
        Assert.Equal(Enumerable.Range(0, 9), new ScheduleEveryone().Schedule(Input(9, 3, [], 1)));
    }
}
