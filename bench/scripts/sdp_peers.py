#!/usr/bin/env python3
"""Isac.Conic against SDPA, DSDP and CSDP on SDPA files: per problem each solver's whole-process time,
status and objective error against the published optimum; our ratio to each peer and to the best peer
per problem; geometric means per family and overall.

usage: sdp_peers.py --ours PATH [--repeats N] [--set NAME=DIR ...] [--solvers ours,csdp,sdpa,dsdp]
                    [--only REGEX] [--peer-settings FILE] [--markdown FILE] [--json FILE]
                    [--timeout SECONDS] [--warm]

Called by bench/sdp-vs-peers.sh, which builds `isac-sdp` (Native AOT) first; see that script for what
is timed. Rules (docs/performance.md, "Conic solver against SDPA, DSDP and CSDP"):
- a run is *right* when its status claims a solution (or the expected infeasibility) and its objective
  is within one unit of the last digit given in optimal-values.csv (1e-3 relative where the file says
  the value has few significant digits; 1e-4 relative for the tight reference values of
  bench/scripts/reference-values.csv). A wrong answer or a failure is never a time: it is left out of
  every ratio and listed.
- solvers run one after another, file by file, in an order rotated every repeat, so a busy machine
  slows them alike; the minimum wall time (and the minimum CPU time) over the repeats is kept.
- ratios: ours/peer over the problems both got right; ours/best over the problems we got right and at
  least one peer got right (the best peer is the fastest right one on that problem).
"""
import argparse
import csv
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

# ---------------------------------------------------------------------------------------------------
# Reference optima


def significant_unit(text):
    """One unit of the last significant digit of a number written as in optimal-values.csv."""
    m = re.fullmatch(r"\s*[-+]?(\d*)\.?(\d*)(?:[eE]([-+]?\d+))?\s*", text)
    if not m:
        raise ValueError(f"not a number: {text!r}")
    decimals = len(m.group(2))
    exponent = int(m.group(3) or 0)
    return 10.0 ** (exponent - decimals)


class Reference:
    """What a right answer is for one problem: an optimum with its tolerance, or an infeasibility."""

    def __init__(self, name, value=None, tolerance=None, infeasible=None, source=""):
        self.name, self.value, self.tolerance, self.infeasible, self.source = name, value, tolerance, infeasible, source

    def check(self, result):
        """(right?, objective error or None) for a parsed solver result."""
        if self.infeasible is not None:
            return result.status == self.infeasible, None
        if result.status not in ("optimal", "reduced") or result.objective is None or not math.isfinite(result.objective):
            return False, None
        err = abs(result.objective - self.value)
        return err <= self.tolerance, err / max(abs(self.value), 1e-300)


def read_references(folder, overrides):
    refs = {}
    path = os.path.join(folder, "optimal-values.csv")
    if not os.path.exists(path):
        return refs
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            name = row["problem"].strip()
            note = (row.get("note") or "").lower()
            text = (row.get("optimal_value") or "").strip()
            if "primal infeasible" in note:
                # SDPLIB's labels are SDPA's: "primal" is the SDPA primal (min cᵀx, Σ F_i x_i − F_0 ⪰ 0).
                refs[name] = Reference(name, infeasible="sdpa-primal-infeasible", source="optimal-values.csv")
            elif "dual infeasible" in note:
                refs[name] = Reference(name, infeasible="sdpa-dual-infeasible", source="optimal-values.csv")
            elif text:
                value = float(text)
                tol = significant_unit(text)
                if "few significant digits" in note:
                    tol = max(tol, 1e-3 * abs(value))
                refs[name] = Reference(name, value, tol, source=f"optimal-values.csv ({text})")
    for name, (value, rel, source) in overrides.items():
        if name in refs or os.path.exists(os.path.join(folder, name + ".dat-s")):
            refs[name] = Reference(name, value, rel * abs(value), source=source)
    return refs


def read_overrides(path):
    out = {}
    if not path or not os.path.exists(path):
        return out
    with open(path, newline="") as f:
        for row in csv.DictReader(line for line in f if not line.startswith("#")):
            out[row["problem"].strip()] = (float(row["value"]), float(row["relative_tolerance"]), row["source"].strip())
    return out


# ---------------------------------------------------------------------------------------------------
# Solvers: command line and parsing of their output. Statuses are mapped to one vocabulary:
# optimal, reduced (a solution with reduced accuracy), sdpa-primal-infeasible, sdpa-dual-infeasible
# (SDPA's labels, as SDPLIB's infp1/infd1 use them), fail (anything else: limits, numerical trouble,
# a crash, a timeout).


class Result:
    def __init__(self, status, objective=None, other=None, iterations=None, detail=""):
        self.status, self.objective, self.other, self.iterations, self.detail = status, objective, other, iterations, detail


def number(pattern, text):
    m = re.search(pattern, text)
    return float(m.group(1)) if m else None


class Ours:
    name = "ours"

    def __init__(self, exe, extra):
        self.exe, self.extra = exe, extra

    def command(self, problem, workdir):
        return [self.exe, "sdp", "solve", problem, "--json"] + self.extra, {}

    def parse(self, out, rc):
        try:
            d = json.loads(out.strip().splitlines()[-1])
        except (ValueError, IndexError):
            return Result("fail", detail=f"no JSON (exit {rc})")
        s = d["status"]
        status = {"Solved": "optimal", "ReducedAccuracy": "reduced",
                  # Isac.Conic uses CSDP's labels: its DualInfeasible is SDPA's primal infeasible.
                  "DualInfeasible": "sdpa-primal-infeasible", "PrimalInfeasible": "sdpa-dual-infeasible"}.get(s, "fail")
        r = Result(status, d.get("primalObjective"), d.get("dualObjective"), d.get("iterations"), s)
        r.reason = d.get("termination", "")
        r.solve_seconds = d.get("solveSeconds")
        r.algorithm = d.get("algorithm", "")
        return r


class Csdp:
    name = "csdp"

    def __init__(self, env, param):
        self.env, self.param = env, param

    def command(self, problem, workdir):
        if self.param:
            shutil.copy(self.param, os.path.join(workdir, "param.csdp"))
        return ["csdp", problem], self.env

    def parse(self, out, rc):
        # CSDP's exit codes: 0 solved, 1 primal infeasible, 2 dual infeasible, 3 partial success, ≥ 4 failures.
        # Its labels are the opposite of SDPA's: CSDP's primal is SDPA's dual.
        pobj = number(r"Primal objective value:\s*(\S+)", out)
        dobj = number(r"Dual objective value:\s*(\S+)", out)
        iters = [int(x) for x in re.findall(r"Iter:\s*(\d+)", out)]
        status = {0: "optimal", 3: "reduced", 1: "sdpa-dual-infeasible", 2: "sdpa-primal-infeasible"}.get(rc, "fail")
        return Result(status, pobj, dobj, iters[-1] if iters else None, f"exit {rc}")


class Sdpa:
    name = "sdpa"

    def __init__(self, env, args, param):
        self.env, self.args, self.param = env, args, param

    def command(self, problem, workdir):
        cmd = ["sdpa", "-ds", problem, "-o", os.path.join(workdir, "sdpa.out")] + self.args
        if self.param:
            cmd += ["-p", self.param]
        return cmd, self.env

    def parse(self, out, rc):
        phase = re.search(r"phase\.value\s*=\s*(\S+)", out)
        phase = phase.group(1) if phase else f"none (exit {rc})"
        # SDPA's objValPrimal is cᵀx, its primal (CSDP's dual); at a solution both equal CSDP's optimum.
        pobj = number(r"objValPrimal\s*=\s*(\S+)", out)
        dobj = number(r"objValDual\s*=\s*(\S+)", out)
        iters = number(r"Iteration\s*=\s*(\d+)", out)
        # pFEAS, dFEAS, pdFEAS: stopped (SDPA's stagnation test) with one or both sides feasible but the gap
        # open: a solution of reduced accuracy, right if its objective is.
        status = {"pdOPT": "optimal", "pFEAS": "reduced", "dFEAS": "reduced", "pdFEAS": "reduced",
                  "dUNBD": "sdpa-primal-infeasible", "pINF_dFEAS": "sdpa-primal-infeasible",
                  "pUNBD": "sdpa-dual-infeasible", "pFEAS_dINF": "sdpa-dual-infeasible"}.get(phase, "fail")
        return Result(status, pobj, dobj, int(iters) if iters is not None else None, phase)


class Dsdp:
    name = "dsdp"

    def __init__(self, env, args):
        self.env, self.args = env, args

    def command(self, problem, workdir):
        return ["dsdp5", problem, "-print", "1"] + self.args, self.env

    def parse(self, out, rc):
        # DSDP maximises bᵀy with b = −c of the SDPA file: its objectives are CSDP's with the sign flipped.
        # "DSDP Solution" is its dual (y) objective, the value it reports; "P Objective" its primal.
        dobj = number(r"DSDP Solution:\s*(\S+)", out)
        pobj = number(r"P Objective\s*:\s*(\S+)", out)
        rows = re.findall(r"^(\d+)\s+[-+0-9.e]+\s+[-+0-9.e]+", out, re.M)
        iters = int(rows[-1]) if rows else None
        if "Dual Unbounded, Primal Infeasible" in out:
            status = "sdpa-dual-infeasible"
        elif "Primal Unbounded, Dual Infeasible" in out:
            status = "sdpa-primal-infeasible"
        elif "DSDP Converged" in out and rc == 0:
            status = "optimal"
        elif rc == 0 and dobj is not None and ("Small Steps" in out or re.search(r"^DSDP Finished", out, re.M)):
            # Stopped by short steps or by a reason the driver does not name (qap5: "DSDP Finished" at the
            # exact optimum): a solution of reduced accuracy, right if its objective is.
            status = "reduced"
        else:
            status = "fail"
        m = re.search(r"^DSDP (Terminated[^\n]*|Finished|Converged)", out, re.M)
        rc = m.group(1).strip() if m else f"exit {rc}"
        return Result(status, -dobj if dobj is not None else None, -pobj if pobj is not None else None, iters, str(rc))


# ---------------------------------------------------------------------------------------------------
# Timing a whole process: wall time and the CPU time (user + system) of the process and its threads.


def run(cmd, env, workdir, timeout):
    full_env = dict(os.environ)
    full_env.update(env)
    out_path = os.path.join(workdir, "stdout.txt")
    with open(out_path, "w") as out:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=workdir, env=full_env)
        timer = threading.Timer(timeout, p.kill)
        timer.start()
        pid, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        timed_out = not timer.is_alive()
        timer.cancel()
        if timed_out:
            return None, wall, usage.ru_utime + usage.ru_stime, "timeout"
    p.returncode = os.waitstatus_to_exitcode(status)
    with open(out_path, errors="replace") as f:
        text = f.read()
    return p.returncode, wall, usage.ru_utime + usage.ru_stime, text


def family(name):
    if name.startswith("comp-blp"):
        return "isac"
    if name.startswith("inf"):
        return "inf"
    return re.match(r"[A-Za-z]+", name).group(0)


def geomean(values):
    values = [v for v in values if v and v > 0]
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ours", required=True)
    ap.add_argument("--ours-args", default="")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--set", action="append", default=[], help="NAME=DIR")
    ap.add_argument("--solvers", default="ours,csdp,sdpa,dsdp")
    ap.add_argument("--only", default="")
    ap.add_argument("--skip", default="")
    ap.add_argument("--peer-settings", default="")
    ap.add_argument("--references", default=os.path.join(os.path.dirname(__file__), "reference-values.csv"))
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--markdown", default="")
    ap.add_argument("--json", default="")
    ap.add_argument("--warm", action="store_true", help="also time a second solve inside one process of ours")
    a = ap.parse_args()

    settings = json.load(open(a.peer_settings)) if a.peer_settings else {}
    here = os.path.dirname(os.path.abspath(__file__))

    def peer(full_name, set_name):
        # Per-set settings override the defaults (e.g. tighter tolerances for paper A's tiny objectives);
        # "sdpa@t1" is SDPA with the settings of that key (for comparing settings of one solver).
        name = full_name.split("@")[0]
        s = dict(settings.get("default", {}).get(full_name, {}))
        s.update(settings.get(set_name, {}).get(full_name, {}))
        env = {k: str(v) for k, v in s.get("env", {}).items()}
        param = s.get("param")
        param = os.path.join(here, param) if param and not os.path.isabs(param) else param
        if name == "ours":
            return Ours(os.path.abspath(a.ours), a.ours_args.split() + s.get("args", []))
        if name == "csdp":
            return Csdp(env, param)
        if name == "sdpa":
            return Sdpa(env, s.get("args", []), param)
        if name == "dsdp":
            return Dsdp(env, s.get("args", []))
        raise SystemExit(f"unknown solver {name}")

    names = [s for s in a.solvers.split(",") if s]
    available = [n for n in names if n.startswith("ours") or shutil.which({"dsdp": "dsdp5"}.get(n.split("@")[0], n.split("@")[0]))]
    for n in names:
        if n not in available:
            print(f"{n}: not on PATH, left out (Debian: apt-get install coinor-csdp sdpa dsdp)")
    overrides = read_overrides(a.references)
    problems = []  # (set, name, path, reference)
    for spec in a.set:
        set_name, folder = spec.split("=", 1)
        if not os.path.isdir(folder):
            print(f"{set_name}: {folder} not found, skipped")
            continue
        refs = read_references(folder, overrides)
        for f in sorted(os.listdir(folder)):
            if not f.endswith(".dat-s"):
                continue
            name = f[:-6]
            if a.only and not re.search(a.only, name):
                continue
            if a.skip and re.search(a.skip, name):
                continue
            problems.append((set_name, name, os.path.join(os.path.abspath(folder), f), refs.get(name)))

    best = {}  # (problem, solver) -> dict
    workdir = tempfile.mkdtemp(prefix="sdp-peers-")
    try:
        for r in range(a.repeats):
            for k, (set_name, name, path, ref) in enumerate(problems):
                order = available[(r + k) % len(available):] + available[:(r + k) % len(available)]
                for solver_name in order:
                    solver = peer(solver_name, set_name)
                    sub = os.path.join(workdir, solver_name)
                    shutil.rmtree(sub, ignore_errors=True)
                    os.makedirs(sub)
                    cmd, env = solver.command(path, sub)
                    rc, wall, cpu, out = run(cmd, env, sub, a.timeout)
                    res = Result("fail", detail="timeout") if rc is None else solver.parse(out, rc)
                    right, err = ref.check(res) if ref else (res.status in ("optimal", "reduced"), None)
                    key = (name, solver_name)
                    e = best.get(key)
                    if e is None:
                        e = best[key] = {"set": set_name, "wall": wall, "cpu": cpu, "runs": 0, "right_runs": 0}
                    e["runs"] += 1
                    e["right_runs"] += 1 if right else 0
                    e["wall"] = min(e["wall"], wall)
                    e["cpu"] = min(e["cpu"], cpu)
                    # The outcome of the last run is reported; a solver that is right only sometimes is
                    # counted wrong (right_runs < runs).
                    e.update(status=res.status, detail=res.detail, objective=res.objective, other=res.other,
                             iterations=res.iterations, error=err, right=right and e["right_runs"] == e["runs"],
                             reason=getattr(res, "reason", ""), algorithm=getattr(res, "algorithm", ""))
                    if solver_name == "ours" and a.warm and r == 0 and rc is not None:
                        wcmd = cmd + ["--repeat", "2"]
                        _, _, _, wout = run(wcmd, env, sub, a.timeout)
                        try:
                            e["warm"] = json.loads(wout.strip().splitlines()[-1])["solveSeconds"]
                        except (ValueError, IndexError, KeyError):
                            e["warm"] = None
                print(f"  [{r + 1}/{a.repeats}] {name}: " + ", ".join(
                    f"{s} {best[(name, s)]['wall']:.3f}s{'' if best[(name, s)]['right'] else ' ✗'}" for s in available),
                    file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    report(a, problems, available, best)


def report(a, problems, solvers, best):
    peers = [s for s in solvers if s != "ours"]
    lines = []
    out = lines.append
    load = open("/proc/loadavg").read().split()[:3]
    out(f"load average at the end: {' '.join(load)}; repeats: {a.repeats} (minimum kept)")
    out("")
    head = ["problem", "ours s"] + (["ours warm s"] if a.warm else []) + ["ours status (reason)"] + \
           [f"{p} s" for p in peers] + ["best peer"] + [f"ours/{p}" for p in peers] + ["ours/best"]
    out("| " + " | ".join(head) + " |")
    out("|" + "|".join(" --- " if i < (4 if a.warm else 3) else " ---: " for i in range(len(head))) + "|")
    per_family = {}
    failures = []
    slower = 0
    compared = 0
    for set_name, name, path, ref in problems:
        o = best.get((name, "ours"))
        if o is None:
            o = {"right": False, "wall": float("nan"), "detail": "not run", "status": "not run", "objective": None}
        fam = family(name)
        cells = [name, f"{o['wall']:.3f}" if o["right"] else f"✗ {o['wall']:.3f}"] + \
                ([f"{o['warm']:.4f}" if o.get("warm") else "-"] if a.warm else []) + [
                 o["detail"] + (f" ({o['reason']})" if o.get("reason") and o["detail"] != "Solved" else "") +
                 (f" [{o['algorithm']}]" if o.get("algorithm") and o["algorithm"] not in ("", "primal-dual") else "")]
        right_peers = {}
        for p in peers:
            e = best.get((name, p))
            if e is None:
                cells.append("-")
                continue
            if e["right"]:
                right_peers[p] = e["wall"]
                cells.append(f"{e['wall']:.3f}")
            else:
                cells.append(f"✗ {e['status'] if e['status'] != 'optimal' and e['status'] != 'reduced' else 'wrong'}")
        bp = min(right_peers, key=right_peers.get) if right_peers else None
        cells.append(bp or "-")
        for p in peers:
            if o["right"] and p in right_peers:
                r = o["wall"] / right_peers[p]
                cells.append(f"{r:.2f}")
                per_family.setdefault(fam, {}).setdefault(p, []).append(r)
                per_family.setdefault("all", {}).setdefault(p, []).append(r)
            else:
                cells.append("-")
        if o["right"] and bp:
            r = o["wall"] / right_peers[bp]
            cells.append(f"**{r:.2f}**")
            per_family.setdefault(fam, {}).setdefault("best", []).append(r)
            per_family.setdefault("all", {}).setdefault("best", []).append(r)
            compared += 1
            slower += r > 1
        else:
            cells.append("-")
        if not o["right"] and right_peers:
            failures.append(f"{name}: ours {o['status']} ({o['detail']}, objective {o['objective']}), "
                            f"right: {', '.join(right_peers)}")
        out("| " + " | ".join(cells) + " |")
    out("")
    out("Objective errors (relative to the reference; ✗ = wrong or failed, with the status):")
    out("")
    out("| problem | reference | " + " | ".join(solvers) + " |")
    out("| --- | --- |" + " --- |" * len(solvers))
    for set_name, name, path, ref in problems:
        cells = [name, (f"{ref.value:.8g} ± {ref.tolerance:.1g}" if ref and ref.infeasible is None
                        else (ref.infeasible if ref else "none"))]
        for s in solvers:
            e = best.get((name, s))
            if e is None:
                cells.append("-")
            elif e["error"] is not None:
                cells.append(f"{'' if e['right'] else '✗ '}{e['error']:.1e} {e['status']}")
            else:
                cells.append(f"{'' if e['right'] else '✗ '}{e['status']}")
        out("| " + " | ".join(cells) + " |")
    out("")
    out("Geometric means of ours/peer (problems both right) and ours/best peer:")
    out("")
    cols = peers + ["best"]
    out("| family | problems | " + " | ".join(f"ours/{c}" for c in cols) + " |")
    out("| --- | ---: |" + " ---: |" * len(cols))
    for fam in sorted(per_family, key=lambda f: (f == "all", f)):
        d = per_family[fam]
        n = len(d.get("best", []))
        out(f"| {'**all**' if fam == 'all' else fam} | {n} | " +
            " | ".join(f"{geomean(d[c]):.2f} ({len(d[c])})" if c in d else "-" for c in cols) + " |")
    out("")
    out(f"ours slower than the best peer on {slower} of {compared} problems compared.")
    if failures:
        out("We fail where a peer is right: " + "; ".join(failures))
    out("")
    out("Every solver on the problems all of them got right (geometric means of whole-process wall and CPU "
        "seconds; CPU = user + system of the process and its threads):")
    out("")
    out("| solver | right | wall s (geo. mean) | CPU s (geo. mean) | common problems |")
    out("| --- | ---: | ---: | ---: | ---: |")
    common = [name for _, name, _, _ in problems if all(best.get((name, s), {}).get("right") for s in solvers)]
    for s in solvers:
        right = sum(1 for _, name, _, _ in problems if best.get((name, s), {}).get("right"))
        walls = [best[(name, s)]["wall"] for name in common]
        cpus = [best[(name, s)]["cpu"] for name in common]
        out(f"| {s} | {right}/{len(problems)} | {geomean(walls):.4f} | {geomean(cpus):.4f} | {len(common)} |")
    text = "\n".join(lines)
    print(text)
    if a.markdown:
        with open(a.markdown, "w") as f:
            f.write(text + "\n")
    if a.json:
        with open(a.json, "w") as f:
            json.dump({f"{k[0]}|{k[1]}": v for k, v in best.items()}, f, indent=1)


if __name__ == "__main__":
    main()
