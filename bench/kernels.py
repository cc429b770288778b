#!/usr/bin/env python3
"""Column-kernel workloads (`in`, top-N, typed sorts, lookups, joins, groupings), alq against the DuckDB CLI.

    python3 bench/generate.py --rows 1000000 --seed 42 --out bench/out
    python3 bench/kernels.py --alq .build/release/alq --duckdb duckdb --data bench/out/facts.csv

For each workload it prints the median wall time of alq's `--timer` lines and of DuckDB's `.timer`
lines (the table already in memory), and the CPU time (user + sys) per query: DuckDB's own figures, and
for alq the CPU time of a process that loads the file and runs the query REPS times, less that of one
that only loads it, divided by REPS. CPU time is the figure to trust on a loaded machine.

It is the before/after tool of the hand-written sections of docs/benchmarks.md; `make bench` runs the
workloads of bench/workloads.py against every peer, with their answers checked, through bench/harness.py.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import tempfile

REPS = 5


def setup(all_regions: list[str]) -> tuple[str, str]:
    """A weight per region, as an alq record `w` and a table `rt`, and as a DuckDB table `w`."""
    weights = [(r, 1 + (i % 7) / 4) for i, r in enumerate(all_regions)]
    record = ", ".join(f'"{r}": {x}' for r, x in weights)
    rows = ", ".join(f'{{region: "{r}", w: {x}}}' for r, x in weights)
    values = ", ".join(f"('{r}', {x})" for r, x in weights)
    return (f"let w = {{{record}}}\nlet rt = [{rows}] | take {len(weights)}\n",
            f"CREATE TABLE w AS SELECT * FROM (VALUES {values}) v(region, w);\n")


def workloads(regions: list[str]) -> list[tuple[str, str, str]]:
    alq50 = ", ".join(f'"{r}"' for r in regions[:50])
    sql50 = ", ".join(f"'{r}'" for r in regions[:50])
    return [
        ("where region in [50 strings] | agg sum",
         f"t | where region in [{alq50}] | agg s = sum(value)",
         f"SELECT sum(value) FROM t WHERE region IN ({sql50});"),
        ("where region in [1 string] | agg sum",
         f't | where region in ["{regions[0]}"] | agg s = sum(value)',
         f"SELECT sum(value) FROM t WHERE region IN ('{regions[0]}');"),
        ("where value in [3 numbers] | agg sum",
         "t | where value in [4243342.97, 100, 2024] | agg s = sum(value)",
         "SELECT sum(value) FROM t WHERE value IN (4243342.97, 100, 2024);"),
        ("sort value desc | take 5", "t | sort value desc | take 5",
         "SELECT * FROM t ORDER BY value DESC LIMIT 5;"),
        ("sort region | take 5", "t | sort region | take 5", "SELECT * FROM t ORDER BY region LIMIT 5;"),
        ("full sort by region", "let s = t | sort region",
         "CREATE OR REPLACE TABLE s AS SELECT * FROM t ORDER BY region;"),
        ("full sort by value", "let s = t | sort value",
         "CREATE OR REPLACE TABLE s AS SELECT * FROM t ORDER BY value;"),
        ("full sort by region, year desc, value", "let s = t | sort region, year desc, value",
         "CREATE OR REPLACE TABLE s AS SELECT * FROM t ORDER BY region, year DESC, value;"),
        ("derive u = upper(region)", "let s = t | derive u = upper(region)",
         "CREATE OR REPLACE TABLE s AS SELECT *, upper(region) AS u FROM t;"),
        ('derive c = region + "/" + metric', 'let s = t | derive c = region + "/" + metric',
         "CREATE OR REPLACE TABLE s AS SELECT *, region || '/' || metric AS c FROM t;"),
        ("derive r = round(value)", "let s = t | derive r = round(value)",
         "CREATE OR REPLACE TABLE s AS SELECT *, round(value) AS r FROM t;"),
        ('where lower(region) == "yaxi" | agg sum', 't | where lower(region) == "yaxi" | agg s = sum(value)',
         "SELECT sum(value) FROM t WHERE lower(region) = 'yaxi';"),
        ("lookup derive wv = value * w[region] (DuckDB: a join)", "let s = t | derive wv = value * w[region]",
         "CREATE OR REPLACE TABLE s AS SELECT t.*, t.value * w.w AS wv FROM t LEFT JOIN w USING (region);"),
        ("join left rt on region (300 rows)", "let s = t | join left rt on region",
         "CREATE OR REPLACE TABLE s AS SELECT * FROM t LEFT JOIN w USING (region);"),
        ("group region, metric, year | agg sum, count (54k groups)",
         "let g = t | group region, metric, year | agg s = sum(value), n = count()",
         "CREATE OR REPLACE TABLE g AS SELECT region, metric, year, sum(value) AS s, count(*) AS n FROM t "
         "GROUP BY region, metric, year;"),
        ("group region | agg median(value)", "let g = t | group region | agg m = median(value)",
         "CREATE OR REPLACE TABLE g AS SELECT region, median(value) AS m FROM t GROUP BY region;"),
        ("group region | agg count_distinct(value)", "let g = t | group region | agg d = count_distinct(value)",
         "CREATE OR REPLACE TABLE g AS SELECT region, count(DISTINCT value) AS d FROM t GROUP BY region;"),
    ]


def cpu_of(cmd: list[str], stdin: str | None = None) -> tuple[float, str]:
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        r = subprocess.run(["/usr/bin/time", "-f", "%U %S", "-o", t.name] + cmd, input=stdin,
                           capture_output=True, text=True, check=True)
        user, sys_ = t.read().split()[-2:]
        return float(user) + float(sys_), r.stderr


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--alq", required=True)
    p.add_argument("--duckdb")
    p.add_argument("--data", required=True)
    p.add_argument("--only", action="append",
                   help="run only the workloads whose label contains this text (repeatable: any of them)")
    args = p.parse_args()
    regions: list[str] = []
    with open(args.data, encoding="utf-8") as f:
        rows = csv.reader(f)
        next(rows)
        for row in rows:
            if row[0] not in regions:
                regions.append(row[0])
    tmp = tempfile.mkdtemp()
    alq_setup, sql_setup = setup(regions)
    load = f'let t = open("{args.data}")\n' + alq_setup
    skipped = load.count("\n") + 1
    base_script = os.path.join(tmp, "load.alq")
    with open(base_script, "w") as f:
        f.write(load + "len(t)\n")
    base_cpu = min(cpu_of([args.alq, base_script])[0] for _ in range(2))
    print("| workload | alq wall (ms) | alq CPU (ms) | DuckDB wall (ms) | DuckDB CPU (ms) |")
    print("|---|---|---|---|---|")
    for label, alq, sql in workloads(regions):
        if args.only and not any(part in label for part in args.only):
            continue
        script = os.path.join(tmp, "w.alq")
        with open(script, "w") as f:
            f.write(load + "len(t)\n" + "".join(alq + "\n" for _ in range(REPS)))
        cpu, err = cpu_of([args.alq, "--timer", "--format", "csv", script])
        walls = [float(line.split()[1]) for line in err.splitlines() if line.startswith("time: ")][skipped:]
        alq_cpu = max(cpu - base_cpu, 0) / REPS * 1000
        duck_wall = duck_cpu = float("nan")
        if args.duckdb:
            text = ".timer on\nCREATE TABLE t AS SELECT * FROM read_csv('%s');\n" % args.data + sql_setup + sql * REPS
            out = subprocess.run([args.duckdb], input=text.replace(";", ";\n"), capture_output=True,
                                 text=True, check=True).stdout
            times = [line.split() for line in out.splitlines() if line.startswith("Run Time")][2:]
            duck_wall = statistics.median(float(t[4]) for t in times) * 1000
            duck_cpu = statistics.median(float(t[6]) + float(t[8]) for t in times) * 1000
        cell = label.replace("|", "\\|")
        print(f"| `{cell}` | {statistics.median(walls):.0f} | {alq_cpu:.0f} | {duck_wall:.0f} | {duck_cpu:.0f} |",
              flush=True)


if __name__ == "__main__":
    main()
