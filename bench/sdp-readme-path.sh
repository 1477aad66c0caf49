#!/usr/bin/env bash
# The README's path against the benchmark's: solveSeconds (the solver's own time: set-up, iterations,
# final measures; no start-up or parsing) of the first solve in a fresh process, for
#   aot      isac-sdp published with Native AOT (what bench/sdp-vs-peers.sh times),
#   readme   `dotnet run --project src/Isac.Cli -c Release -- sdp solve FILE --json` (the README's command),
#   library  bench/Isac.Conic.FirstSolve: a program that references Isac.Conic and solves once, with .NET's
#            default compilation settings (what any program using the library gets on its first solve).
# Paired and interleaved: every round runs the three on a problem one after the other, and the median of
# ROUNDS is kept; the ratios readme/aot and library/aot are the target (≤ 1.2, docs/performance.md).
#
#   bash bench/sdp-readme-path.sh [ROUNDS] [PROBLEM ...]      (default 5 rounds, the SDPLIB problems)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
rounds=${1:-5}
[ $# -gt 0 ] && shift
sdplib=${SDPLIB_DIR:-$root/../shared/sdplib}
problems=("$@")
[ ${#problems[@]} -eq 0 ] && problems=(arch0 control1 control2 control3 gpp100 gpp124-1 hinf1 hinf2 mcp100 mcp124-1 qap5 qap6 ss30 theta1 truss1 truss2 truss3 truss4 truss5)

linker=clang
command -v clang >/dev/null 2>&1 || { command -v clang-14 >/dev/null 2>&1 && linker=clang-14; } || linker=gcc
aot="$root/bench/obj/isac-sdp-aot"
dotnet publish src/Isac.Cli.Sdp -c Release -r linux-x64 -p:IsacNativeAot=true -p:CppCompilerAndLinker=$linker \
  -o "$aot" -v quiet -nologo >/dev/null
dotnet build src/Isac.Cli -c Release -v quiet -nologo >/dev/null
dotnet build bench/Isac.Conic.FirstSolve -c Release -v quiet -nologo >/dev/null
first="$root/bench/Isac.Conic.FirstSolve/bin/Release/net10.0/Isac.Conic.FirstSolve.dll"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)   rounds: $rounds (median kept)   load at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (uncommitted changes)')"
secs() { sed -E 's/.*"solveSeconds":([^,}]*).*/\1/' <<<"$1"; }
printf "%-10s %9s %9s %9s %8s %8s\n" problem aot_s readme_s library_s readme/a library/a
logr=0; logl=0; n=0
for p in "${problems[@]}"; do
  f="$sdplib/$p.dat-s"
  a=(); r=(); l=()
  for ((k = 0; k < rounds; k++)); do
    a+=("$(secs "$("$aot/isac-sdp" sdp solve "$f" --json)")")
    r+=("$(secs "$(dotnet run --no-build --project src/Isac.Cli -c Release -- sdp solve "$f" --json)")")
    l+=("$(secs "$(dotnet "$first" "$f")")")
  done
  med() { printf "%s\n" "$@" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
  ma=$(med "${a[@]}"); mr=$(med "${r[@]}"); ml=$(med "${l[@]}")
  rr=$(awk -v x="$mr" -v y="$ma" 'BEGIN { printf "%.2f", x / y }'); rl=$(awk -v x="$ml" -v y="$ma" 'BEGIN { printf "%.2f", x / y }')
  logr=$(awk -v s="$logr" -v v="$rr" 'BEGIN { print s + log(v) }'); logl=$(awk -v s="$logl" -v v="$rl" 'BEGIN { print s + log(v) }'); n=$((n + 1))
  printf "%-10s %9.4f %9.4f %9.4f %8s %8s\n" "$p" "$ma" "$mr" "$ml" "$rr" "$rl"
done
awk -v r="$logr" -v l="$logl" -v n="$n" 'BEGIN { printf "geometric mean over %d problems: readme/aot %.2f, library/aot %.2f\n", n, exp(r / n), exp(l / n) }'
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
