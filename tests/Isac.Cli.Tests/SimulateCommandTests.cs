namespace Isac.Cli.Tests;

public class SimulateCommandTests
{
    private static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Isac.slnx"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, relative);
    }

    private static string TempDir() => Directory.CreateTempSubdirectory("isac-sim-").FullName;

    [Theory]
    [InlineData("sd-uscb", "pfzfg")]
    [InlineData("cwmmse", "hungarian")]
    [InlineData("pwmmse", "all")]
    public void Simulate_QuickScenario_PrintsTableAndWritesCsv(string scheme, string scheduler)
    {
        var dir = TempDir();
        var r = CliRunner.Run("simulate", "--scenario", RepoFile("scenarios/paper-b/quick.json"), "--scheme", scheme,
            "--scheduler", scheduler, "--epochs", "2", "--seed", "3", "--out", dir);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("acc. PFR", r.Out);
        var lines = File.ReadAllLines(Path.Combine(dir, "epochs.csv"));
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("scheme,scheduler,epoch,accumulated_pfr", lines[0]);
        Assert.StartsWith($"{scheme},{scheduler},1,", lines[1]);
        Assert.True(File.ReadAllLines(Path.Combine(dir, "users.csv")).Length > 2);
    }

    [Fact]
    public void Simulate_SameSeed_IsReproducible()
    {
        string a = TempDir(), b = TempDir();
        foreach (var d in new[] { a, b })
            Assert.Equal(0, CliRunner.Run("simulate", "--scenario", RepoFile("scenarios/paper-b/quick.json"), "--scheme", "sd-uscb-slinr",
                "--epochs", "2", "--seed", "5", "--out", d).ExitCode);
        // Identical except the timing columns: compare the accumulated PFR column.
        string Pfr(string d) => string.Join(";", File.ReadAllLines(Path.Combine(d, "epochs.csv")).Skip(1).Select(l => l.Split(',')[3]));
        Assert.Equal(Pfr(a), Pfr(b));
    }

    [Fact]
    public void Simulate_UserOutsideEveryCell_IsBadInputNamingTheJsonPath()
    {
        var file = Path.Combine(TempDir(), "bad.json");
        File.WriteAllText(file, """{ "network": { "base_stations": [[0,0]] }, "users": { "positions": [[[10, 10], [400, 0]]] } }""");
        var r = CliRunner.Run("simulate", "--scenario", file, "--scheme", "sd-uscb");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("bad.json: $.users.positions[0][1]", r.Err);
        Assert.Contains("outside every cell", r.Err);
        Assert.Single(r.Err.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Simulate_UnknownScheme_IsBadInput()
    {
        var r = CliRunner.Run("simulate", "--scenario", RepoFile("scenarios/paper-b/quick.json"), "--scheme", "magic");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown scheme 'magic'", r.Err);
    }

    [Fact]
    public void Simulate_MissingScenarioFile_IsBadInput()
    {
        var r = CliRunner.Run("simulate", "--scenario", "/nonexistent/s.json", "--scheme", "sd-uscb");
        Assert.Equal(2, r.ExitCode);
    }
}
