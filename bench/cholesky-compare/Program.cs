using System.Diagnostics;
using Isac.Conic.LinearAlgebra;
using Isac.Network.Numerics;
var rng = new Random(1);
foreach (int n in new[] { 3, 6, 12, 24, 48 })
{
    var m = new double[n * n];
    var g = new double[n * n];
    for (int i = 0; i < n * n; i++) g[i] = rng.NextDouble() - 0.5;
    for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) { double s = i == j ? n : 0; for (int k = 0; k < n; k++) s += g[i * n + k] * g[j * n + k]; m[i * n + j] = s; }
    var b0 = Enumerable.Range(0, n).Select(i => rng.NextDouble()).ToArray();
    var a = new double[n * n]; var b = new double[n];
    int reps = 20_000_000 / (n * n * n / 3 + 10 * n);
    double[] times = new double[4];
    for (int round = 0; round < 6; round++)
    {
        var proc = Process.GetCurrentProcess();
        var t0 = proc.UserProcessorTime;
        for (int r = 0; r < reps; r++) { m.CopyTo(a, 0); b0.CopyTo(b, 0); RealCholesky.Solve(a, b, n); }
        proc.Refresh(); var t1 = proc.UserProcessorTime;
        for (int r = 0; r < reps; r++) { m.CopyTo(a, 0); b0.CopyTo(b, 0); DenseCholesky.FactorAndSolve(a, b, n); }
        proc.Refresh(); var t2 = proc.UserProcessorTime;
        if (round >= 2) { times[0] += (t1 - t0).TotalMilliseconds; times[1] += (t2 - t1).TotalMilliseconds; }
    }
    Console.WriteLine($"n={n,3} reps={reps,8}: scalar RealCholesky {times[0] / 4 * 1e6 / reps,8:0} ns, Conic DenseCholesky {times[1] / 4 * 1e6 / reps,8:0} ns, ratio {times[1] / times[0]:0.00}");
}
