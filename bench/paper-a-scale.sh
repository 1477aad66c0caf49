#!/usr/bin/env bash
# Paper A at massive-MIMO sizes (issue 11; docs/performance.md, "Massive MIMO"): every design at Ntx = 8 … 128 on
# the Rayleigh network (L = Ntx + 6, δ = 0.01, γ = 10 dB, one solver thread), with the subspace reduction on and off
# (off until a run would take more than BUDGET seconds), wall and CPU time, RCRB, the statuses of the convex
# problems that did not end Optimal, the load average, and the fitted growth exponents.
#
#   bash bench/paper-a-scale.sh [CSV] [extra options of the bench's scale mode, e.g. --ntx 8,16,32 --designs blp-comp]
#
# The CSV (default bench-paper-a-scale.csv in the current folder) is appended to as runs finish. Timings on a shared
# machine are pessimistic: the load average is printed beside every row.
set -euo pipefail
cd "$(dirname "$0")/.."
csv=${1:-bench-paper-a-scale.csv}
shift || true
dotnet build bench/Isac.Precoding.Bench -c Release -v quiet -nologo >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)   commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)   uptime:$(uptime | sed 's/.*load/ load/')"
dotnet bench/Isac.Precoding.Bench/bin/Release/net10.0/Isac.Precoding.Bench.dll scale \
    --designs blp-comp,blp-cbf,blp-comp-exact,blp-cbf-exact,slp-cbf,slp-comp --csv "$csv" "$@"
echo "end: $(date -u +%Y-%m-%dT%H:%MZ)   uptime:$(uptime | sed 's/.*load/ load/')"
