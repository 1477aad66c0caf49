namespace Isac.Cli.Tests;

/// <summary>Runs <c>isac</c> in-process and captures what it prints.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Err);

    public static Result Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = IsacApp.Run(args, o, e);
        return new Result(code, o.ToString(), e.ToString());
    }
}
