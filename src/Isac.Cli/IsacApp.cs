using System.CommandLine;
using Isac.Core;

namespace Isac.Cli;

/// <summary>
/// The <c>isac</c> program: builds the command tree, parses, runs, and turns every failure into
/// one line and an exit code (0 success, 1 internal failure, 2 bad input, 130 cancelled).
/// </summary>
public static class IsacApp
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code for a failure that is not the user's input (a bug, an I/O fault).</summary>
    public const int InternalFailure = 1;

    /// <summary>Exit code for bad input: arguments, files, scenarios.</summary>
    public const int BadInput = 2;

    /// <summary>Exit code when the user interrupted the run.</summary>
    public const int Cancelled = 130;

    /// <summary>Runs the program with the given arguments and writers (tests pass their own).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = CommandTree.Build();
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            error.WriteLine($"isac: {OneLine(parsed.Errors[0].Message)} (see 'isac --help')");
            return BadInput;
        }

        var config = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return parsed.Invoke(config);
        }
        catch (Exception e)
        {
            return Report(UnwrapAggregate(e), error);
        }
    }

    private static Exception UnwrapAggregate(Exception e) =>
        e is AggregateException { InnerExceptions.Count: 1 } agg ? UnwrapAggregate(agg.InnerExceptions[0]) : e;

    private static int Report(Exception e, TextWriter error)
    {
        switch (e)
        {
            case IsacInputException input:
                error.WriteLine($"isac: error: {OneLine(input.Message)}");
                return BadInput;
            case FileNotFoundException fnf:
                error.WriteLine($"isac: error: file not found: {fnf.FileName ?? OneLine(fnf.Message)}");
                return BadInput;
            case DirectoryNotFoundException dnf:
                error.WriteLine($"isac: error: {OneLine(dnf.Message)}");
                return BadInput;
            case UnauthorizedAccessException ua:
                error.WriteLine($"isac: error: {OneLine(ua.Message)}");
                return BadInput;
            case OperationCanceledException:
                error.WriteLine("isac: cancelled");
                return Cancelled;
            default:
                error.WriteLine($"isac: internal error: {e.GetType().Name}: {OneLine(e.Message)}");
                if (Environment.GetEnvironmentVariable("ISAC_DEBUG") == "1")
                {
                    error.WriteLine(e.ToString());
                }
                return InternalFailure;
        }
    }

    private static string OneLine(string s) => string.Join(' ', s.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
