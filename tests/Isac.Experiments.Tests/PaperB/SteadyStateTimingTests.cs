using System.Diagnostics;
using Isac.Experiments.PaperB;

namespace Isac.Experiments.Tests.PaperB;

public class SteadyStateTimingTests
{
    private static double Spin(TimeSpan length)
    {
        var sw = Stopwatch.StartNew();
        double x = 0;
        while (sw.Elapsed < length) x += Math.Sqrt(x + 1);
        return x;
    }

    [Fact]
    public void ThreadCpuClock_CountsBusyTime_AndNotSleep()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.True(double.IsNaN(ThreadCpuClock.Seconds())); // read on Linux only
            return;
        }
        double t0 = ThreadCpuClock.Seconds();
        Spin(TimeSpan.FromMilliseconds(60));
        double busy = ThreadCpuClock.Seconds() - t0;
        double t1 = ThreadCpuClock.Seconds();
        Thread.Sleep(60);
        double asleep = ThreadCpuClock.Seconds() - t1;
        Assert.InRange(busy, 0.005, 0.2); // at most the 60 ms of wall time plus scheduling slack
        Assert.True(asleep < busy, $"sleeping used {asleep} s of CPU, spinning {busy} s");
    }

    [Fact]
    public void Measure_ReportsMedianWithinItsRange_AndTheThreadsCpuTime()
    {
        var s = SteadyStateTime.Measure(() => Spin(TimeSpan.FromMilliseconds(2)), warmupBudgetSeconds: 0.1, measureBudgetSeconds: 0.03);
        Assert.InRange(s.Repeats, 3, 21);
        Assert.True(s.WarmupRuns >= 1);
        Assert.InRange(s.Median, s.Min, s.Max);
        Assert.True(s.Min >= 0.002, $"fastest repeat {s.Min} s is shorter than the 2 ms it spins");
        if (OperatingSystem.IsLinux()) Assert.InRange(s.CpuMedian, 1e-4, s.Max + 1e-3);
    }
}
