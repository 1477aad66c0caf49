#!/usr/bin/env bash
# Benchmark: Isac.Conic against CSDP on the SDPLIB set and on paper A's instances, same files,
# same run, alternating the two solvers so that a busy machine slows both alike.
#
#   bash bench/sdp-vs-csdp.sh [REPEATS]        (default 3 repeats; the minimum time is kept)
#
# Needs the .NET SDK, and for the comparison CSDP with OpenBLAS (Debian packages; this script
# installs nothing):
#   apt-get update && apt-get install -y coinor-csdp libopenblas0-pthread
# Without csdp on PATH it times Isac.Conic alone.
#
# Times: ours comes from `isac sdp solve --json --repeat 2` (time inside the solver, after
# start-up and parsing) of the CLI published with ReadyToRun: "cold" is the first solve in the
# process (what one CLI call costs, remaining JIT work included), "warm" the second (what a
# program solving many problems, e.g. the alternating optimisation, pays per solve). CSDP's is the
# wall time of the `csdp` process (start-up and parsing included; both are milliseconds in C).
# Data folders: SDPLIB_DIR (default ../shared/sdplib), ISAC_SDP_DIR (default ../shared/isac-sdp).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
repeats=${1:-3}
sdplib=${SDPLIB_DIR:-$root/../shared/sdplib}
isacsdp=${ISAC_SDP_DIR:-$root/../shared/isac-sdp}

# The CLI as a user would install it: published with ReadyToRun, so that the solver's code is
# compiled ahead of time instead of by the JIT during the first (timed) solve.
out="$root/bench/obj/isac-r2r"
dotnet publish src/Isac.Cli -c Release -r linux-x64 --self-contained false -o "$out" -v quiet -nologo >/dev/null
isac="$out/isac"
have_csdp=0
if command -v csdp >/dev/null 2>&1; then have_csdp=1; else
  echo "csdp not found: timing Isac.Conic alone (apt-get update && apt-get install -y coinor-csdp libopenblas0-pthread)"
fi

field() { sed -E "s/.*\"$1\":(\"[^\"]*\"|[^,}]*).*/\1/" <<<"$2" | tr -d '"'; }
now() { date +%s.%N; }
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)   repeats: $repeats (minimum kept)"
[ "$have_csdp" = 1 ] && echo "csdp: $(command -v csdp), BLAS: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || echo unknown)"

run_set() {
  local title=$1 dir=$2
  [ -d "$dir" ] || { echo "$title: $dir not found, skipped"; return; }
  echo
  echo "== $title ($dir)"
  printf "%-22s %-16s %4s %8s %8s %8s %7s %7s  %-15s %-15s\n" problem status iter cold_s warm_s csdp_s cold/C warm/C ours_obj csdp_obj
  local logc=0 logw=0 count=0
  for f in "$dir"/*.dat-s; do
    local name cold="" warm="" csdp="" json="" cout="" status iters obj cobj="-" rc="-" rw="-"
    name=$(basename "$f" .dat-s)
    for ((r = 0; r < repeats; r++)); do
      json=$("$isac" sdp solve "$f" --json --repeat 2)
      cold=$(min "$cold" "$(field firstSolveSeconds "$json")")
      warm=$(min "$warm" "$(field solveSeconds "$json")")
      if [ "$have_csdp" = 1 ]; then
        local t0 t1
        t0=$(now); cout=$(csdp "$f" 2>&1 || true); t1=$(now)
        csdp=$(min "$csdp" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')")
      fi
    done
    status=$(field status "$json"); iters=$(field iterations "$json"); obj=$(field primalObjective "$json")
    if [ "$have_csdp" = 1 ]; then
      cobj=$(grep -m1 'Primal objective value' <<<"$cout" | awk '{print $4}' || true)
      rc=$(awk -v a="$cold" -v b="$csdp" 'BEGIN { printf "%.3f", a / b }')
      rw=$(awk -v a="$warm" -v b="$csdp" 'BEGIN { printf "%.3f", a / b }')
      logc=$(awk -v s="$logc" -v r="$rc" 'BEGIN { print s + log(r) }')
      logw=$(awk -v s="$logw" -v r="$rw" 'BEGIN { print s + log(r) }'); count=$((count + 1))
    fi
    printf "%-22s %-16s %4s %8.4f %8.4f %8.4f %7s %7s  %-15.8g %-15s\n" "$name" "$status" "$iters" "$cold" "$warm" "${csdp:-0}" "$rc" "$rw" "$obj" "${cobj:--}"
  done
  if [ "$count" -gt 0 ]; then
    awk -v c="$logc" -v w="$logw" -v n="$count" -v t="$title" \
      'BEGIN { printf "%s: geometric mean over %d problems of ours/CSDP: cold %.3f, warm %.3f\n", t, n, exp(c / n), exp(w / n) }'
  fi
}

run_set "SDPLIB" "$sdplib"
run_set "paper A (isac-sdp)" "$isacsdp"
