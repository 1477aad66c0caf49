namespace Isac.Cli.Tests.Commands;

public class RunCommandTests
{
    private const string Small = """
        {
          "experiment": "demo.phase-errors",
          "seed": 5,
          "sweep": { "draws": 3, "elements": [4, 8], "phase_error_std_deg": [0, 30] },
          "phase_errors": { "realizations": 50 }
        }
        """;

    [Fact]
    public void Run_UserScenario_WritesItsFiguresIntoTheOutputFolder()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.Sub("mine.json"), Small);
        var r = CliRunner.Run("run", "--scenario", tmp.Sub("mine.json"), "--out", tmp.Sub("out"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("demo.phase-errors: 12/12 points stored", r.Out);
        Assert.True(File.Exists(tmp.Sub("out", "phase-errors.png")));
        Assert.True(File.Exists(tmp.Sub("out", "index.md")));
        string csv = File.ReadAllText(tmp.Sub("out", "phase-errors.csv"));
        Assert.StartsWith("elements,phase_error_std_deg,draws,realizations_per_draw,mc_gain_db,mc_ci95_db,closed_form_gain_db,ideal_gain_db\n4,0,3,50,", csv);

        // The effective scenario it wrote runs again to the same numbers.
        var again = CliRunner.Run("run", "--scenario", tmp.Sub("out", "scenario.json"), "--out", tmp.Sub("again"));
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(csv, File.ReadAllText(tmp.Sub("again", "phase-errors.csv")));
    }

    [Fact]
    public void Run_ShippedScenario_Succeeds()
    {
        using var tmp = new TempFolder();
        string file = Path.Combine(RepoRoot(), "scenarios", "demo", "beampattern.json");
        var r = CliRunner.Run("run", "--scenario", file, "--out", tmp.Path);
        Assert.Equal(0, r.ExitCode);
        Assert.True(File.Exists(tmp.Sub("beampattern-steer60.png")));
    }

    [Theory]
    [InlineData("""{ "experiment": "demo.phase-errors", "sweep": { "elements": [4, -1] } }""", "isac: error: bad.json: $.sweep.elements[1]: expected an integer in [1, 4096], got -1")]
    [InlineData("""{ "experiment": "demo.phase-errors", "phase_errors": { "realisations": 5 } }""", "isac: error: bad.json: $.phase_errors.realisations: unknown field (expected one of: realizations, steering_deg, spacing_wavelengths)")]
    [InlineData("""{ "experiment": "demo.beampattern", "beampattern": { "angle_step_deg": 0 } }""", "isac: error: bad.json: $.beampattern.angle_step_deg: expected a number in [0.001, 10], got 0")]
    [InlineData("""{ "experiment": "demo.beampattern", "sweep": { "steering_deg": [100] } }""", "isac: error: bad.json: $.sweep.steering_deg[0]: expected a number in [-90, 90], got 100")]
    [InlineData("""{ "experiment": "paper-a.fig99" }""", "isac: error: bad.json: $.experiment: unknown experiment \"paper-a.fig99\"")]
    [InlineData("{ \"experiment\": \"demo.beampattern\",\n \"seed\": 1,, }", "isac: error: bad.json:2: invalid JSON")]
    public void Run_BadScenario_IsOneLineNamingTheJsonPath(string json, string expectedStart)
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.Sub("bad.json"), json);
        var r = CliRunner.Run("run", "--scenario", tmp.Sub("bad.json"), "--out", tmp.Sub("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith(expectedStart, r.Err);
        Assert.Single(r.Err.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(tmp.Sub("out")));
    }

    [Fact]
    public void Run_MissingScenarioFile_IsExitCode2()
    {
        var r = CliRunner.Run("run", "--scenario", "/nonexistent/x.json");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("isac: error: file not found: /nonexistent/x.json", r.Err);
    }

    [Fact]
    public void Resume_WithAnotherScenario_IsRefusedInOneLine()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.Sub("a.json"), Small);
        File.WriteAllText(tmp.Sub("b.json"), Small.Replace("\"seed\": 5", "\"seed\": 6"));
        Assert.Equal(0, CliRunner.Run("run", "--scenario", tmp.Sub("a.json"), "--out", tmp.Sub("out")).ExitCode);
        var r = CliRunner.Run("run", "--scenario", tmp.Sub("b.json"), "--out", tmp.Sub("out"), "--resume");
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Err.TrimEnd().Split('\n'));
        Assert.Contains("manifest.json: these results are from a different scenario (demo.phase-errors, seed 5, 12 points", r.Err);
        Assert.Contains("than the one given (demo.phase-errors, seed 6, 12 points", r.Err);
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Isac.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root (Isac.slnx) not found above the test binaries");
    }
}
