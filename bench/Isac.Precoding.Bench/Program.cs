// Benchmarks of paper A's designs (never run as tests; docs/performance.md, "Paper A"):
//   (default)  the Fig. 5 size: one BLP-CBF iteration and one SLP-CoMP solve, median of --rounds draws, optional
//              SDPA export (Fig5Bench.cs; bench/paper-a.sh);
//   scale      every design from Ntx = 8 to 128 with the subspace reduction on and off (ScaleBench.cs;
//              bench/paper-a-scale.sh).
// The project turns tiered compilation off: with it, code called fewer than about 30 times (most of a 3 ms solve's
// methods, in the few rounds timed here) runs unoptimised and a solve took 5-7 times as long as in steady state.
// Usage: dotnet run -c Release --project bench/Isac.Precoding.Bench -- [--rounds 5] [--export DIR]
//        dotnet run -c Release --project bench/Isac.Precoding.Bench -- scale [options, see ScaleBench.cs]
return args.Length > 0 && args[0] == "scale" ? ScaleBench.Run(args[1..]) : Fig5Bench.Run(args);
