#!/usr/bin/env bash
# Benchmark of paper A's designs (docs/performance.md, "Paper A"):
#   1. one Algorithm 1 iteration of BLP-CBF and one SLP-CoMP solve at the Fig. 5 size (median of ROUNDS
#      fresh channel draws, after a JIT warm-up), with every convex problem of the last draw exported to SDPA;
#   2. those SDPA files solved by Isac.Conic (in one process, warm, fastest of ROUNDS) and by CSDP (fastest
#      of ROUNDS process runs, start-up included), with the ratio ours/CSDP per problem;
#   3. the whole `isac reproduce paper-a --figure 5 --quick` (wall time, all cores).
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

dotnet build src/Isac.Cli -c Release -v quiet -nologo >/dev/null
dotnet build bench/Isac.Precoding.Bench -c Release -v quiet -nologo >/dev/null
bench="dotnet $root/bench/Isac.Precoding.Bench/bin/Release/net10.0/Isac.Precoding.Bench.dll"
isac="$root/src/Isac.Cli/bin/Release/net10.0/isac"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)   rounds: $rounds   commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo
echo "== 1. designs at the Fig. 5 size"
$bench --rounds "$rounds" --export "$work/sdpa"

echo
echo "== 2. the exported convex problems: Isac.Conic (warm, in process) against CSDP (process wall time)"
$bench --rounds "$rounds" --solve-sdpa "$work/sdpa" > "$work/ours.txt"
if command -v csdp >/dev/null 2>&1; then
  printf "%-34s %-16s %5s %10s %10s %8s\n" problem ours_status iter ours_s csdp_s ratio
  logsum=0; count=0
  while read -r name status iters ours obj; do
    best=""
    for ((r = 0; r < rounds; r++)); do
      t0=$(date +%s.%N); csdp "$work/sdpa/$name" > "$work/csdp.out" 2>&1 || true; t1=$(date +%s.%N)
      t=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
      best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
    done
    ratio=$(awk -v a="$ours" -v b="$best" 'BEGIN { printf "%.3f", a / b }')
    logsum=$(awk -v s="$logsum" -v r="$ratio" 'BEGIN { print s + log(r) }'); count=$((count + 1))
    printf "%-34s %-16s %5s %10.4f %10.4f %8s\n" "$name" "$status" "$iters" "$ours" "$best" "$ratio"
  done < "$work/ours.txt"
  awk -v s="$logsum" -v n="$count" 'BEGIN { printf "geometric mean of ours/CSDP over %d problems: %.3f (target <= 1.0)\n", n, exp(s / n) }'
else
  cat "$work/ours.txt"
  echo "csdp not found: comparison skipped (apt-get update && apt-get install -y coinor-csdp libopenblas0-pthread)"
fi

echo
echo "== 3. isac reproduce paper-a --figure 5 --quick"
t0=$(date +%s.%N)
"$isac" reproduce paper-a --figure 5 --quick --out "$work/fig5" > "$work/fig5.log" 2>&1
t1=$(date +%s.%N)
grep -E "points stored, .* computed" "$work/fig5.log" | tail -1
awk -v a="$t0" -v b="$t1" 'BEGIN { printf "wall time: %.1f s\n", b - a }'
