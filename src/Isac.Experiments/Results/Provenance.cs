using System.Reflection;
using System.Runtime.InteropServices;

namespace Isac.Experiments.Results;

/// <summary>Which code and which machine produced a result: recorded in every manifest.</summary>
/// <param name="Version">The informational version, e.g. <c>0.1.0+3f2c1ab…</c>.</param>
/// <param name="Commit">The git commit the build came from (the part after '+'), or <c>unknown</c>.</param>
/// <param name="Host">The machine name.</param>
/// <param name="OperatingSystem">The OS description.</param>
/// <param name="Runtime">The .NET runtime description.</param>
/// <param name="Cores">Logical processors.</param>
public sealed record Provenance(string Version, string Commit, string Host, string OperatingSystem, string Runtime, int Cores)
{
    /// <summary>This process's provenance.</summary>
    public static Provenance Current { get; } = Create();

    private static Provenance Create()
    {
        string version = typeof(Provenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                         ?? "unknown";
        int plus = version.IndexOf('+');
        string commit = plus >= 0 ? version[(plus + 1)..] : "unknown";
        return new Provenance(version, commit, Environment.MachineName, RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription, Environment.ProcessorCount);
    }
}
