#!/usr/bin/env python3
"""Instructions alq spends on workloads of bench/workloads.py, counted by callgrind.

    python3 bench/instructions.py --alq .build/release/alq --data bench/out --workloads join,top_value

For each workload it runs, under `valgrind --tool=callgrind`, one alq process that loads facts.csv,
defines `w` and `rt` and runs the workload REPS times, and one that only loads and defines; the
difference divided by REPS is the workload's figure (the binary is copied without its debug information
first: this machine's valgrind cannot read DWARF 5). Instruction counts do not depend on what else the
machine is doing, so they compare a change's before and after where wall times on a loaded machine
cannot; they add up the instructions of every thread, so work split over both cores counts in full.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workloads as wl  # noqa: E402  (bench/workloads.py, next to this file)
from harness import Bench  # noqa: E402

REPS = 3


def instructions(alq: str, script: str) -> int:
    """The instructions (`Ir`) of every thread of one alq run of `script`."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "callgrind.out")
        r = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", alq, script],
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise SystemExit(f"alq failed on {script}: {r.stderr[-2000:]}")
        match = re.search(r"Collected : (\d+)", r.stderr)
        if not match:
            raise SystemExit(f"no instruction count in callgrind's output: {r.stderr[-500:]}")
        return int(match.group(1))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--alq", required=True)
    p.add_argument("--data", required=True, help="folder with facts.csv")
    p.add_argument("--workloads", required=True, help="comma-separated keys of bench/workloads.py")
    p.add_argument("--reps", type=int, default=REPS)
    args = p.parse_args()
    csv_path = os.path.abspath(os.path.join(args.data, "facts.csv"))
    facts = Bench.load_facts_from(csv_path)
    known = {w.key: w for w in wl.workloads(facts)}
    keys = [k for k in args.workloads.split(",") if k]
    unknown = [k for k in keys if k not in known]
    if unknown:
        raise SystemExit(f"unknown workloads {', '.join(unknown)}; the keys are {', '.join(known)}")
    with tempfile.TemporaryDirectory() as tmp:
        alq = os.path.join(tmp, "alq")
        subprocess.run(["objcopy", "--strip-debug", args.alq, alq], check=True)
        run(alq, keys, known, facts, csv_path, args.reps)


def run(alq: str, keys: list[str], known: dict[str, wl.Workload], facts: wl.Facts, csv_path: str,
        reps: int) -> None:
    setup = f"let t = open({json.dumps(csv_path)})\n{wl.alq_setup(facts)}"
    with tempfile.TemporaryDirectory() as tmp:
        base = os.path.join(tmp, "load.alq")
        with open(base, "w", encoding="utf-8") as f:
            f.write(setup + "len(t)\n")
        base_ir = instructions(alq, base)
        print(f"load only: {base_ir:,} instructions", flush=True)
        for key in keys:
            script = os.path.join(tmp, f"{key}.alq")
            with open(script, "w", encoding="utf-8") as f:
                f.write(setup + "len(t)\n" + "".join(f"let r = t | {known[key].alq}\n" for _ in range(reps)))
            ir = (instructions(alq, script) - base_ir) / reps
            print(f"{key}: {ir / 1e6:,.1f} M instructions per run ({known[key].label})", flush=True)


if __name__ == "__main__":
    main()
