using System.Diagnostics;

namespace Isac.Experiments.PaperB;

/// <summary>The steady-state time of a repeated computation: what one more solve costs once the JIT has compiled the code and caches are warm.</summary>
/// <param name="Median">Median of the timed repeats, s.</param>
/// <param name="Min">Fastest repeat, s.</param>
/// <param name="Max">Slowest repeat, s.</param>
/// <param name="WarmupRuns">Untimed runs before the repeats.</param>
/// <param name="Repeats">Timed runs.</param>
/// <param name="CpuMedian">Median CPU time of the calling thread over the timed repeats, s (<see cref="ThreadCpuClock"/>; NaN where
/// not available): on a loaded machine the wall times include waiting for a core, this does not.</param>
public readonly record struct SteadyStateTime(double Median, double Min, double Max, int WarmupRuns, int Repeats, double CpuMedian)
{
    /// <summary>
    /// Runs <paramref name="run"/> until two consecutive timings agree within 15 % (at least once, at most
    /// 40 times or <paramref name="warmupBudgetSeconds"/> of warm-up), then times
    /// clamp(<paramref name="measureBudgetSeconds"/>/t, 3, 21) more runs and returns their median and range.
    /// A .NET method runs unoptimised code for its first ~30 calls and is recompiled in the background,
    /// so a single timing of a millisecond computation measures the JIT, not the algorithm.
    /// </summary>
    public static SteadyStateTime Measure(Action run, double warmupBudgetSeconds = 1.0, double measureBudgetSeconds = 1.0, CancellationToken cancel = default)
    {
        var total = Stopwatch.StartNew();
        double previous = double.NaN, last = 0;
        int warm = 0;
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            var sw = Stopwatch.StartNew();
            run();
            last = sw.Elapsed.TotalSeconds;
            warm++;
            bool settled = double.IsFinite(previous) && Math.Abs(last - previous) <= 0.15 * Math.Min(last, previous);
            if (settled || warm >= 40 || total.Elapsed.TotalSeconds >= warmupBudgetSeconds) break;
            previous = last;
        }
        int repeats = (int)Math.Clamp(Math.Ceiling(measureBudgetSeconds / Math.Max(last, 1e-9)), 3, 21);
        var times = new double[repeats];
        var cpu = new double[repeats];
        for (int i = 0; i < repeats; i++)
        {
            cancel.ThrowIfCancellationRequested();
            double cpu0 = ThreadCpuClock.Seconds();
            var sw = Stopwatch.StartNew();
            run();
            times[i] = sw.Elapsed.TotalSeconds;
            cpu[i] = ThreadCpuClock.Seconds() - cpu0;
        }
        Array.Sort(times);
        Array.Sort(cpu);
        return new SteadyStateTime(MedianOf(times), times[0], times[^1], warm, repeats, MedianOf(cpu));
    }

    private static double MedianOf(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
}
