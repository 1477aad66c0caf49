namespace Isac.Cli.Tests;

public class IsacAppTests
{
    [Fact]
    public void Version_PrintsVersionAndSucceeds()
    {
        var r = CliRunner.Run("version");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("isac ", r.Out);
    }

    [Fact]
    public void UnknownCommand_IsBadInputWithOneLine()
    {
        var r = CliRunner.Run("no-such-command");
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Err.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Help_Succeeds()
    {
        var r = CliRunner.Run("--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("version", r.Out);
    }
}
