using System.CommandLine;
using Isac.Cli.Commands;

namespace Isac.Cli;

/// <summary>The command tree of <c>isac-sdp</c>: only <c>sdp solve</c>, the same command as in <c>isac</c>.</summary>
public static class CommandTree
{
    /// <summary>Builds the root command with the <c>sdp</c> command.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("isac-sdp: the Isac.Conic solver on SDPA files (the 'sdp' command of isac, as a small native program)");
        root.Add(SdpCommand.Create());
        return root;
    }
}
