#!/usr/bin/env bash
# Paper B at network scale: `isac simulate --scheme sd-uscb`, 10 epochs, on the paper's 3 cells
# (default.json), 21 cells (umi-7.json) and 57 cells (umi-19.json); whole-process wall and CPU time,
# peak memory, and the time per epoch of each phase (from epochs.csv). Rerunnable:
#   bash bench/paper-b-scale.sh [OUT_DIR]        (from the repository root)
# The machine's load is printed before and after every run: compare runs made at a low load.
set -euo pipefail
out=${1:-results/bench/paper-b-scale}
mkdir -p "$out"
dotnet build src/Isac.Cli -c Release > /dev/null
isac=(dotnet src/Isac.Cli/bin/Release/net10.0/isac.dll)   # an array, not a function: /usr/bin/time runs programs only
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, commit $(git rev-parse --short HEAD)"
printf "%-14s %5s %9s %9s %8s %11s %11s %11s %11s %11s %10s %9s\n" scenario cells wall_s cpu_s peak_MB sched_s/ep exch_s/ep bf_s/ep sense_s/ep epoch_s map_points map_MB
for s in default umi-7 umi-19; do
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %U %M" -o "$out/$s.time" "${isac[@]}" simulate --scenario "scenarios/paper-b/$s.json" --scheme sd-uscb --out "$out/$s" > "$out/$s.log" 2>&1
  load_after=$(cut -d' ' -f1 /proc/loadavg)
  read -r wall cpu kb < "$out/$s.time"
  python3 - "$out/$s/epochs.csv" "$s" "$wall" "$cpu" "$kb" "$load_before" "$load_after" <<'PY'
import csv, sys
path, name, wall, cpu, kb, l0, l1 = sys.argv[1:]
rows = list(csv.DictReader(open(path)))
n = len(rows)
def per(col): return sum(float(r[col]) for r in rows) / n
cells = {"default": 3, "umi-7": 21, "umi-19": 57}[name]
print(f"{name:<14} {cells:5d} {float(wall):9.1f} {float(cpu):9.1f} {int(kb)/1024:8.0f} {per('scheduling_s'):11.3f} {per('exchange_s'):11.3f} "
      f"{per('beamforming_s'):11.3f} {per('transmit_sense_s'):11.3f} {per('epoch_wall_s'):11.3f} {rows[-1]['map_points']:>10} "
      f"{int(rows[-1]['map_memory_bytes'])/1e6:9.1f}   (load {l0} -> {l1})")
PY
done
