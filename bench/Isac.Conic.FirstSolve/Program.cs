using System.Globalization;
using Isac.Conic;
using Isac.Conic.Io;

// One solve of FILE in a fresh process, as a program using the library would run it; prints the
// solver's own time (set-up, iterations and final measures: what isac-sdp reports as solveSeconds).
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Isac.Conic.FirstSolve FILE.dat-s");
    return 2;
}
var problem = SdpaReader.ReadFile(args[0]);
long methods = System.Runtime.JitInfo.GetCompiledMethodCount();
var jit = System.Runtime.JitInfo.GetCompilationTime();
var s = ConicSolver.Solve(problem, new SolverSettings { Verbosity = Verbosity.Silent });
// Methods the JIT compiled during the solve and the time it spent (all threads): what ReadyToRun saves.
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{{\"file\":\"{Path.GetFileName(args[0])}\",\"status\":\"{s.Status}\",\"solveSeconds\":{s.SolveTime.TotalSeconds}," +
    $"\"jitMethods\":{System.Runtime.JitInfo.GetCompiledMethodCount() - methods},\"jitSeconds\":{(System.Runtime.JitInfo.GetCompilationTime() - jit).TotalSeconds}}}"));
return 0;
