using Isac.Core.Random;
using Isac.Network.Sensing;

namespace Isac.Network.Simulation;

/// <summary>
/// What a run carries from one epoch to the next: the rate history behind the PF weights, when
/// each user was last scheduled (for the forced scheduling of starved users), each BS's beliefs
/// about its users' locations, and the frozen schedule of Fig. 7's protocol.
/// </summary>
internal sealed class RunState
{
    private readonly PaperBScenario _scenario;
    private readonly int[][] _lastScheduled;
    private readonly double[][] _lateRateSum; // Σ of the rates through epoch n − 2 at the start of epoch n

    public RunState(NetworkEnvironment env, RunOptions options)
    {
        _scenario = env.Scenario;
        var users0 = env.UsersAt(1);
        RateSum = users0.Select(c => new double[c.Length]).ToArray();
        _lateRateSum = users0.Select(c => new double[c.Length]).ToArray();
        _lastScheduled = users0.Select(c => new int[c.Length]).ToArray();
        Beliefs = env.InitialBeliefs();
        SensingThreshold = options.SensingThreshold ?? _scenario.SensingSettings.Threshold;
        MaxUsers = options.MaxScheduledPerCell ?? _scenario.MaxScheduledPerCell;
        SensingSeed = DeterministicRandom.Derive(env.Seed, "sensing-errors");
    }

    /// <summary>Σ_{n' ≤ n} R_{n'}^k per cell and user (through the last recorded epoch).</summary>
    public double[][] RateSum { get; }

    /// <summary>Each BS's current belief about each of its users.</summary>
    public SensedUser[][] Beliefs { get; }

    /// <summary>c̄ of this run.</summary>
    public double SensingThreshold { get; }

    /// <summary>The limit on |S_ℓ| of this run.</summary>
    public int MaxUsers { get; }

    /// <summary>The stream the sensing errors are derived from.</summary>
    public ulong SensingSeed { get; }

    /// <summary>The schedule kept for every epoch (Fig. 7's protocol), once made.</summary>
    public int[][]? Frozen { get; set; }

    /// <summary>The PF weights of epoch <paramref name="n"/>: 1/R̂_{n−1} (or 1/R̂_{n−2} with a weight lag of two epochs).</summary>
    public double[][] Weights(int n) => _scenario.PfWeightLag == 1
        ? NetworkSimulator.Weights(RateSum, n - 1, _scenario.RateFloor)
        : NetworkSimulator.Weights(_lateRateSum, n - 2, _scenario.RateFloor);

    /// <summary>Users of cell <paramref name="l"/> unscheduled for the past T_s − 1 epochs, most starved first (then by weight).</summary>
    public int[] Forced(int l, int n, double[] weights) => Enumerable.Range(0, _lastScheduled[l].Length)
        .Where(k => n - _lastScheduled[l][k] >= _scenario.StarvationEpochs)
        .OrderBy(k => _lastScheduled[l][k]).ThenByDescending(k => weights[k]).ToArray();

    /// <summary>Adds epoch <paramref name="n"/>'s rates to the history and marks the scheduled users; returns the sum rate.</summary>
    public double AddRates(double[][] rates, int[][] scheduled, int n)
    {
        double sumRate = 0;
        for (int l = 0; l < RateSum.Length; l++) Array.Copy(RateSum[l], _lateRateSum[l], RateSum[l].Length);
        for (int l = 0; l < RateSum.Length; l++)
            for (int k = 0; k < rates[l].Length; k++)
            {
                RateSum[l][k] += rates[l][k];
                sumRate += rates[l][k];
            }
        for (int l = 0; l < scheduled.Length; l++)
            foreach (int k in scheduled[l]) _lastScheduled[l][k] = n;
        return sumRate;
    }
}
