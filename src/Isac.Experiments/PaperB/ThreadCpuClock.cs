using System.Runtime.InteropServices;

namespace Isac.Experiments.PaperB;

/// <summary>
/// The CPU time consumed by the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, nanosecond
/// resolution). On a shared machine a wall-clock timing also counts the time the thread waited for a core;
/// the thread's own CPU time does not, so a single-threaded computation's cost can be measured under load.
/// </summary>
public static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    private static readonly bool Available = OperatingSystem.IsLinux() && Probe();

    private static bool Probe()
    {
        try { return ClockGetTime(ClockThreadCpuTimeId, out _) == 0; }
        catch (DllNotFoundException) { return false; }
        catch (EntryPointNotFoundException) { return false; }
    }

    /// <summary>Seconds of CPU time the calling thread has used, or NaN where the clock is not available (not Linux).</summary>
    public static double Seconds()
    {
        if (!Available || ClockGetTime(ClockThreadCpuTimeId, out var t) != 0) return double.NaN;
        return t.Seconds + 1e-9 * t.Nanoseconds;
    }
}
