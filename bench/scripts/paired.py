#!/usr/bin/env python3
"""Paired comparison of curves in a paper-B results folder (results.jsonl of isac reproduce/run).

usage: paired.py RESULTS_DIR KEY [EPOCH]   (KEY: the curve's sweep parameter: scheme, scheduler, beamforming, sensing_threshold)
Prints, for the last epoch (or EPOCH), each curve's per-draw accumulated PFR, and every pair's
mean difference with a 95 % interval over the draws (paired: both curves see the same networks)
and how many draws the first curve wins.
"""
import json, math, sys, collections

folder, key = sys.argv[1], sys.argv[2]
want = int(sys.argv[3]) if len(sys.argv) > 3 else None
values = collections.defaultdict(dict)   # curve -> draw -> value
last = 0
rows = []
for line in open(f"{folder}/results.jsonl"):
    p = json.loads(line)
    coords = dict(kv.split("=", 1) for kv in p["key"].split(","))
    for r in p["rows"]:
        row = dict(zip(p["columns"], r))
        rows.append((coords, row))
        last = max(last, row.get("epoch", 0) or 0)
epoch = want or last
for coords, row in rows:
    if row.get("epoch", epoch) != epoch:
        continue
    curve = ",".join(f"{k}={v}" for k, v in coords.items() if k == key or (k == "scheduled_per_cell" and key != "scheme" and key != "scheduler" and key != "sensing_threshold"))
    values[curve][int(coords["draw"])] = row["accumulated_pfr"]
print(f"epoch {epoch}")
for c, d in values.items():
    v = [d[k] for k in sorted(d)]
    print(f"{c:45s} mean {sum(v)/len(v):8.2f}  draws: " + " ".join(f"{x:6.1f}" for x in v))
curves = list(values)
for i, a in enumerate(curves):
    for b in curves[i + 1:]:
        common = sorted(set(values[a]) & set(values[b]))
        diff = [values[a][k] - values[b][k] for k in common]
        n = len(diff)
        m = sum(diff) / n
        s = math.sqrt(sum((x - m) ** 2 for x in diff) / (n - 1)) if n > 1 else float("nan")
        wins = sum(x > 0 for x in diff)
        print(f"{a} − {b}: {m:+7.2f} ± {1.96 * s / math.sqrt(n):5.2f} (95 %), first ahead in {wins}/{n} draws")
