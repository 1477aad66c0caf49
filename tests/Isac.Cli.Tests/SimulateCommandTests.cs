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
    public void Simulate_ExportProblems_WritesEveryBsProblemWithItsSolution()
    {
        var dir = TempDir();
        var export = Path.Combine(dir, "problems");
        var r = CliRunner.Run("simulate", "--scenario", RepoFile("scenarios/paper-b/quick.json"), "--scheme", "sd-uscb", "--epochs", "2",
            "--export-problems", export, "--out", dir);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("exported 6 beamforming problems", r.Out);
        Assert.Contains("time:", r.Out);
        Assert.Contains("memory: maps", r.Out);
        var files = Directory.GetFiles(export, "*.json").Select(f => Path.GetFileName(f)!).Order().ToArray();
        Assert.Equal(["e001-bs000.json", "e001-bs001.json", "e001-bs002.json", "e002-bs000.json", "e002-bs001.json", "e002-bs002.json"], files);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(export, "e002-bs001.json")));
        var root = doc.RootElement;
        Assert.Equal("isac-paper-b-problem", root.GetProperty("format").GetString());
        int n = root.GetProperty("antennas").GetInt32(), k = root.GetProperty("users").GetInt32();
        Assert.Equal(16, n);
        Assert.Equal(k, root.GetProperty("channels").GetArrayLength());
        Assert.Equal(k, root.GetProperty("weights").GetArrayLength());
        Assert.Equal(k, root.GetProperty("sensing").GetProperty("steering").GetArrayLength());
        Assert.Equal(2 * k, root.GetProperty("leakage_channels").GetArrayLength()); // the two other cells' scheduled users
        // The leakage matrix is Σ_t ĥ_tĥ_tᴴ of the listed channels
        System.Numerics.Complex C(System.Text.Json.JsonElement e) => new(e[0].GetDouble(), e[1].GetDouble());
        var leak = root.GetProperty("leakage_channels").EnumerateArray().Select(v => v.EnumerateArray().Select(C).ToArray()).ToArray();
        var d01 = leak.Aggregate(System.Numerics.Complex.Zero, (acc, g) => acc + g[0] * System.Numerics.Complex.Conjugate(g[1]));
        var given = C(root.GetProperty("leakage_matrix")[0][1]);
        Assert.True((d01 - given).Magnitude <= 1e-9 * Math.Max(d01.Magnitude, 1e-300), $"{d01} vs {given}");
        var sol = root.GetProperty("solution");
        Assert.Equal(k, sol.GetProperty("beams").GetArrayLength());
        Assert.True(sol.GetProperty("total_power_w").GetDouble() <= root.GetProperty("power_w").GetDouble() * (1 + 1e-9));
        Assert.True(sol.GetProperty("virtual_pfr").GetDouble() > 0);
    }

    [Fact]
    public void Simulate_ExportDirectoryThatCannotBeCreated_IsOneLineBadInput()
    {
        // A regular file where a parent directory should be: no user (not even root) can create the directory.
        var parent = Path.Combine(TempDir(), "a-file");
        File.WriteAllText(parent, "");
        var target = Path.Combine(parent, "problems");
        var r = CliRunner.Run("simulate", "--scenario", RepoFile("scenarios/paper-b/quick.json"), "--scheme", "sd-uscb", "--epochs", "1",
            "--export-problems", target, "--out", TempDir());
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{target}: cannot create this directory", r.Err);
        Assert.DoesNotContain("not found", r.Err);
        Assert.Single(r.Err.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Simulate_PrintsPlainProgressLines_WhenNotOnATerminal()
    {
        var r = CliRunner.Run("simulate", "--scenario", RepoFile("scenarios/paper-b/quick.json"), "--scheme", "pwmmse", "--epochs", "2", "--out", TempDir());
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("simulate paper-b-quick (3 cells, pwmmse) epochs: 2 points to run", r.Err);
    }

    [Fact]
    public void Simulate_ThreadsMustBePositive()
    {
        var r = CliRunner.Run("simulate", "--scenario", RepoFile("scenarios/paper-b/quick.json"), "--scheme", "sd-uscb", "--threads", "0");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--threads", r.Err);
    }

    [Fact]
    public void Simulate_MissingScenarioFile_IsBadInput()
    {
        var r = CliRunner.Run("simulate", "--scenario", "/nonexistent/s.json", "--scheme", "sd-uscb");
        Assert.Equal(2, r.ExitCode);
    }
}

public class SimulateMapsTests
{
    private static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Isac.slnx"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, relative);
    }

    [Fact]
    public void Maps_AreSavedThenReused_AndGiveIdenticalResults()
    {
        var maps = Directory.CreateTempSubdirectory("isac-maps-").FullName;
        string o1 = Directory.CreateTempSubdirectory("isac-o1-").FullName, o2 = Directory.CreateTempSubdirectory("isac-o2-").FullName;
        string[] Args(string o) => ["simulate", "--scenario", RepoFile("scenarios/paper-b/quick.json"), "--scheme", "sd-uscb", "--epochs", "2", "--maps", maps, "--out", o];
        var first = CliRunner.Run(Args(o1));
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("maps: 0 grid points loaded", first.Out);
        Assert.True(File.Exists(Path.Combine(maps, "bs0.ckm")));
        var second = CliRunner.Run(Args(o2));
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain("maps: 0 grid points loaded", second.Out);
        string Pfr(string d) => string.Join(";", File.ReadAllLines(Path.Combine(d, "epochs.csv")).Skip(1).Select(l => l.Split(',')[3]));
        Assert.Equal(Pfr(o1), Pfr(o2));
    }

    [Fact]
    public void Maps_FromAnotherSeed_AreRefused()
    {
        var maps = Directory.CreateTempSubdirectory("isac-maps-").FullName;
        string o = Directory.CreateTempSubdirectory("isac-o-").FullName;
        Assert.Equal(0, CliRunner.Run("simulate", "--scenario", RepoFile("scenarios/paper-b/quick.json"), "--scheme", "sd-uscb", "--epochs", "1", "--seed", "1", "--maps", maps, "--out", o).ExitCode);
        var r = CliRunner.Run("simulate", "--scenario", RepoFile("scenarios/paper-b/quick.json"), "--scheme", "sd-uscb", "--epochs", "1", "--seed", "2", "--maps", maps, "--out", o);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("another scenario or seed", r.Err);
    }
}
