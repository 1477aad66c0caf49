using System.CommandLine;
using Isac.Cli.Commands;

namespace Isac.Cli;

/// <summary>The full command tree of <c>isac</c>; each command lives in its own file under Commands/.</summary>
public static class CommandTree
{
    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("isac: multi-cell integrated sensing and communication toolkit " +
                                   "(robust ISAC precoding, conic optimisation, network simulation)");
        root.Add(VersionCommand.Create());
        root.Add(CrbCommand.Create());
        root.Add(ReproduceCommand.Create());
        root.Add(RunCommand.Create());
        root.Add(MergeCommand.Create());
        root.Add(SimulateCommand.Create());
        root.Add(SdpCommand.Create());
        root.Add(PrecodeCommand.Create());
        root.Add(ValidateCommand.Create());
        return root;
    }
}
