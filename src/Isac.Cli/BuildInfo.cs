using System.Reflection;

namespace Isac.Cli;

/// <summary>The program's version and the commit it was built from.</summary>
public static class BuildInfo
{
    /// <summary>Informational version, e.g. <c>0.1.0+3f2c1ab</c> (commit appended by the SDK when built from git).</summary>
    public static string Version =>
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(BuildInfo).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
