namespace Isac.Conic.Tests;

/// <summary>Where the shared problem sets live, and whether tests needing them may run.</summary>
public static class TestData
{
    /// <summary>The repository root (the folder holding Isac.slnx).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Isac.slnx")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? Directory.GetCurrentDirectory();
        }
    }

    /// <summary>SDPLIB folder: SDPLIB_DIR, else ../shared/sdplib beside the repository.</summary>
    public static string SdplibDir =>
        Environment.GetEnvironmentVariable("SDPLIB_DIR") is { Length: > 0 } d
            ? d : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "sdplib"));

    /// <summary>The seven further SDPLIB problems: SDPLIB_EXTRA_DIR, else ../shared/sdplib-extra.</summary>
    public static string SdplibExtraDir =>
        Environment.GetEnvironmentVariable("SDPLIB_EXTRA_DIR") is { Length: > 0 } d
            ? d : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "sdplib-extra"));

    /// <summary>Paper A's instances: ISAC_SDP_DIR, else ../shared/isac-sdp.</summary>
    public static string IsacSdpDir =>
        Environment.GetEnvironmentVariable("ISAC_SDP_DIR") is { Length: > 0 } d
            ? d : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "isac-sdp"));

    /// <summary>True under CI (CI=true), where a missing data folder is a failure, not a skip.</summary>
    public static bool InCi => Environment.GetEnvironmentVariable("CI") == "true";

    /// <summary>The skip reason when <paramref name="dir"/> is missing outside CI, else null.</summary>
    public static string? SkipUnlessPresent(string dir, string variable) =>
        Directory.Exists(dir) || InCi ? null : $"{dir} not found (set {variable}); skipped outside CI";
}

/// <summary>A fact that needs the SDPLIB folder: skipped with a message when it is missing outside CI.</summary>
public sealed class SdplibFactAttribute : FactAttribute
{
    public SdplibFactAttribute() => Skip = TestData.SkipUnlessPresent(TestData.SdplibDir, "SDPLIB_DIR");
}

/// <summary>A theory over the SDPLIB folder: skipped with a message when it is missing outside CI.</summary>
public sealed class SdplibTheoryAttribute : TheoryAttribute
{
    public SdplibTheoryAttribute() => Skip = TestData.SkipUnlessPresent(TestData.SdplibDir, "SDPLIB_DIR");
}

/// <summary>A theory over the sdplib-extra folder: skipped with a message when it is missing outside CI.</summary>
public sealed class SdplibExtraTheoryAttribute : TheoryAttribute
{
    public SdplibExtraTheoryAttribute() => Skip = TestData.SkipUnlessPresent(TestData.SdplibExtraDir, "SDPLIB_EXTRA_DIR");
}

/// <summary>A fact that needs the isac-sdp folder: skipped with a message when it is missing outside CI.</summary>
public sealed class IsacSdpFactAttribute : FactAttribute
{
    public IsacSdpFactAttribute() => Skip = TestData.SkipUnlessPresent(TestData.IsacSdpDir, "ISAC_SDP_DIR");
}
