using System.CommandLine;
using System.Runtime.InteropServices;

namespace Isac.Cli.Commands;

/// <summary><c>isac version</c>: the program version, runtime and machine.</summary>
public static class VersionCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var cmd = new Command("version", "Print the version, the .NET runtime and the machine");
        cmd.SetAction(parse =>
        {
            var o = parse.Out();
            o.WriteLine($"isac {BuildInfo.Version}");
            o.WriteLine($".NET {RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription} " +
                        $"({RuntimeInformation.ProcessArchitecture}, {Environment.ProcessorCount} cores)");
            return IsacApp.Success;
        });
        return cmd;
    }
}
