using System.Diagnostics;

namespace Isac.Cli.Tests.Commands;

/// <summary>
/// Really stops an <c>isac</c> child process part-way (kill -9, and Ctrl-C as SIGINT) and checks
/// that <c>--resume</c> ends with exactly the results of an uninterrupted run.
/// </summary>
public class KilledRunTests
{
    // About 300 points of ~25 ms each on one thread (~8 s in all): long enough to stop part-way even when
    // a loaded machine delays the signal by a second or more (1500 realizations, ~7 ms a point, were not).
    private const string Scenario = """
        {
          "experiment": "demo.phase-errors",
          "seed": 3,
          "sweep": { "draws": 16, "elements": [64], "phase_error_std_deg": [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90] },
          "phase_errors": { "realizations": 5000 }
        }
        """;

    private static Process Start(string scenario, string output)
    {
        string isac = typeof(IsacApp).Assembly.Location;
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { isac, "run", "--scenario", scenario, "--out", output, "--threads", "1" }) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }

    private const int SigInt = 2;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private static void WaitForStoredPoints(Process p, string results, int count)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (File.Exists(results) && File.ReadAllBytes(results).Count(b => b == '\n') >= count) return;
            if (p.HasExited) Assert.Fail($"isac ended before it could be stopped: {p.StandardError.ReadToEnd()}");
            Thread.Sleep(10);
        }
        throw new TimeoutException("isac stored no points within a minute");
    }

    [Fact]
    public void KillMinus9_ThenResume_GivesExactlyTheUninterruptedResults()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.Sub("s.json"), Scenario);
        string results = tmp.Sub("cut", "results.jsonl");

        using (var child = Start(tmp.Sub("s.json"), tmp.Sub("cut")))
        {
            WaitForStoredPoints(child, results, 5);
            child.Kill(entireProcessTree: true); // SIGKILL: no handler runs
            child.WaitForExit();
        }
        int stored = File.ReadAllBytes(results).Count(b => b == '\n');
        Assert.InRange(stored, 5, 303);

        var resumed = CliRunner.Run("run", "--scenario", tmp.Sub("s.json"), "--out", tmp.Sub("cut"), "--resume");
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains($"304/304 points stored in {tmp.Sub("cut")} ({304 - stored} computed now)", resumed.Out);

        Assert.Equal(0, CliRunner.Run("run", "--scenario", tmp.Sub("s.json"), "--out", tmp.Sub("ref")).ExitCode);
        Assert.Equal(File.ReadAllBytes(tmp.Sub("ref", "results.jsonl")), File.ReadAllBytes(results));
        Assert.Equal(File.ReadAllText(tmp.Sub("ref", "phase-errors.csv")), File.ReadAllText(tmp.Sub("cut", "phase-errors.csv")));
    }

    [Fact]
    public void CtrlC_StopsCleanlyWithExitCode130_AndResumeCompletes()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return; // SIGINT delivery below uses kill(2)
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.Sub("s.json"), Scenario);
        string results = tmp.Sub("cut", "results.jsonl");

        using (var child = Start(tmp.Sub("s.json"), tmp.Sub("cut")))
        {
            WaitForStoredPoints(child, results, 5);
            Assert.Equal(0, SendSignal(child.Id, SigInt)); // directly: starting kill(1) can take longer than the run
            Assert.True(child.WaitForExit(60_000));
            string err = child.StandardError.ReadToEnd();
            Assert.Equal(130, child.ExitCode);
            Assert.Contains("isac: interrupted: ", err);
            Assert.Contains("run the same command with --resume to continue", err);
        }
        Assert.Contains("\"status\": \"interrupted\"", File.ReadAllText(tmp.Sub("cut", "manifest.json")));

        var resumed = CliRunner.Run("run", "--scenario", tmp.Sub("s.json"), "--out", tmp.Sub("cut"), "--resume");
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains("304/304 points stored", resumed.Out);
    }
}
