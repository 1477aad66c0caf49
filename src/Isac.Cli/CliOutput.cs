using System.CommandLine;

namespace Isac.Cli;

/// <summary>Access to the writers a command was invoked with (the console, or a test's writers).</summary>
public static class CliOutput
{
    /// <summary>The standard output of this invocation.</summary>
    public static TextWriter Out(this ParseResult parse) => parse.InvocationConfiguration.Output;

    /// <summary>The standard error of this invocation.</summary>
    public static TextWriter Err(this ParseResult parse) => parse.InvocationConfiguration.Error;
}
