using System.CommandLine;
using Isac.Experiments.Sweeps;
using Spectre.Console;

namespace Isac.Cli.Sweeps;

/// <summary>Chooses how to show progress: a live bar on an interactive terminal, plain lines otherwise.</summary>
internal static class ProgressDisplay
{
    /// <summary>Seconds between plain progress lines (<c>ISAC_PROGRESS_SECONDS</c> overrides; default 10).</summary>
    private static TimeSpan PlainInterval =>
        double.TryParse(Environment.GetEnvironmentVariable("ISAC_PROGRESS_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out double s) && s >= 0
            ? TimeSpan.FromSeconds(s)
            : TimeSpan.FromSeconds(10);

    /// <summary>Runs the job with a progress observer suited to where the program's error stream goes.</summary>
    public static T Run<T>(ParseResult parse, Func<ISweepObserver, T> job)
    {
        var err = parse.Err();
        // Only the real console can host a live display; a test's writer or a redirected stream gets plain lines.
        bool realConsole = ReferenceEquals(err, Console.Error) && !Console.IsErrorRedirected;
        if (realConsole)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            if (console.Profile.Capabilities.Interactive)
            {
                var spectre = new SpectreProgress(console);
                return spectre.Run(() => job(spectre));
            }
        }
        return job(new PlainProgress(err, PlainInterval));
    }
}
