using Isac.Experiments.Sweeps;
using Spectre.Console;

namespace Isac.Cli.Sweeps;

/// <summary>Progress on an interactive terminal: one Spectre.Console bar per sweep with elapsed time and ETA.</summary>
internal sealed class SpectreProgress(IAnsiConsole console) : ISweepObserver
{
    private ProgressContext? _context;
    private ProgressTask? _task;

    /// <summary>Runs <paramref name="job"/> with the progress display live.</summary>
    public T Run<T>(Func<T> job)
    {
        T result = default!;
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                _context = ctx;
                result = job();
            });
        return result;
    }

    public void Note(string message) => console.MarkupLineInterpolated($"[grey]isac: {message}[/]");

    public void Started(string label, int total, int alreadyDone)
    {
        _task = _context?.AddTask(Markup.Escape(label), maxValue: Math.Max(1, total));
        if (_task is not null) _task.Value = alreadyDone;
    }

    public void Advanced(int done)
    {
        if (_task is not null) _task.Value = done;
    }

    public void Stopped() => _task?.StopTask();
}
