using System.Text.Json;

namespace Isac.Cli.Tests.Commands;

/// <summary><c>isac sdp solve</c> end to end: the SDPLIB theta1 optimum (23, Lovász theta of its graph
/// as published in SDPLIB), the JSON fields, the solution file, and bad input.</summary>
public class SdpCommandTests
{
    private static string SdplibDir
    {
        get
        {
            if (Environment.GetEnvironmentVariable("SDPLIB_DIR") is { Length: > 0 } d)
            {
                return d;
            }
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Isac.slnx")))
            {
                dir = dir.Parent;
            }
            return Path.GetFullPath(Path.Combine(dir?.FullName ?? ".", "..", "shared", "sdplib"));
        }
    }

    private static string Theta1 => Path.Combine(SdplibDir, "theta1.dat-s");

    public sealed class NeedsSdplibFactAttribute : FactAttribute
    {
        public NeedsSdplibFactAttribute()
        {
            if (!Directory.Exists(SdplibDir) && Environment.GetEnvironmentVariable("CI") != "true")
            {
                Skip = $"{SdplibDir} not found (set SDPLIB_DIR); skipped outside CI";
            }
        }
    }

    /// <summary>Runs <paramref name="test"/> on a temporary file holding <paramref name="text"/>, then deletes it.</summary>
    private static void WithFile(string text, Action<string> test)
    {
        string path = Path.Combine(Path.GetTempPath(), $"isac-{Guid.NewGuid():N}.dat-s");
        File.WriteAllText(path, text);
        try
        {
            test(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [NeedsSdplibFact]
    public void Solve_Theta1_PrintsOptimum23ToEightDigits()
    {
        var r = CliRunner.Run("sdp", "solve", Theta1);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("status: Solved", r.Out);
        Assert.Contains("primal objective: 2.3000000e+01", r.Out);
        Assert.Contains("dual objective: 2.3000000e+01", r.Out);
        Assert.Contains("dense kernels:", r.Out);
    }

    [NeedsSdplibFact]
    public void Solve_Json_NamesTheTerminationReasonAndTheAccuracy()
    {
        var solved = JsonDocument.Parse(CliRunner.Run("sdp", "solve", Theta1, "--json").Out).RootElement;
        Assert.Equal("Converged", solved.GetProperty("termination").GetString());
        Assert.InRange(solved.GetProperty("accuracy").GetDouble(), 0, 1e-8);
        Assert.InRange(solved.GetProperty("objectiveGap").GetDouble(), 0, 1e-8);
        Assert.InRange(solved.GetProperty("complementarityGap").GetDouble(), 0, 1e-8);
        var limited = JsonDocument.Parse(CliRunner.Run("sdp", "solve", Theta1, "--json", "--max-iter", "2").Out).RootElement;
        Assert.Equal("MaxIterations", limited.GetProperty("status").GetString());
        Assert.Equal("IterationLimit", limited.GetProperty("termination").GetString());
        Assert.True(limited.GetProperty("accuracy").GetDouble() > 1e-8);
        var log = CliRunner.Run("sdp", "solve", Theta1, "--max-iter", "2");
        Assert.Contains("status: MaxIterations (iteration limit)", log.Out);
    }

    [NeedsSdplibFact]
    public void Solve_Json_PrintsOneObjectWithTheRequiredFields()
    {
        var r = CliRunner.Run("sdp", "solve", Theta1, "--json", "--threads", "1", "--max-iter", "50");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal("Solved", root.GetProperty("status").GetString());
        Assert.Equal(23.0, root.GetProperty("primalObjective").GetDouble(), 6);
        Assert.Equal(23.0, root.GetProperty("dualObjective").GetDouble(), 6);
        Assert.InRange(root.GetProperty("iterations").GetInt32(), 1, 50);
        Assert.True(root.GetProperty("solveSeconds").GetDouble() > 0);
        Assert.Equal(6, root.GetProperty("dimacs").GetArrayLength());
        Assert.All(root.GetProperty("dimacs").EnumerateArray(), e => Assert.True(Math.Abs(e.GetDouble()) < 1e-7));
    }

    [NeedsSdplibFact]
    public void Solve_SolutionOption_WritesTheSolutionFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"isac-theta1-{Guid.NewGuid():N}.sol");
        try
        {
            var r = CliRunner.Run("sdp", "solve", Theta1, "--json", "--solution", path);
            Assert.Equal(0, r.ExitCode);
            var lines = File.ReadAllLines(path);
            Assert.Equal(104, lines[0].Split(' ').Length);
            Assert.Contains(lines, l => l.StartsWith("2 1 ", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Solve_MalformedFile_ExitsTwoWithTheLineNumber() =>
        WithFile("1\n1\n2\n1.0\n1 1 1 1 1.0\n1 1 1 9 2.0\n", path =>
        {
            var r = CliRunner.Run("sdp", "solve", path);
            Assert.Equal(2, r.ExitCode);
            Assert.Single(r.Err.TrimEnd().Split('\n'));
            Assert.Contains($"{Path.GetFileName(path)}:6:", r.Err);
            Assert.Contains("outside block 1", r.Err);
        });

    [Fact]
    public void Solve_MissingFile_ExitsTwo()
    {
        var r = CliRunner.Run("sdp", "solve", "/no/such/problem.dat-s");
        Assert.Equal(2, r.ExitCode);
    }

    [Fact]
    public void Solve_BadTolerance_ExitsTwoNamingTheSetting() =>
        WithFile("1\n1\n-1\n1.0\n1 1 1 1 1.0\n", path =>
        {
            var r = CliRunner.Run("sdp", "solve", path, "--tol", "-1");
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("RelativeGapTolerance", r.Err);
        });

    [Fact]
    public void Solve_TinyLp_SolvesWithCsdpSigns() =>
        // max x s.t. x = 1, x ≥ 0 (F0 = 1, F1 = 1, c = 1): CSDP prints 1 for both objectives.
        WithFile("1\n1\n-1\n1.0\n0 1 1 1 1.0\n1 1 1 1 1.0\n", path =>
        {
            var r = CliRunner.Run("sdp", "solve", path, "--json", "--repeat", "2");
            Assert.Equal(0, r.ExitCode);
            using var doc = JsonDocument.Parse(r.Out);
            Assert.Equal(1.0, doc.RootElement.GetProperty("primalObjective").GetDouble(), 7);
            Assert.True(doc.RootElement.GetProperty("firstSolveSeconds").GetDouble() > 0);
        });

    [Fact]
    public void Help_ListsTheOptions()
    {
        var r = CliRunner.Run("sdp", "solve", "--help");
        Assert.Equal(0, r.ExitCode);
        foreach (var option in new[] { "--json", "--tol", "--max-iter", "--time-limit", "--threads", "--solution" })
        {
            Assert.Contains(option, r.Out);
        }
    }
}
