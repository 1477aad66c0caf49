#!/usr/bin/env bash
# Benchmark of paper A's designs (docs/performance.md, "Paper A"):
#   1. one Algorithm 1 iteration of BLP-CBF and one SLP-CoMP solve at the Fig. 5 size (median of ROUNDS
#      fresh channel draws, after a JIT warm-up), with every convex problem of the last draw exported to SDPA;
#   2. those SDPA files timed by bench/sdp-vs-csdp.sh: Isac.Conic as a whole process (isac-sdp, Native AOT),
#      warm (second solve in one process) and through the full CLI, against CSDP's process (fastest of
#      ROUNDS each), with the ratios ours/CSDP per problem and their geometric means;
#   3. the whole `isac reproduce paper-a --figure 5 --quick` (wall time, all cores), with the isac program
#      published ReadyToRun by step 2 (a `dotnet run` build JIT-compiles and takes about 20 % longer).
#
#   bash bench/paper-a.sh [ROUNDS]        (default 5)
#
# Needs the .NET SDK, and for the comparison CSDP with OpenBLAS (Debian packages; this script installs
# nothing):   apt-get update && apt-get install -y coinor-csdp libopenblas0-pthread
# Without csdp on PATH the comparison is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
rounds=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build bench/Isac.Precoding.Bench -c Release -v quiet -nologo >/dev/null
bench="dotnet $root/bench/Isac.Precoding.Bench/bin/Release/net10.0/Isac.Precoding.Bench.dll"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)   rounds: $rounds   commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo
echo "== 1. designs at the Fig. 5 size"
$bench --rounds "$rounds" --export "$work/sdpa"

echo
echo "== 2. the exported convex problems, Isac.Conic against CSDP (bench/sdp-vs-csdp.sh on those files:"
echo "   ours = isac-sdp whole process (Native AOT), warm = second solve in one process, isac = full CLI)"
SDPLIB_DIR="$work/no-sdplib" ISAC_SDP_DIR="$work/sdpa" bash bench/sdp-vs-csdp.sh "$rounds" | sed -n '/^== paper A/,$p'

echo
echo "== 3. isac reproduce paper-a --figure 5 --quick"
t0=$(date +%s.%N)
"$root/bench/obj/isac-r2r/isac" reproduce paper-a --figure 5 --quick --out "$work/fig5" > "$work/fig5.log" 2>&1
t1=$(date +%s.%N)
grep -E "points stored, .* computed" "$work/fig5.log" | tail -1
awk -v a="$t0" -v b="$t1" 'BEGIN { printf "wall time: %.1f s\n", b - a }'
