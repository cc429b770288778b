#!/usr/bin/env python3
"""Plugin export throughput: 1,000,000 generated facts exported through a Python pass-through plugin
(bench/passthrough_plugin.py, protocol versions 1 to 4) and through the Swift kit plugin alq-html,
next to the built-in CSV export and a baseline that only loads the file.

    swift build -c release --product alq --product alq-html
    python3 bench/plugins.py --alq .build/release/alq --html .build/release/alq-html

Each command runs --runs times (3 by default); the table gives the median wall time, the CPU time of
alq and its plugin together (user + sys), and rows per second of the export alone: rows divided by the
median wall time minus the baseline's (loading the CSV file is not the plugin's work), and rows per
CPU second (CPU time minus the baseline's: what an idle machine would need in all). The machine's
load average is printed with the figures: on a shared machine wall times wait for a core.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (alq and its children) of one run; exits on failure."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed: {result.stderr.decode(errors='replace')}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--alq", default=".build/release/alq")
    parser.add_argument("--html", default=".build/release/alq-html")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", default=os.path.join(HERE, "out"))
    parser.add_argument("--only", default="", help="run only the cases whose name contains this (and the baselines)")
    parser.add_argument("--passthrough", default=os.path.join(HERE, "passthrough_plugin.py"),
                        help="the Python pass-through plugin to run (another version of it, to compare)")
    arguments = parser.parse_args()

    facts = os.path.join(arguments.data, "facts.csv")
    if not os.path.exists(facts):
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--rows", str(arguments.rows),
                        "--seed", "42", "--out", arguments.data], check=True)
    with open(facts, "rb") as file:
        rows = sum(1 for _ in file) - 1
    plugin = os.path.abspath(arguments.passthrough)
    out = tempfile.mkdtemp(prefix="alq-bench-plugins-")
    load = f'let t = open("{facts}")'
    passthrough = f'{load}; t | export passthrough to "{out}/f.pt"'
    numbers = f"let t = range({rows})"
    # (name, plugin options, script, environment, starts a new baseline)
    cases = [
        ("baseline: load the 6-column file, count", [], f"{load}; t | count", {}, True),
        ("built-in `export csv`", [], f'{load}; t | export csv to "{out}/f.csv"', {}, False),
        ("Python, protocol 1 (rows), writes CSV", ["--plugin", plugin], passthrough,
         {"ALQ_BENCH_PROTOCOL": "1", "ALQ_BENCH_OUTPUT": "csv"}, False),
        ("Python, protocol 2 (columnar), writes CSV", ["--plugin", plugin], passthrough,
         {"ALQ_BENCH_PROTOCOL": "2", "ALQ_BENCH_OUTPUT": "csv"}, False),
        ("Python, protocol 4 (binary frames, number text), writes CSV column-wise", ["--plugin", plugin],
         passthrough, {"ALQ_BENCH_PROTOCOL": "4", "ALQ_BENCH_OUTPUT": "csv"}, False),
        ("Python, protocol 4, reads every frame (header and bytes), writes nothing", ["--plugin", plugin], passthrough,
         {"ALQ_BENCH_PROTOCOL": "4", "ALQ_BENCH_OUTPUT": "none"}, False),
        ("Python, protocol 3 (dictionaries, raw output), writes CSV column-wise", ["--plugin", plugin], passthrough,
         {"ALQ_BENCH_PROTOCOL": "3", "ALQ_BENCH_OUTPUT": "csv"}, False),
        ("Python, protocol 3, parses every batch, writes nothing", ["--plugin", plugin], passthrough,
         {"ALQ_BENCH_PROTOCOL": "3", "ALQ_BENCH_OUTPUT": "none"}, False),
        ("Python, protocol 2, writes each batch back as JSON", ["--plugin", plugin], passthrough,
         {"ALQ_BENCH_PROTOCOL": "2", "ALQ_BENCH_OUTPUT": "json"}, False),
        ("Python, protocol 2, parses every batch, writes nothing", ["--plugin", plugin], passthrough,
         {"ALQ_BENCH_PROTOCOL": "2", "ALQ_BENCH_OUTPUT": "none"}, False),
        ("Swift kit `alq-html` (the newest protocol alq offers)", ["--plugin", arguments.html],
         f'{load}; t | export html to "{out}/f.html"', {}, False),
        (f"baseline: range({rows}) (1 column), count", [], f"{numbers}; t | count", {}, True),
        ("Swift kit `alq-html`, 1 column", ["--plugin", arguments.html],
         f'{numbers}; t | export html to "{out}/n.html"', {}, False),
    ]
    print(f"{rows:,} rows ({facts}); load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print()
    print("| what | wall (median) | CPU, alq + plugin | rows/s of the export (wall) | rows per CPU second of the export |")
    print("| --- | --- | --- | --- | --- |")
    baseline = None
    for name, options, script, extra, starts in cases:
        if not starts and arguments.only not in name:
            continue
        env = dict(os.environ, **extra)
        command = [arguments.alq, "--no-init", *options, "-c", script]
        measured = [run(command, env) for _ in range(arguments.runs)]
        wall = statistics.median(m[0] for m in measured)
        cpu = statistics.median(m[1] for m in measured)
        if starts:
            baseline = (wall, cpu)
            rate, per_cpu = "—", "—"
        else:
            rate = f"{rows / max(wall - baseline[0], 1e-9):,.0f}"
            per_cpu = f"{rows / max(cpu - baseline[1], 1e-9):,.0f}"
        print(f"| {name} | {wall:.2f} s | {cpu:.2f} s | {rate} | {per_cpu} |", flush=True)
    print()
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
