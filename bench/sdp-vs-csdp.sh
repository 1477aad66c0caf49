#!/usr/bin/env bash
# Benchmark: Isac.Conic against CSDP on the SDPLIB set and on paper A's instances, same files,
# same run, alternating the solvers file by file so that a busy machine slows them alike.
#
#   bash bench/sdp-vs-csdp.sh [REPEATS]        (default 3 repeats; the minimum time is kept)
#
# Needs the .NET SDK and a C toolchain for Native AOT (clang or gcc; Debian's clang-14 is used when
# there is no plain clang), and for the comparison CSDP with OpenBLAS (Debian packages; this script
# installs nothing):
#   apt-get update && apt-get install -y coinor-csdp libopenblas0-pthread
# Without csdp on PATH it times Isac.Conic alone.
#
# What is timed, all as whole processes measured by this script unless said otherwise:
#   ours    `isac-sdp sdp solve FILE --json`: the solver's command (the same source as `isac sdp
#           solve`) published with Native AOT: start-up, parsing, solve, output. This is the number
#           compared with CSDP.
#   warm    solveSeconds of `isac-sdp sdp solve FILE --json --repeat 2`: the second solve inside one
#           process, what a program solving many problems (paper A's alternating optimisation, a
#           sweep) pays per solve; reported by the solver, not a process time.
#   isac    `isac sdp solve FILE --json`, the full CLI published with ReadyToRun (x86-64-v3): what the
#           project's main program costs per call (its start-up loads much more than the solver).
#   CSDP    the `csdp FILE` process.
# Data folders: SDPLIB_DIR (default ../shared/sdplib), ISAC_SDP_DIR (default ../shared/isac-sdp).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
repeats=${1:-3}
sdplib=${SDPLIB_DIR:-$root/../shared/sdplib}
isacsdp=${ISAC_SDP_DIR:-$root/../shared/isac-sdp}

linker=clang
command -v clang >/dev/null 2>&1 || { command -v clang-14 >/dev/null 2>&1 && linker=clang-14; } || linker=gcc
aot="$root/bench/obj/isac-sdp-aot"
r2r="$root/bench/obj/isac-r2r"
dotnet publish src/Isac.Cli.Sdp -c Release -r linux-x64 -p:IsacNativeAot=true -p:CppCompilerAndLinker=$linker \
  -o "$aot" -v quiet -nologo >/dev/null
dotnet publish src/Isac.Cli -c Release -r linux-x64 --self-contained false -o "$r2r" -v quiet -nologo >/dev/null
ours="$aot/isac-sdp"
isac="$r2r/isac"
have_csdp=0
if command -v csdp >/dev/null 2>&1; then have_csdp=1; else
  echo "csdp not found: timing Isac.Conic alone (apt-get update && apt-get install -y coinor-csdp libopenblas0-pthread)"
fi

field() { sed -E "s/.*\"$1\":(\"[^\"]*\"|[^,}]*).*/\1/" <<<"$2" | tr -d '"'; }
now() { date +%s.%N; }
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { print b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)   repeats: $repeats (minimum kept)   load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)   AOT linker: $linker"
[ "$have_csdp" = 1 ] && echo "csdp: $(command -v csdp), BLAS: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || echo unknown)"

run_set() {
  local title=$1 dir=$2
  [ -d "$dir" ] || { echo "$title: $dir not found, skipped"; return; }
  echo
  echo "== $title ($dir)"
  printf "%-22s %-16s %4s %8s %8s %8s %8s %7s %7s %7s  %-15s %-15s\n" \
    problem status iter ours_s warm_s isac_s csdp_s ours/C warm/C isac/C ours_obj csdp_obj
  local logo=0 logw=0 logi=0 count=0
  for f in "$dir"/*.dat-s; do
    local name best="" warm="" full="" csdp="" json="" cout="" status iters obj cobj="-" ro="-" rw="-" ri="-" t0 t1
    name=$(basename "$f" .dat-s)
    for ((r = 0; r < repeats; r++)); do
      t0=$(now); json=$("$ours" sdp solve "$f" --json); t1=$(now)
      best=$(min "$best" "$(elapsed "$t0" "$t1")")
      warm=$(min "$warm" "$(field solveSeconds "$("$ours" sdp solve "$f" --json --repeat 2)")")
      t0=$(now); "$isac" sdp solve "$f" --json >/dev/null; t1=$(now)
      full=$(min "$full" "$(elapsed "$t0" "$t1")")
      if [ "$have_csdp" = 1 ]; then
        t0=$(now); cout=$(csdp "$f" 2>&1 || true); t1=$(now)
        csdp=$(min "$csdp" "$(elapsed "$t0" "$t1")")
      fi
    done
    status=$(field status "$json"); iters=$(field iterations "$json"); obj=$(field primalObjective "$json")
    if [ "$have_csdp" = 1 ]; then
      cobj=$(grep -m1 'Primal objective value' <<<"$cout" | awk '{print $4}' || true)
      ro=$(ratio "$best" "$csdp"); rw=$(ratio "$warm" "$csdp"); ri=$(ratio "$full" "$csdp")
      logo=$(awk -v s="$logo" -v r="$ro" 'BEGIN { print s + log(r) }')
      logw=$(awk -v s="$logw" -v r="$rw" 'BEGIN { print s + log(r) }')
      logi=$(awk -v s="$logi" -v r="$ri" 'BEGIN { print s + log(r) }'); count=$((count + 1))
    fi
    printf "%-22s %-16s %4s %8.4f %8.4f %8.4f %8.4f %7s %7s %7s  %-15.8g %-15s\n" "$name" "$status" "$iters" \
      "$best" "$warm" "$full" "${csdp:-0}" "$ro" "$rw" "$ri" "$obj" "${cobj:--}"
  done
  if [ "$count" -gt 0 ]; then
    awk -v o="$logo" -v w="$logw" -v i="$logi" -v n="$count" -v t="$title" \
      'BEGIN { printf "%s: geometric mean over %d problems of ours/CSDP: whole process (AOT) %.3f, warm %.3f, full isac CLI %.3f\n", t, n, exp(o / n), exp(w / n), exp(i / n) }'
  fi
}

run_set "SDPLIB" "$sdplib"
run_set "paper A (isac-sdp)" "$isacsdp"
