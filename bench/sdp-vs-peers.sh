#!/usr/bin/env bash
# Benchmark: Isac.Conic against SDPA, DSDP and CSDP on the SDPLIB problems here (../shared/sdplib and
# ../shared/sdplib-extra) and on paper A's relaxations (../shared/isac-sdp); docs/performance.md holds the
# results with the command, the machine, the date and the load.
#
#   bash bench/sdp-vs-peers.sh [REPEATS] [more options of bench/scripts/sdp_peers.py]
#   bash bench/sdp-vs-peers.sh 3 --markdown results.md        # the table also into a file
#   bash bench/sdp-vs-peers.sh 2 --only 'maxG|mcp'           # some problems only
#   bash bench/sdp-vs-peers.sh --study [REPEATS]              # each peer under several thread settings
#
# Needs the .NET SDK, a C toolchain for Native AOT (clang or gcc; Debian's clang-14 is used when there is
# no plain clang), python3, and the peers from Debian (this script installs nothing; a missing peer is left
# out):   apt-get update && apt-get install -y coinor-csdp sdpa dsdp libopenblas0-pthread
#
# What is timed: whole processes, start-up, reading the file, the solve and the output:
#   ours    `isac-sdp sdp solve FILE --json` (the solver's command, the same source as `isac sdp solve`,
#           published with Native AOT), default settings, both cores;
#   csdp    `csdp FILE`;  sdpa `sdpa -ds FILE -o OUT -numThreads 2`;  dsdp `dsdp5 FILE`;
#           each with the settings of bench/scripts/peer-settings.json (OpenBLAS on one thread; tighter
#           tolerances on paper A's tiny objectives, where their default stopping tests are not enough).
# Solvers alternate problem by problem in a rotating order; the minimum of REPEATS runs is kept. A wrong
# answer (objective off the published optimum beyond the digits given) or a failure is never a time.
# Data folders: SDPLIB_DIR (default ../shared/sdplib), SDPLIB_EXTRA_DIR (../shared/sdplib-extra),
# ISAC_SDP_DIR (../shared/isac-sdp).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
study=0
if [ "${1:-}" = "--study" ]; then study=1; shift; fi
repeats=${1:-3}
[ $# -gt 0 ] && shift
sdplib=${SDPLIB_DIR:-$root/../shared/sdplib}
extra=${SDPLIB_EXTRA_DIR:-$root/../shared/sdplib-extra}
isacsdp=${ISAC_SDP_DIR:-$root/../shared/isac-sdp}

linker=clang
command -v clang >/dev/null 2>&1 || { command -v clang-14 >/dev/null 2>&1 && linker=clang-14; } || linker=gcc
aot="$root/bench/obj/isac-sdp-aot"
dotnet publish src/Isac.Cli.Sdp -c Release -r linux-x64 -p:IsacNativeAot=true -p:CppCompilerAndLinker=$linker \
  -o "$aot" -v quiet -nologo >/dev/null

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)   repeats: $repeats (minimum kept)   load at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (uncommitted changes)')   AOT linker: $linker"
for p in csdp sdpa dsdp5; do
  command -v $p >/dev/null 2>&1 && echo "$p: $(dpkg-query -W -f='${Version}' $({ [ $p = csdp ] && echo coinor-csdp; } || { [ $p = dsdp5 ] && echo dsdp; } || echo $p) 2>/dev/null || echo '?')"
done
echo "BLAS: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || echo unknown)"
echo

sets=(--set "sdplib=$sdplib" --set "extra=$extra" --set "isac=$isacsdp")
if [ "$study" = 1 ]; then
  python3 bench/scripts/sdp_peers.py --ours "$aot/isac-sdp" --repeats "$repeats" "${sets[@]}" \
    --solvers csdp@blas1,csdp@blas2,sdpa@t1,sdpa@t2,sdpa@b2t1,sdpa@b2t2,dsdp@blas1,dsdp@blas2 \
    --peer-settings bench/scripts/peer-settings-study.json --skip 'comp-blp' "$@"
else
  python3 bench/scripts/sdp_peers.py --ours "$aot/isac-sdp" --repeats "$repeats" "${sets[@]}" \
    --peer-settings bench/scripts/peer-settings.json "$@"
fi
