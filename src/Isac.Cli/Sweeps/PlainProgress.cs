using System.Diagnostics;
using Isac.Experiments.Sweeps;

namespace Isac.Cli.Sweeps;

/// <summary>Progress for pipes, logs and CI: a start line, a line every few seconds with the ETA, an end line.</summary>
internal sealed class PlainProgress(TextWriter writer, TimeSpan interval) : ISweepObserver
{
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = new();
    private string _label = "";
    private int _total, _doneAtStart, _done;
    private TimeSpan _lastPrint;

    public void Note(string message)
    {
        lock (_gate) writer.WriteLine($"isac: {message}");
    }

    public void Started(string label, int total, int alreadyDone)
    {
        lock (_gate)
        {
            _label = label;
            _total = total;
            _doneAtStart = _done = alreadyDone;
            _clock.Restart();
            _lastPrint = TimeSpan.Zero;
            writer.WriteLine(alreadyDone > 0
                ? $"{label}: {total - alreadyDone} of {total} points to run ({alreadyDone} stored before)"
                : $"{label}: {total} points to run");
        }
    }

    public void Advanced(int done)
    {
        lock (_gate)
        {
            _done = done;
            var now = _clock.Elapsed;
            if (now - _lastPrint < interval || done == _total) return;
            _lastPrint = now;
            writer.WriteLine($"{_label}: {done}/{_total} points ({100.0 * done / Math.Max(1, _total):F0}%), " +
                             $"{Duration(now)} elapsed, about {Duration(Remaining(now))} left");
        }
    }

    public void Stopped()
    {
        lock (_gate)
        {
            writer.WriteLine($"{_label}: {_done}/{_total} points stored, {_done - _doneAtStart} computed in {Duration(_clock.Elapsed)}");
        }
    }

    private TimeSpan Remaining(TimeSpan elapsed)
    {
        int ran = _done - _doneAtStart;
        return ran <= 0 ? TimeSpan.Zero : elapsed / ran * (_total - _done);
    }

    internal static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:D2}m" : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m{t.Seconds:D2}s" : $"{t.TotalSeconds:F1}s";
}
