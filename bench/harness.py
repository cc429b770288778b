#!/usr/bin/env python3
"""alq's benchmark harness: the same work on alq, DuckDB, sqlite3, Miller and jq.

Driven by bench/run.sh, which installs the peers, builds alq and generates the
data; run it directly only if those are in place:

    python3 bench/harness.py --alq .build/release/alq --data bench/out [--small] [--check]

Workloads (see docs/benchmarks.md for what each one means):
  cold       one process loads facts.csv (jq: facts.json) and runs Q; also at the sizes of --cold-data
  warm       Q on data already in memory, median of 20, timed in process
  workloads  the analyst's workloads of bench/workloads.py (in, lookup, join, top-N, sorts, groupings,
             string derives, round, median, count_distinct, window, pivot), each in one process per tool
  json_load  one process loads facts.json, counts the rows and sums value
  export   all rows to CSV and to JSON, one process each
  startup  tiny commands, hyperfine medians
  memory   peak RSS (GNU time's "Maximum resident set size") of the cold and warm processes

Q = unit == CNY and kind == actual and year >= 2020, group by region,
    sum(value), sort by the sum descending, top 5.

Every answer is checked against a reference computed here with math.fsum
(same regions in the same order, sums within a relative 1e-9). A tool that
fails is reported as "TOOL: failed: <first line of stderr>" and the others go
on; with --check any failure or disagreement makes the exit status 1.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import io
import json
import math
import os
import platform
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import types
from dataclasses import dataclass, field
from typing import Callable, Optional

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workloads as wl  # noqa: E402  (bench/workloads.py, next to this file)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
REL_TOL = 1e-9
WARM_RUNS = 20
WORKLOAD_REPS = 5   # in-process repetitions of each workload (--small: 2)
COLUMNS = ["region", "metric", "year", "value", "unit", "kind"]
PY = sys.executable or "python3"
GNU_TIME = "/usr/bin/time"
TIMEOUT = 900.0   # seconds per process; --small sets 60

# ---------------------------------------------------------------------------
# Q in every tool's language
# ---------------------------------------------------------------------------

ALQ_Q_TAIL = ('where unit == "CNY" and kind == "actual" and year >= 2020 | group region '
              '| agg total = sum(value) | sort total desc | take 5')
SQL_Q = ("SELECT region, sum(value) AS total FROM {src} "
         "WHERE unit = 'CNY' AND kind = 'actual' AND year >= 2020 "
         "GROUP BY region ORDER BY total DESC LIMIT 5")
SQLITE_SCHEMA = ("CREATE TABLE facts(region TEXT, metric TEXT, year INTEGER, value REAL, "
                 "unit TEXT, kind TEXT);")
MLR_Q = ['filter', '$unit == "CNY" && $kind == "actual" && $year >= 2020',
         'then', 'stats1', '-a', 'sum', '-f', 'value', '-g', 'region',
         'then', 'sort', '-nr', 'value_sum', 'then', 'head', '-n', '5']
JQ_Q = ('map(select(.unit == "CNY" and .kind == "actual" and .year >= 2020)) '
        '| group_by(.region) | map({region: .[0].region, total: (map(.value) | add)}) '
        '| sort_by(-.total) | .[:5]')


def alq_str(s: str) -> str:
    """A string literal in alq's language."""
    return json.dumps(s)


def sql_str(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------

@dataclass
class Measure:
    tool: str                      # "alq", "duckdb", ...
    label: str                     # what exactly ran (shown in the tables)
    times: list[float] = field(default_factory=list)   # seconds
    rss_kb: Optional[int] = None
    error: Optional[str] = None    # "failed: ..." or "wrong answer: ..."
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None and bool(self.times)

    @property
    def median(self) -> Optional[float]:
        return statistics.median(self.times) if self.ok else None


class Report:
    def __init__(self) -> None:
        self.sections: dict[str, list[Measure]] = {}
        self.failures: list[str] = []
        self.warnings: list[str] = []

    def add(self, section: str, m: Measure) -> Measure:
        self.sections.setdefault(section, []).append(m)
        if m.error:
            msg = f"{section}: {m.tool} ({m.label}): {m.error}"
            self.failures.append(msg)
            print(f"    {m.tool}: {m.error}", flush=True)
        else:
            extra = f"  rss {m.rss_kb / 1024:.1f} MB" if m.rss_kb else ""
            print(f"    {m.tool:<8} {fmt_time(m.median):>10}  (n={len(m.times)}){extra}  {m.label}",
                  flush=True)
        return m


def fmt_time(s: Optional[float]) -> str:
    if s is None:
        return "—"
    if s < 1e-3:
        return f"{s * 1e6:.1f} µs"
    if s < 1:
        return f"{s * 1e3:.2f} ms"
    return f"{s:.3f} s"


def fmt_mb(kb: Optional[int]) -> str:
    return "—" if kb is None else f"{kb / 1024:.1f} MB"


# ---------------------------------------------------------------------------
# Running processes
# ---------------------------------------------------------------------------

@dataclass
class Run:
    seconds: float
    rc: int
    stdout: str
    stderr: str
    rss_kb: Optional[int]


def run_proc(cmd: list[str], *, stdin: Optional[str] = None, stdout_path: Optional[str] = None,
             timeout: Optional[float] = None, cwd: Optional[str] = None) -> Run:
    """Runs cmd under GNU time (for the peak RSS) and times it from the outside.
    GNU time's own fork/exec adds well under a millisecond."""
    with tempfile.NamedTemporaryFile(prefix="rss", suffix=".txt", delete=False) as tf:
        rss_file = tf.name
    full = [GNU_TIME, "-v", "-o", rss_file] + cmd if os.path.exists(GNU_TIME) else cmd
    out_f = open(stdout_path, "wb") if stdout_path else None
    try:
        t0 = time.perf_counter()
        try:
            # Its own process group, so that a timeout ends the tool and not only GNU time.
            p = subprocess.Popen(full, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                                 stdout=out_f if out_f else subprocess.PIPE,
                                 stderr=subprocess.PIPE, cwd=cwd, start_new_session=True)
        except OSError as e:
            return Run(0.0, -1, "", f"cannot run {cmd[0]}: {e}", None)
        try:
            p_stdout, p_stderr = p.communicate(stdin.encode() if stdin is not None else None,
                                               timeout=timeout or TIMEOUT)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            p.communicate()
            return Run(timeout or TIMEOUT, -1, "", f"timed out after {timeout or TIMEOUT:.0f} s", None)
        t1 = time.perf_counter()
    finally:
        if out_f:
            out_f.close()
    rss = None
    try:
        with open(rss_file, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = re.search(r"Maximum resident set size \(kbytes\):\s*(\d+)", line)
                if m:
                    rss = int(m.group(1))
    finally:
        os.unlink(rss_file)
    stdout = p_stdout.decode("utf-8", "replace") if p_stdout is not None else ""
    stderr = p_stderr.decode("utf-8", "replace")
    # GNU time prints "Command exited with non-zero status N" to its -o file, not stderr.
    return Run(t1 - t0, p.returncode, stdout, stderr, rss)


def first_line(text: str) -> str:
    """The first line worth showing: not blank, not one of alq's `--timer` lines."""
    for line in text.splitlines():
        line = line.strip()
        if line and not re.match(r"^time:\s*[0-9]", line):
            return line[:300]
    return "(no output on stderr)"


def proc_failure(r: Run) -> Optional[str]:
    if r.rc == 0:
        return None
    if r.rc < 0:
        return f"failed: {first_line(r.stderr)}"
    return f"failed (exit {r.rc}): {first_line(r.stderr)}"


def repeat_count(first_seconds: float, small: bool) -> int:
    """How many runs in all, given the first one's time: more when cheap."""
    if small:
        return 1   # the correctness pass: one run is enough to check the answer
    if first_seconds < 2:
        return 5
    if first_seconds < 20:
        return 3
    return 1


# ---------------------------------------------------------------------------
# Answers
# ---------------------------------------------------------------------------

Answer = list[tuple[str, float]]


def reference_answer(csv_path: str) -> tuple[Answer, Optional[str]]:
    sums: dict[str, list[float]] = {}
    with open(csv_path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["unit"] == "CNY" and row["kind"] == "actual" and int(row["year"]) >= 2020:
                sums.setdefault(row["region"], []).append(float(row["value"]))
    totals = sorted(((r, math.fsum(v)) for r, v in sums.items()), key=lambda t: (-t[1], t[0]))
    warning = None
    if len(totals) > 5 and math.isclose(totals[4][1], totals[5][1], rel_tol=REL_TOL):
        warning = (f"ranks 5 and 6 of the reference answer are tied ({totals[4]} vs {totals[5]}): "
                   "the top 5 is ambiguous; pick another --seed")
    return totals[:5], warning


def compare(answer: Answer, ref: Answer) -> Optional[str]:
    if len(answer) != len(ref):
        return f"wrong answer: {len(answer)} rows instead of {len(ref)}: {answer!r}"
    for i, ((r, v), (rr, rv)) in enumerate(zip(answer, ref), 1):
        if r != rr:
            return f"wrong answer: row {i} is {r!r}, expected {rr!r}"
        if not math.isclose(v, rv, rel_tol=REL_TOL, abs_tol=0.0):
            return f"wrong answer: row {i} ({r}) sum is {v!r}, expected {rv!r}"
    return None


def parse_number(text: str) -> float:
    return float(text.strip())


def answers_from_csv_blocks(text: str) -> list[Answer]:
    """alq --format csv output: one or more CSV tables, each starting with a header
    row that has `region` and `total` columns."""
    blocks: list[Answer] = []
    header: Optional[list[str]] = None
    ri = ti = -1
    for row in csv.reader(io.StringIO(text)):
        if not row or all(not c.strip() for c in row):
            continue
        cells = [c.strip() for c in row]
        if "region" in cells and "total" in cells:
            header, ri, ti = cells, cells.index("region"), cells.index("total")
            blocks.append([])
            continue
        if header is None:
            raise ValueError(f"no header row with region and total before {row!r}")
        try:
            blocks[-1].append((cells[ri], parse_number(cells[ti])))
        except (IndexError, ValueError):
            raise ValueError(f"unreadable row {row!r}")
    if not blocks:
        raise ValueError(f"no CSV table with region and total columns in output {text[:120]!r}")
    return blocks


def answer_from_csv(text: str) -> Answer:
    blocks = answers_from_csv_blocks(text)
    if len(blocks) != 1:
        raise ValueError(f"{len(blocks)} tables in the output, expected 1")
    return blocks[0]


def answer_from_json(text: str, key: str) -> Answer:
    data = json.loads(text)
    return [(str(o["region"]), float(o[key])) for o in data]


# ---------------------------------------------------------------------------
# The harness
# ---------------------------------------------------------------------------

class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.a = args
        self.small: bool = args.small
        self.only_workloads: set[str] = {k for k in (args.workloads or "").split(",") if k}
        self.only_tools: set[str] = {k for k in (args.tools or "").split(",") if k}
        self.data = os.path.abspath(args.data)
        self.csv = os.path.join(self.data, "facts.csv")
        self.json = os.path.join(self.data, "facts.json")
        self.tmp = os.path.join(self.data, "tmp")
        os.makedirs(self.tmp, exist_ok=True)
        self.alq = os.path.abspath(args.alq) if args.alq else None
        self.alq_build_error = None
        if args.alq_build_log:
            self.alq_build_error = "build failed: " + build_error_line(args.alq_build_log)
        self.report = Report()
        self.rows = count_rows(self.csv)
        self.ref: Answer = []
        self.ref_total = 0.0
        self.alq_load_s: Optional[float] = None
        self.duck_import_s: Optional[float] = None
        self.duck_cli: Optional[str] = args.duckdb_cli or shutil.which("duckdb")
        self.workload_titles: dict[str, str] = {}
        self.cold_sizes: list[tuple[int, str]] = []
        for item in filter(None, (args.cold_data or "").split(",")):
            n, _, folder = item.partition("=")
            self.cold_sizes.append((int(n), os.path.abspath(folder)))

    # -- helpers -------------------------------------------------------------

    def skipped(self, tool: str) -> bool:
        """Whether --tools leaves `tool` out (its figures are then missing, not failed)."""
        return bool(self.only_tools) and tool not in self.only_tools

    def alq_unavailable(self) -> Optional[str]:
        if self.alq_build_error:
            return "failed: " + self.alq_build_error
        if not self.alq or not os.access(self.alq, os.X_OK):
            return f"failed: no alq binary at {self.alq}"
        return None

    def measure(self, section: str, tool: str, label: str, cmd: list[str],
                check: Callable[[Run], Optional[str]], *, stdin: Optional[str] = None,
                stdout_path: Optional[str] = None, unavailable: Optional[str] = None,
                note: str = "", inproc: Optional[Callable[[Run], Optional[float]]] = None,
                inproc_label: str = "", runs: Optional[int] = None) -> Measure:
        """Runs cmd once, checks its result, then repeats it for the timing (`runs` in all if given)."""
        m = Measure(tool, label, note=note)
        if self.skipped(tool):
            return m
        if unavailable:
            m.error = unavailable
            return self.report.add(section, m)
        r = run_proc(cmd, stdin=stdin, stdout_path=stdout_path)
        m.error = proc_failure(r)
        if m.error is None:
            try:
                m.error = check(r)
            except Exception as e:   # an unreadable answer is a wrong answer
                m.error = f"wrong answer: {e}"
        if m.error:
            return self.report.add(section, m)
        m.times.append(r.seconds)
        rss = [r.rss_kb] if r.rss_kb else []
        inner = []
        if inproc:
            inner.append(inproc(r))
        for _ in range((runs or repeat_count(r.seconds, self.small)) - 1):
            r = run_proc(cmd, stdin=stdin, stdout_path=stdout_path)
            if r.rc != 0:
                m.error = proc_failure(r) + " (on a repeat run)"
                return self.report.add(section, m)
            m.times.append(r.seconds)
            if r.rss_kb:
                rss.append(r.rss_kb)
            if inproc:
                inner.append(inproc(r))
        m.rss_kb = max(rss) if rss else None
        self.report.add(section, m)
        if inproc and all(x is not None for x in inner):
            im = Measure(tool, inproc_label, times=[x for x in inner if x is not None],
                         note="timed inside the process")
            self.report.add(section, im)
        return m

    # -- workloads -----------------------------------------------------------

    def cold(self) -> None:
        self.cold_at("cold", self.csv, self.json, self.ref)
        for rows, folder in self.cold_sizes:
            if rows == self.rows:
                continue
            csv_path, json_path = os.path.join(folder, "facts.csv"), os.path.join(folder, "facts.json")
            ref, warning = reference_answer(csv_path)
            if warning:
                self.report.failures.append(f"cold at {rows} rows: {warning}")
            self.cold_at(f"cold-{rows}", csv_path, json_path, ref)

    def cold_at(self, sec: str, csv_path: str, json_path: str, ref: Answer) -> None:
        """Load one CSV (jq: its JSON twin) and run Q, one process per tool."""
        print(f"== {sec}: load {csv_path} and run Q, one process", flush=True)
        big = count_rows(csv_path) > 2_000_000

        def check_csv(r: Run) -> Optional[str]:
            return compare(answer_from_csv(r.stdout), ref)

        # alq
        q = f"open({alq_str(csv_path)}) | {ALQ_Q_TAIL}"
        self.measure(sec, "alq", "alq --format csv -c 'open(…) | where … | take 5'",
                     [self.alq or "alq", "--format", "csv", "-c", q], check_csv,
                     unavailable=self.alq_unavailable())

        # duckdb (python module; the process includes the interpreter and `import duckdb`)
        duck = DUCK_COLD.format(q=json.dumps(SQL_Q.format(src=f"read_csv({sql_str(csv_path)})")))

        def check_duck(r: Run) -> Optional[str]:
            out = json.loads(r.stdout.strip().splitlines()[-1])
            return compare([(a, float(b)) for a, b in out["rows"]], ref)

        def duck_inner(r: Run) -> Optional[float]:
            return json.loads(r.stdout.strip().splitlines()[-1])["query_s"]

        cli_q = SQL_Q.format(src=f"read_csv({sql_str(csv_path)})")
        self.measure(sec, "duckdb-cli", "duckdb -csv -c 'SELECT … FROM read_csv(…) … LIMIT 5'",
                     [self.duck_cli or "duckdb", "-csv", "-c", cli_q], check_csv,
                     unavailable=self.duck_cli_unavailable())
        self.measure(sec, "duckdb", "python3 -c 'import duckdb; read_csv + Q' (whole process)",
                     [PY, "-c", duck], check_duck, inproc=duck_inner,
                     inproc_label="read_csv + Q inside that process (no interpreter start, no import)")

        # sqlite3 CLI
        script = (f"{SQLITE_SCHEMA}\n.import --csv --skip 1 {sql_str(csv_path)} facts\n"
                  f".mode csv\n.headers on\n{SQL_Q.format(src='facts')};\n")
        self.measure(sec, "sqlite3", "sqlite3 :memory: (CREATE TABLE, .import, Q)",
                     ["sqlite3", ":memory:"], check_csv, stdin=script)

        # miller
        def check_mlr(r: Run) -> Optional[str]:
            return compare(answer_from_json(r.stdout, "value_sum"), ref)

        self.measure(sec, "miller", "mlr --icsv --ojson filter … then stats1 … then sort … then head",
                     ["mlr", "--icsv", "--ojson"] + MLR_Q + [csv_path], check_mlr)

        # jq on the JSON file
        def check_jq(r: Run) -> Optional[str]:
            return compare(answer_from_json(r.stdout, "total"), ref)

        if big:
            self.report.add(sec, Measure("jq", "—", note="not run above 2M rows: jq holds the whole JSON "
                                                         "array as values (several GB)"))
        else:
            self.measure(sec, "jq", "jq 'map(select(…)) | group_by(.region) | …' facts.json",
                         ["jq", "-c", JQ_Q, json_path], check_jq,
                         note="reads facts.json, not the CSV")

    # -- the analyst's workloads (bench/workloads.py) -------------------------

    def duck_cli_unavailable(self) -> Optional[str]:
        if not self.duck_cli or not os.access(self.duck_cli, os.X_OK):
            return f"failed: no DuckDB CLI binary ({self.duck_cli or 'none found'}; pip install duckdb-cli)"
        return None

    def load_facts(self) -> wl.Facts:
        return self.load_facts_from(self.csv)

    @staticmethod
    def load_facts_from(path: str) -> wl.Facts:
        """facts.csv's rows, for the reference answers."""
        cols: list[list] = [[] for _ in range(7)]
        with open(path, newline="", encoding="utf-8") as f:
            rows = csv.reader(f)
            next(rows)
            for region, metric, year, value, unit, kind in rows:
                for c, x in zip(cols, (region, metric, int(year), float(value), value, unit, kind)):
                    c.append(x)
        return wl.Facts(*cols)

    def workloads(self) -> None:
        reps = 2 if self.small else WORKLOAD_REPS
        print(f"== workloads: each on the table in memory (alq, DuckDB, sqlite3: median of {reps} in one "
              "process) or as one whole process (Miller, jq)", flush=True)
        facts = self.load_facts()
        weights = os.path.join(self.tmp, "weights.csv")
        with open(weights, "w", encoding="utf-8") as f:
            f.write(wl.weights_csv(facts))
        alq_setup, sql_setup, sqlite_setup = wl.alq_setup(facts), wl.sql_setup(facts), wl.sqlite_setup(facts)
        lit = sql_str(self.csv)
        once = 1 if self.small else None   # the correctness pass needs one run of a whole process
        work = wl.workloads(facts)
        unknown = self.only_workloads - {w.key for w in work}
        if unknown:
            raise SystemExit(f"--workloads: unknown {', '.join(sorted(unknown))}; the keys are "
                             + ", ".join(w.key for w in work))
        work = [w for w in work if not self.only_workloads or w.key in self.only_workloads]

        def duck_cmd(ws: list[wl.Workload]) -> list[str]:
            pairs = [[f"CREATE OR REPLACE TABLE r AS {w.sql}", w.sql_check] for w in ws]
            return [PY, "-c", DUCK_WL.format(csv=json.dumps(self.csv), setup=json.dumps(sql_setup),
                                             work=json.dumps(json.dumps(pairs)), n=reps)]
        batch = run_proc(duck_cmd(work)) if self.small else None
        for k, w in enumerate(work):
            sec = f"wl-{w.key}"
            self.workload_titles[sec] = w.label
            print(f"-- {w.label}", flush=True)
            ref = w.reference(facts)

            def check_rows(got: list[list], ref=ref) -> Optional[str]:
                return compare_rows(got, ref)

            # alq: let t = open(…); let r = t | P (× reps); C
            script = os.path.join(self.tmp, f"wl-{w.key}.alq")
            with open(script, "w", encoding="utf-8") as f:
                f.write(f"let t = open({alq_str(self.csv)})\n{alq_setup}")
                f.write("".join(f"let r = t | {w.alq}\n" for _ in range(reps)))
                f.write(w.alq_check + "\n")
            self.inproc(sec, "alq", f"alq --timer: let r = t | {w.alq}", [self.alq or "alq", "--timer",
                        "--format", "csv", script], reps, check_rows, parse_alq_timed,
                        self.alq_unavailable())
            # DuckDB CLI: .timer on; CREATE OR REPLACE TABLE r AS SQL (× reps); check
            text = (f".timer on\nCREATE TABLE t AS SELECT * FROM read_csv({lit});\n{sql_setup}\n"
                    + "".join(f"CREATE OR REPLACE TABLE r AS {w.sql};\n" for _ in range(reps))
                    + w.sql_check + ";\n")
            self.inproc(sec, "duckdb-cli", f"duckdb -csv: .timer on; CREATE OR REPLACE TABLE r AS {w.sql}",
                        [self.duck_cli or "duckdb", "-csv"], reps, check_rows, parse_sql_timed(reps),
                        self.duck_cli_unavailable(), stdin=text)
            # DuckDB in Python, in process (--small: all workloads in one process, one import of duckdb)
            if batch is None:
                self.inproc(sec, "duckdb", "python duckdb: the same SQL, perf_counter", duck_cmd([w]), reps,
                            check_rows, parse_py_timed(0), None)
            else:
                self.inproc(sec, "duckdb", "python duckdb: the same SQL, perf_counter (all workloads in one "
                            "process)", [], reps, check_rows, parse_py_timed(k), None, done=batch)
            # sqlite3 CLI: .import, .timer on; CREATE TABLE r_i AS SQL (× reps, the last is r); check
            sq = w.sql if w.sqlite == "" else w.sqlite
            if sq is None:
                self.report.add(sec, Measure("sqlite3", "—", note="cannot express it (no median)"))
            else:
                names = [f"r_{i}" for i in range(reps - 1)] + ["r"]
                text = (f"{SQLITE_SCHEMA.replace('facts', 't')}\n.import --csv --skip 1 {lit} t\n"
                        f"{sqlite_setup}\n.mode csv\n.headers on\n.timer on\n"
                        + "".join(f"CREATE TABLE {n} AS {sq};\n" for n in names) + w.sql_check + ";\n")
                self.inproc(sec, "sqlite3", f"sqlite3 :memory: .timer on; CREATE TABLE r AS {sq}",
                            ["sqlite3", ":memory:"], reps, check_rows, parse_sql_timed(reps), None, stdin=text)
            # Miller and jq: one whole process each
            if w.mlr is None:
                self.report.add(sec, Measure("miller", "—", note="cannot express it"))
            else:
                verbs = [weights if v == "{weights_csv}" else v for v in w.mlr]
                self.measure(sec, "miller", "mlr --icsv --ocsv " + shlex.join(verbs).replace(weights, "weights.csv"),
                             ["mlr", "--icsv", "--ocsv"] + verbs + [self.csv],
                             lambda r, c=check_rows: c(csv_rows(r.stdout)),
                             note="whole process, load included" + (f"; {w.mlr_note}" if w.mlr_note else ""),
                             runs=once)
            if w.jq is None:
                self.report.add(sec, Measure("jq", "—", note="cannot express it"))
            else:
                cmd = ["jq", "-r"] + (["--argjson", "rt", wl.jq_rt(facts)] if "$rt" in w.jq else []) + [w.jq, self.json]
                self.measure(sec, "jq", f"jq -r '{w.jq}' facts.json", cmd,
                             lambda r, c=check_rows: c(csv_rows(r.stdout)),
                             note="whole process, reads facts.json", runs=once)

    def inproc(self, sec: str, tool: str, label: str, cmd: list[str], reps: int,
               check: Callable[[list[list]], Optional[str]],
               parse: Callable[[Run], tuple[list[float], list[list]]], unavailable: Optional[str],
               stdin: Optional[str] = None, done: Optional[Run] = None) -> Measure:
        """One process that loads the facts and runs a workload `reps` times, timed inside the process
        (`done`: that process has already run)."""
        m = Measure(tool, label, note=f"in memory, median of {reps} in one process")
        if self.skipped(tool):
            return m
        if unavailable:
            m.error = unavailable
            return self.report.add(sec, m)
        r = done or run_proc(cmd, stdin=stdin)
        m.error = proc_failure(r)
        if m.error is None:
            try:
                times, rows = parse(r)
                if len(times) != reps:
                    m.error = f"wrong timer output: {len(times)} timings, expected {reps}"
                else:
                    m.error = check(rows)
                    m.times, m.rss_kb = times, r.rss_kb
            except Exception as e:
                m.error = f"wrong answer: {e}"
        return self.report.add(sec, m)

    def json_load(self) -> None:
        print(f"== JSON load: open {os.path.basename(self.json)} and count and sum, one process", flush=True)
        sec = "json-load"
        n, total = self.rows, self.ref_total
        ref = [(n, total)]

        def check(r: Run) -> Optional[str]:
            return compare_rows(csv_rows(r.stdout), ref)

        lit = sql_str(self.json)
        self.measure(sec, "alq", "alq --format csv -c 'open(\"facts.json\") | agg n = count(), s = sum(value)'",
                     [self.alq or "alq", "--format", "csv", "-c",
                      f"open({alq_str(self.json)}) | agg n = count(), s = sum(value)"], check,
                     unavailable=self.alq_unavailable())
        q = f"SELECT count(*) AS n, sum(value) AS s FROM read_json({lit})"
        self.measure(sec, "duckdb-cli", f"duckdb -csv -c \"{q}\"", [self.duck_cli or "duckdb", "-csv", "-c", q],
                     check, unavailable=self.duck_cli_unavailable())
        self.measure(sec, "duckdb", "python3 -c 'import duckdb; read_json + count, sum' (whole process)",
                     [PY, "-c", DUCK_COLD_ROWS.format(q=json.dumps(q))],
                     lambda r: compare_rows(json.loads(r.stdout.strip().splitlines()[-1])["rows"], ref))
        sq = ("SELECT count(*) AS n, sum(json_extract(value, '$.value')) AS s "
              f"FROM json_each(readfile({lit}))")
        self.measure(sec, "sqlite3", f"sqlite3 -csv -header :memory: \"{sq}\"",
                     ["sqlite3", "-csv", "-header", ":memory:", sq], check)
        self.measure(sec, "miller", "mlr --ijson --ocsv stats1 -a count,sum -f value facts.json",
                     ["mlr", "--ijson", "--ocsv", "stats1", "-a", "count,sum", "-f", "value", self.json], check)
        self.measure(sec, "jq", "jq -r '[length, (map(.value) | add)] | @csv' facts.json",
                     ["jq", "-r", '(["n","s"] | @csv), ([length, (map(.value) | add)] | @csv)', self.json], check)

    def baseline(self) -> None:
        print("== baseline: the Python wrapper around DuckDB and sqlite3", flush=True)
        for label, code in (("python3 -c 'import duckdb'", "import duckdb"),
                            ("python3 -c 'import csv, json, sqlite3'", "import csv, json, sqlite3")):
            self.measure("baseline", "python", label, [PY, "-c", code], lambda r: None,
                         note="subtract from the python processes' figures to see the library's share")

    def warm(self) -> None:
        print(f"== warm: Q on data already in memory, median of {WARM_RUNS}", flush=True)
        sec = "warm"
        ref = self.ref

        # alq: one script, `let t = open(...)` then Q on t 20 times, `--timer` on stderr
        script_path = os.path.join(self.tmp, "warm.alq")
        with open(script_path, "w", encoding="utf-8") as f:
            f.write(f"let t = open({alq_str(self.csv)})\n")
            for _ in range(WARM_RUNS):
                f.write(f"t | {ALQ_Q_TAIL}\n")
        m = Measure("alq", f"alq --timer --format csv warm.alq (let t = open(…); Q × {WARM_RUNS})",
                    note="`--timer` lines; the first one (the load) skipped")
        err = self.alq_unavailable()
        if err:
            m.error = err
        else:
            r = run_proc([self.alq, "--timer", "--format", "csv", script_path])
            m.error = proc_failure(r)
            if m.error is None:
                try:
                    times = parse_timer_lines(r.stderr)
                    blocks = answers_from_csv_blocks(r.stdout)
                    if len(times) != WARM_RUNS + 1:
                        m.error = (f"wrong --timer output: {len(times)} `time: … ms` lines on stderr, "
                                   f"expected {WARM_RUNS + 1} (one per statement)")
                    elif len(blocks) != WARM_RUNS:
                        m.error = f"wrong answer: {len(blocks)} result tables, expected {WARM_RUNS}"
                    else:
                        m.error = next((e for e in (compare(b, ref) for b in blocks) if e), None)
                        self.alq_load_s = times[0]
                        m.times = times[1:]
                        m.rss_kb = r.rss_kb
                except Exception as e:
                    m.error = f"wrong answer: {e}"
        self.report.add(sec, m)

        # duckdb and sqlite3 python modules, in-memory tables, timed with perf_counter
        for tool, code, label in (
            ("duckdb", DUCK_WARM, "python duckdb: CREATE TABLE AS read_csv; Q × 20, perf_counter"),
            ("sqlite3", SQLITE_WARM, "python sqlite3 :memory:: typed table, executemany; Q × 20, perf_counter"),
        ):
            m = Measure(tool, label)
            src = code.format(csv=json.dumps(self.csv), q=json.dumps(
                SQL_Q.format(src="facts")), n=WARM_RUNS, schema=json.dumps(SQLITE_SCHEMA))
            r = run_proc([PY, "-c", src])
            m.error = proc_failure(r)
            if m.error is None:
                try:
                    out = json.loads(r.stdout.strip().splitlines()[-1])
                    m.error = next((e for e in (compare([(a, float(b)) for a, b in rows], ref)
                                                for rows in out["answers"]) if e), None)
                    m.times = out["times"]
                    m.rss_kb = r.rss_kb
                    m.note = (f"load {fmt_time(out['load_s'])} (not counted); a trivial `SELECT 1` "
                              f"round trip through Python takes {fmt_time(out['trivial_s'])}; "
                              f"library {out['version']}")
                except Exception as e:
                    m.error = f"wrong answer: {e}"
            self.report.add(sec, m)

    def export(self) -> None:
        print(f"== export: all {self.rows} rows to CSV and to JSON, one process each", flush=True)
        for fmt in ("csv", "json"):
            sec = f"export-{fmt}"
            out = os.path.join(self.tmp, f"out.{fmt}")
            checker = self.export_checker(out, fmt)

            def fresh(fn=checker, out=out):
                def check(r: Run) -> Optional[str]:
                    return fn()
                return check

            def clean(path=out):
                if os.path.exists(path):
                    os.unlink(path)

            # alq
            clean()
            q = f"open({alq_str(self.csv)}) | export {fmt} to {alq_str(out)}"
            self.measure(sec, "alq", f"alq -c 'open(…) | export {fmt} to \"…\"'",
                         [self.alq or "alq", "-c", q], fresh(), unavailable=self.alq_unavailable(),
                         note="whole process, load included")
            # duckdb
            clean()
            opts = "(HEADER, DELIMITER ',')" if fmt == "csv" else "(FORMAT JSON, ARRAY true)"
            sql = f"COPY (SELECT * FROM read_csv({sql_str(self.csv)})) TO {sql_str(out)} {opts}"
            self.measure(sec, "duckdb", f"python3 -c 'import duckdb; COPY (read_csv) TO … {opts}'",
                         [PY, "-c", DUCK_EXPORT.format(sql=json.dumps(sql))], fresh(),
                         inproc=lambda r: json.loads(r.stdout.strip().splitlines()[-1])["query_s"],
                         inproc_label="COPY inside that process (no interpreter start, no import)")
            # DuckDB CLI
            clean()
            self.measure(sec, "duckdb-cli", f"duckdb -c 'COPY (read_csv) TO … {opts}'",
                         [self.duck_cli or "duckdb", "-c", sql], fresh(), unavailable=self.duck_cli_unavailable())
            # sqlite3
            clean()
            script = (f"{SQLITE_SCHEMA}\n.import --csv --skip 1 {sql_str(self.csv)} facts\n"
                      f".headers on\n.mode {fmt}\n.output {sql_str(out)}\nSELECT * FROM facts;\n")
            self.measure(sec, "sqlite3", f"sqlite3 :memory: (.import, .mode {fmt}, .output, SELECT *)",
                         ["sqlite3", ":memory:"], fresh(), stdin=script, note="import included")
            # miller
            clean()
            self.measure(sec, "miller", f"mlr --icsv --o{fmt} cat facts.csv > out.{fmt}",
                         ["mlr", "--icsv", f"--o{fmt}", "cat", self.csv], fresh(), stdout_path=out)
            # jq: JSON in, CSV or JSON out
            clean()
            if fmt == "csv":
                prog = '(.[0] | keys_unsorted) as $k | ($k | @csv), (.[] | [.[$k[]]] | @csv)'
                self.measure(sec, "jq", "jq -r '… @csv' facts.json > out.csv",
                             ["jq", "-r", prog, self.json], fresh(), stdout_path=out,
                             note="reads facts.json, not the CSV")
            else:
                self.measure(sec, "jq", "jq -c . facts.json > out.json",
                             ["jq", "-c", ".", self.json], fresh(), stdout_path=out,
                             note="reads facts.json, not the CSV")
            clean()

    def export_checker(self, path: str, fmt: str) -> Callable[[], Optional[str]]:
        rows, total = self.rows, self.ref_total

        def check() -> Optional[str]:
            if not os.path.exists(path):
                return f"wrong output: {path} was not written"
            values: list[float] = []
            with open(path, encoding="utf-8", newline="") as f:
                if fmt == "csv":
                    reader = csv.DictReader(f)
                    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
                    if missing:
                        return f"wrong output: CSV header {reader.fieldnames!r} lacks {missing}"
                    for row in reader:
                        values.append(float(row["value"]))
                else:
                    data = json.load(f)
                    if not isinstance(data, list):
                        return "wrong output: the JSON is not one array"
                    for o in data:
                        missing = [c for c in COLUMNS if c not in o]
                        if missing:
                            return f"wrong output: an object lacks {missing}: {o!r}"
                        values.append(float(o["value"]))
            if len(values) != rows:
                return f"wrong output: {len(values)} rows, expected {rows}"
            s = math.fsum(values)
            if not math.isclose(s, total, rel_tol=REL_TOL):
                return f"wrong output: the values sum to {s!r}, expected {total!r}"
            return None
        return check

    def startup(self) -> None:
        print("== start-up: process start to exit", flush=True)
        sec = "startup"
        runs = 3 if self.small else 100
        have_hf = shutil.which("hyperfine") is not None
        cases = [
            ("alq", "alq -c '1 + 1'", [self.alq or "alq", "-c", "1 + 1"],
             lambda out: None if re.search(r"(^|\s)2(\.0+)?(\s|$)", out) else
             f"wrong answer: expected 2, got {out.strip()[:80]!r}", self.alq_unavailable()),
            ("alq", "alq -c 'Guangxi.output_value[2024]'",
             [self.alq or "alq", "-c", "Guangxi.output_value[2024]"],
             lambda out: None if re.search(r"205", out) else
             f"wrong answer: expected 205 bn CNY, got {out.strip()[:80]!r}", self.alq_unavailable()),
            ("sqlite3", "sqlite3 :memory: 'select 1'", ["sqlite3", ":memory:", "select 1"],
             lambda out: None if out.strip() == "1" else f"wrong answer: {out.strip()!r}", None),
            ("jq", "jq -n 1", ["jq", "-n", "1"],
             lambda out: None if out.strip() == "1" else f"wrong answer: {out.strip()!r}", None),
        ]
        for tool, label, cmd, check, unavailable in cases:
            m = Measure(tool, label)
            if unavailable:
                m.error = unavailable
                self.report.add(sec, m)
                continue
            r = run_proc(cmd)
            m.error = proc_failure(r) or check(r.stdout)
            if m.error is None:
                if have_hf:
                    m.times, m.note = hyperfine(cmd, runs, self.tmp)
                else:
                    m.times, m.note = py_loop(cmd, runs)
            self.report.add(sec, m)

    # -- main ----------------------------------------------------------------

    def run(self, only: set[str]) -> None:
        print(f"reference answer from {self.csv} ({self.rows} rows)", flush=True)
        self.ref, warning = reference_answer(self.csv)
        with open(self.csv, newline="", encoding="utf-8") as f:
            self.ref_total = math.fsum(float(r["value"]) for r in csv.DictReader(f))
        for i, (r, v) in enumerate(self.ref, 1):
            print(f"    {i}. {r:<20} {v!r}")
        if warning:
            self.report.failures.append(warning)
            print("    " + warning)
        for name in ("baseline", "cold", "warm", "workloads", "json_load", "export", "startup"):
            if not only or name in only:
                t0 = time.perf_counter()
                getattr(self, name)()
                print(f"   ({name}: {time.perf_counter() - t0:.1f} s)", flush=True)


def csv_rows(text: str) -> list[list[str]]:
    """The data rows of a CSV answer: blank lines, timer lines and the header row dropped."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("Run Time")]
    rows = list(csv.reader(io.StringIO("\n".join(lines))))
    if not rows:
        raise ValueError(f"no CSV answer in the output {text[:120]!r}")
    return rows[1:]


def compare_rows(got: list[list], ref: list[tuple]) -> Optional[str]:
    """Cell by cell: strings equal, numbers within a relative 1e-9."""
    if len(got) != len(ref):
        return f"wrong answer: {len(got)} rows instead of {len(ref)}: {got[:6]!r}, expected {ref[:6]!r}"
    for i, (g, r) in enumerate(zip(got, ref), 1):
        if len(g) != len(r):
            return f"wrong answer: row {i} is {g!r}, expected {r!r}"
        for a, b in zip(g, r):
            if isinstance(b, str):
                if str(a).strip() != b:
                    return f"wrong answer: row {i} is {g!r}, expected {r!r}"
            else:
                try:
                    x = float(a)
                except (TypeError, ValueError):
                    return f"wrong answer: row {i} is {g!r}, expected {r!r}"
                if not math.isclose(x, float(b), rel_tol=REL_TOL, abs_tol=1e-9):
                    return f"wrong answer: row {i} is {g!r}, expected {r!r}"
    return None


def parse_alq_timed(r: Run) -> tuple[list[float], list[list]]:
    """alq --timer of `let t`, `let w`, `let rt`, the timed statements and the check: the timed ones."""
    times = parse_timer_lines(r.stderr)
    return times[3:-1], csv_rows(r.stdout)


def parse_sql_timed(reps: int) -> Callable[[Run], tuple[list[float], list[list]]]:
    """`.timer on` of the DuckDB and sqlite3 shells: the `reps` statements before the check."""
    def parse(r: Run) -> tuple[list[float], list[list]]:
        times = [float(m.group(1)) for m in re.finditer(r"^Run Time.*?real\s+([0-9.]+)", r.stdout, re.M)]
        return times[-(reps + 1):-1], csv_rows(r.stdout)
    return parse


def parse_py_timed(k: int) -> Callable[[Run], tuple[list[float], list[list]]]:
    """The k-th workload's timings and check rows in DUCK_WL's output."""
    def parse(r: Run) -> tuple[list[float], list[list]]:
        out = json.loads(r.stdout.strip().splitlines()[-1])[k]
        return out["times"], out["rows"]
    return parse


def count_rows(csv_path: str) -> int:
    with open(csv_path, "rb") as f:
        return sum(1 for _ in f) - 1


def build_error_line(log_path: str) -> str:
    try:
        with open(log_path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError:
        return "(no build log)"
    for line in lines:
        if "error:" in line:
            return line.strip()[:300]
    return first_line("\n".join(reversed(lines)))


def parse_timer_lines(stderr: str) -> list[float]:
    """`time: 12.345 ms` lines (µs, us, ns and s are accepted too), in seconds."""
    scale = {"ns": 1e-9, "µs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}
    times = []
    for line in stderr.splitlines():
        m = re.match(r"^\s*time:\s*([0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)\s*(ns|µs|us|ms|s)\b",
                     line)
        if m:
            times.append(float(m.group(1)) * scale[m.group(2)])
    return times


def hyperfine(cmd: list[str], runs: int, tmp: str) -> tuple[list[float], str]:
    out = os.path.join(tmp, "hyperfine.json")
    p = subprocess.run(["hyperfine", "-N", "--warmup", str(min(5, runs)), "--runs", str(runs),
                        "--export-json", out, shlex.join(cmd)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if p.returncode != 0:
        return py_loop(cmd, runs)
    with open(out, encoding="utf-8") as f:
        res = json.load(f)["results"][0]
    os.unlink(out)
    return list(res["times"]), f"hyperfine -N, {runs} runs after {min(5, runs)} warm-ups"


def py_loop(cmd: list[str], runs: int) -> tuple[list[float], str]:
    times = []
    for _ in range(runs + 5):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return times[5:], f"Python loop, {runs} runs after 5 warm-ups"


# ---------------------------------------------------------------------------
# Python programs run as separate processes for DuckDB and sqlite3
# ---------------------------------------------------------------------------

DUCK_COLD = r"""
import json, time
t0 = time.perf_counter()
import duckdb
t1 = time.perf_counter()
rows = duckdb.sql({q}).fetchall()
t2 = time.perf_counter()
print(json.dumps({{"rows": [[r, float(v)] for r, v in rows], "import_s": t1 - t0, "query_s": t2 - t1}}))
"""

DUCK_EXPORT = r"""
import json, time
t0 = time.perf_counter()
import duckdb
t1 = time.perf_counter()
duckdb.sql({sql})
t2 = time.perf_counter()
print(json.dumps({{"import_s": t1 - t0, "query_s": t2 - t1}}))
"""

DUCK_WARM = r"""
import json, time, duckdb
con = duckdb.connect()
t0 = time.perf_counter()
con.execute("CREATE TABLE facts AS SELECT * FROM read_csv(" + json.dumps({csv}).replace('"', "'") + ")")
load = time.perf_counter() - t0
times, answers = [], []
for _ in range({n}):
    t0 = time.perf_counter()
    rows = con.execute({q}).fetchall()
    times.append(time.perf_counter() - t0)
    answers.append([[r, float(v)] for r, v in rows])
trivial = []
for _ in range({n}):
    t0 = time.perf_counter()
    con.execute("SELECT 1").fetchall()
    trivial.append(time.perf_counter() - t0)
trivial.sort()
print(json.dumps({{"times": times, "answers": answers, "load_s": load, "trivial_s": trivial[len(trivial) // 2], "version": "duckdb " + duckdb.__version__ + ", threads = " + str(con.execute("SELECT current_setting('threads')").fetchone()[0])}}))
"""

DUCK_WL = r"""
import json, time, duckdb
con = duckdb.connect()
con.execute("CREATE TABLE t AS SELECT * FROM read_csv(" + json.dumps({csv}).replace('"', "'") + ")")
con.execute({setup})
results = []
for sql, check in json.loads({work}):
    times = []
    for _ in range({n}):
        t0 = time.perf_counter()
        con.execute(sql)
        times.append(time.perf_counter() - t0)
    rows = [[x if isinstance(x, (int, float, str)) else float(x) for x in row] for row in con.execute(check).fetchall()]
    results.append({{"times": times, "rows": rows}})
print(json.dumps(results))
"""

DUCK_COLD_ROWS = r"""
import json, time, duckdb
rows = [[x if isinstance(x, (int, float, str)) else float(x) for x in row] for row in duckdb.sql({q}).fetchall()]
print(json.dumps({{"rows": rows}}))
"""

SQLITE_WARM = r"""
import csv, json, sqlite3, time
con = sqlite3.connect(":memory:")
t0 = time.perf_counter()
con.execute({schema})
with open({csv}, newline="", encoding="utf-8") as f:
    r = csv.reader(f)
    next(r)
    con.executemany("INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?)", r)
con.commit()
load = time.perf_counter() - t0
times, answers = [], []
for _ in range({n}):
    t0 = time.perf_counter()
    rows = con.execute({q}).fetchall()
    times.append(time.perf_counter() - t0)
    answers.append([[r, float(v)] for r, v in rows])
trivial = []
for _ in range({n}):
    t0 = time.perf_counter()
    con.execute("SELECT 1").fetchall()
    trivial.append(time.perf_counter() - t0)
trivial.sort()
print(json.dumps({{"times": times, "answers": answers, "load_s": load, "trivial_s": trivial[len(trivial) // 2], "version": "SQLite " + sqlite3.sqlite_version}}))
"""


# ---------------------------------------------------------------------------
# Printing and docs/benchmarks.md
# ---------------------------------------------------------------------------

SECTION_TITLES = {
    "baseline": "Baseline: starting Python and importing the modules (part of every duckdb and python row)",
    "cold": "Cold query: load the CSV and run Q in one process",
    "warm": f"Warm query: Q on data already in memory (median of {WARM_RUNS})",
    "json-load": "JSON load: open facts.json, count the rows and sum value, one process",
    "export-csv": "Export: all rows to CSV, one process",
    "export-json": "Export: all rows to JSON, one process",
    "startup": "Start-up: process start to exit",
}


def section_titles(rep: Report) -> dict[str, str]:
    """SECTION_TITLES with the cold runs at other sizes after the main one."""
    out: dict[str, str] = {}
    sizes = sorted(int(s.split("-", 1)[1]) for s in rep.sections if re.fullmatch(r"cold-[0-9]+", s))
    for sec, title in SECTION_TITLES.items():
        out[sec] = title
        if sec == "cold":
            for n in sizes:
                out[f"cold-{n}"] = f"Cold query at {n:,} rows: load that CSV and run Q in one process"
    return out


def alq_reference(ms: list[Measure], m: Measure) -> Optional[Measure]:
    """The alq measure that m (a peer) is compared with."""
    alqs = [x for x in ms if x.tool == "alq"]
    if not alqs:
        return None
    if len(alqs) == 1:
        return alqs[0]
    # start-up: compare with alq -c '1 + 1'
    return alqs[0]


def ratio(a: Optional[float], b: Optional[float]) -> str:
    if a is None or b is None or b == 0:
        return "—"
    return f"{a / b:.2f}"


def section_table(ms: list[Measure], markdown: bool) -> list[str]:
    rows = []
    for m in ms:
        ref = alq_reference(ms, m)
        r = "—" if m.tool in ("alq", "python") else ratio(ref.median if ref else None, m.median)
        if m.ok:
            t = fmt_time(m.median)
            lo = fmt_time(min(m.times))
            n = str(len(m.times))
        else:
            t, lo, n = "failed", "—", "0"
        note = m.error if m.error else m.note
        rows.append([m.tool, t, lo, n, r, fmt_mb(m.rss_kb) if m.rss_kb else "—", m.label, note])
    head = ["tool", "median", "min", "runs", "alq / tool", "peak RSS", "what ran", "note"]
    if markdown:
        out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
        for row in rows:
            out.append("| " + " | ".join(md_cell(c, i) for i, c in enumerate(row)) + " |")
        return out
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(head[:6])]
    out = ["  " + "  ".join(h.ljust(w) for h, w in zip(head[:6], widths)) + "  what ran / note"]
    for row in rows:
        out.append("  " + "  ".join(c.ljust(w) for c, w in zip(row[:6], widths))
                   + "  " + row[6] + (f"  [{row[7]}]" if row[7] else ""))
    return out


def md_cell(c: str, i: int) -> str:
    c = c.replace("|", "\\|")
    if i == 6 and c:
        return "`" + c.replace("`", "'") + "`"
    return c


WORKLOAD_TOOLS = [("alq", "alq"), ("duckdb-cli", "DuckDB CLI"), ("duckdb", "DuckDB (Python)"),
                  ("sqlite3", "sqlite3"), ("miller", "Miller ¹"), ("jq", "jq ¹")]


def workload_tables(rep: Report, titles: dict[str, str], markdown: bool) -> list[str]:
    """One row per workload: each tool's median and peak RSS, and alq / DuckDB CLI."""
    secs = [s for s in rep.sections if s.startswith("wl-")]
    if not secs:
        return []

    def cell(sec: str, tool: str, what: str) -> str:
        m = find(rep, sec, tool)
        if m is None:
            return "not run"
        if m.label == "—":
            return "—"
        if not m.ok:
            return "failed"
        return fmt_time(m.median) if what == "time" else fmt_mb(m.rss_kb)

    def ratio_of(sec: str, what: str) -> str:
        a, d = find(rep, sec, "alq"), find(rep, sec, "duckdb-cli")
        if not (a and d and a.ok and d.ok):
            return "—"
        if what == "time":
            return ratio(a.median, d.median)
        return ratio(a.rss_kb, d.rss_kb) if a.rss_kb and d.rss_kb else "—"

    out: list[str] = []
    for what, head in (("time", "Median time"), ("rss", "Peak RSS of the process")):
        cols = ["workload"] + [name for _, name in WORKLOAD_TOOLS] + ["alq / DuckDB CLI"]
        rows = [[titles.get(sec, sec)] + [cell(sec, t, what) for t, _ in WORKLOAD_TOOLS] + [ratio_of(sec, what)]
                for sec in secs]
        if markdown:
            out += [f"#### {head}", "", "| " + " | ".join(cols) + " |",
                    "|" + "|".join("---" for _ in cols) + "|"]
            out += ["| " + " | ".join(("`" + c.replace("`", "'") + "`" if i == 0 else c).replace("|", "\\|")
                                      for i, c in enumerate(r)) + " |" for r in rows]
            out.append("")
        else:
            widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(cols)]
            out += [head, "  " + "  ".join(c.ljust(w) for c, w in zip(cols, widths))]
            out += ["  " + "  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]
            out.append("")
    out.append("¹ Miller and jq have no table in memory: their figure is the whole process, loading "
               "facts.csv (Miller) or facts.json (jq) included; alq, DuckDB and sqlite3 are timed inside one "
               "process that holds the table (alq's `--timer`, the shells' `.timer on`, Python's perf_counter). "
               "— = the tool cannot express the workload. Every answer was checked against the reference.")
    return out


def memory_table(rep: Report, markdown: bool) -> list[str]:
    """Peak RSS of the processes that held all the facts: the cold and warm runs."""
    tools = []
    for sec in ("cold", "warm"):
        for m in rep.sections.get(sec, []):
            if m.tool not in tools and "inside that process" not in m.label:
                tools.append(m.tool)
    def rss(sec: str, tool: str) -> Optional[int]:
        for m in rep.sections.get(sec, []):
            if m.tool == tool and m.rss_kb and "inside that process" not in m.label:
                return m.rss_kb
        return None
    alq_cold, alq_warm = rss("cold", "alq"), rss("warm", "alq")
    head = ["tool", "cold Q process", "alq / tool", "warm process (table + 20 Q)", "alq / tool"]
    rows = []
    for t in tools:
        c, w = rss("cold", t), rss("warm", t)
        rows.append([t, fmt_mb(c), "—" if t == "alq" else ratio(alq_cold, c),
                     fmt_mb(w), "—" if t == "alq" else ratio(alq_warm, w)])
    if markdown:
        out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
        out += ["| " + " | ".join(r) + " |" for r in rows]
        return out
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(head)]
    return ["  " + "  ".join(h.ljust(w) for h, w in zip(head, widths))] + \
           ["  " + "  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]


def find(rep: Report, sec: str, tool: str, label_has: str = "") -> Optional[Measure]:
    for m in rep.sections.get(sec, []):
        if m.tool == tool and label_has in m.label:
            return m
    return None


def targets(b: Bench) -> list[str]:
    rep = b.report
    out = ["| target (DESIGN.md) | alq | compared with | status |", "|---|---|---|---|"]

    def row(name: str, alq: Optional[float], peer: Optional[float], peer_name: str,
            ok: Optional[bool], fmt=fmt_time, ran: bool = True,
            peer_times: Optional[list[float]] = None,
            alq_times: Optional[list[float]] = None) -> None:
        if not ran:
            status = "not measured in this run"
        elif alq is None:
            status = "not measured: alq failed"
        elif ok is None:
            status = "not measured: peer failed"
        else:
            status = "met" if ok else "not met"
            if peer is not None and not ok:
                status += f" ({alq / peer:.2f}× the peer"
                if peer_times and alq_times:
                    status += (f"; best runs: alq {fmt(min(alq_times))}, "
                               f"{peer_name} {fmt(min(peer_times))}")
                status += ")"
        out.append(f"| {name} | {fmt(alq) if alq is not None else '—'} | "
                   f"{peer_name + ' ' + fmt(peer) if peer is not None else peer_name} | {status} |")

    a = find(rep, "warm", "alq"); d = find(rep, "warm", "duckdb")
    am, dm = (a.median if a else None), (d.median if d else None)
    row("warm Q no slower than DuckDB in memory", am, dm, "duckdb",
        None if dm is None else am is not None and am <= dm, ran=a is not None,
        peer_times=d.times if d and d.ok else None,
        alq_times=a.times if a and a.ok else None)
    a = find(rep, "cold", "alq"); d = find(rep, "cold", "duckdb", "whole process")
    am, dm = (a.median if a else None), (d.median if d else None)
    row("cold Q no slower than DuckDB reading the CSV (whole process)", am, dm, "duckdb",
        None if dm is None else am is not None and am <= dm, ran=a is not None,
        peer_times=d.times if d and d.ok else None,
        alq_times=a.times if a and a.ok else None)
    d2 = find(rep, "cold", "duckdb", "inside that process")
    d2m = d2.median if d2 else None
    row("… and than DuckDB's own read_csv + Q time (no Python start-up)", am, d2m, "duckdb in-process",
        None if d2m is None else am is not None and am <= d2m, ran=a is not None,
        peer_times=d2.times if d2 and d2.ok else None,
        alq_times=a.times if a and a.ok else None)
    for label in ("alq -c '1 + 1'", "alq -c 'Guangxi.output_value[2024]'"):
        a = find(rep, "startup", "alq", label)
        am = a.median if a else None
        row(f"`{label}` under 10 ms", am, None, "10 ms", True if am is None else am < 0.010,
            ran=a is not None)
    a = find(rep, "warm", "alq")
    rss = a.rss_kb if a and a.ok else None
    if b.rows >= 1_000_000:
        st = ("not measured in this run" if a is None else "not measured: alq failed" if rss is None
              else "met" if rss < 150 * 1024 else "not met")
        out.append(f"| 1M facts resident in under 150 MB (warm process) | {fmt_mb(rss)} | 150 MB | {st} |")
    for sec in [x for x in rep.sections if x.startswith("wl-") or x == "json-load"
                or re.fullmatch(r"cold(-[0-9]+)?", x)]:
        a, d = find(rep, sec, "alq"), find(rep, sec, "duckdb-cli")
        am, dm = (a.median if a and a.ok else None), (d.median if d and d.ok else None)
        name = getattr(b, "workload_titles", {}).get(sec) or section_titles(rep).get(sec, sec)
        name = name.replace("|", "\\|")
        row(f"{name}: alq / DuckDB CLI ≤ 1.0", am, dm, "DuckDB CLI",
            None if dm is None else am is not None and am <= dm, ran=a is not None and d is not None)
        if sec.startswith("cold") and a and d and a.rss_kb and d.rss_kb:
            ok = a.rss_kb <= 1.5 * d.rss_kb
            out.append(f"| {name}: peak RSS ≤ 1.5× DuckDB CLI's | {fmt_mb(a.rss_kb)} | DuckDB CLI "
                       f"{fmt_mb(d.rss_kb)} | {'met' if ok else 'not met'} ({a.rss_kb / d.rss_kb:.2f}×) |")
    a, sq = find(rep, "startup", "alq", "1 + 1"), find(rep, "startup", "sqlite3")
    if a and sq and a.ok and sq.ok:
        ok = a.median <= 2 * sq.median
        out.append(f"| `alq -c '1 + 1'` ≤ 2× sqlite3's start-up | {fmt_time(a.median)} | sqlite3 "
                   f"{fmt_time(sq.median)} | {'met' if ok else 'not met'} ({a.median / sq.median:.2f}×) |")
    for fmt in ("csv", "json"):
        a = find(rep, f"export-{fmt}", "alq")
        am = a.median if a else None
        row(f"{fmt.upper()} export of {b.rows} rows well under a second (whole process)", am, None,
            "1 s", True if am is None else am < 1.0, ran=a is not None)
    return out


def tool_versions(b: Bench) -> list[str]:
    def cmd(c: list[str]) -> str:
        try:
            p = subprocess.run(c, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60)
            return first_line(p.stdout.decode("utf-8", "replace"))
        except Exception as e:
            return f"unavailable ({e})"
    git = cmd(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--", "Sources", "Plugins",
                            "Package.swift"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.strip()
    if dirty:
        git += "` with uncommitted changes to the sources `"
    duck = cmd([PY, "-c", "import duckdb; print(duckdb.__version__)"])
    pysql = cmd([PY, "-c", "import sqlite3; print(sqlite3.sqlite_version)"])
    return [
        f"- alq: {b.a.alq_desc or 'the binary ' + str(b.alq)}, source at commit `{git}`"
        f"{' — the build failed' if b.alq_build_error else ''}; {cmd(['swift', '--version'])}",
        f"- DuckDB {duck} (Python module from PyPI; {cmd([PY, '--version'])})",
        f"- sqlite3 CLI {cmd(['sqlite3', '--version']).split()[0]}; "
        f"Python's sqlite3 module links SQLite {pysql}",
        f"- Miller: {cmd(['mlr', '--version'])}",
        f"- jq: {cmd(['jq', '--version'])}",
        f"- hyperfine: {cmd(['hyperfine', '--version'])}",
    ]


def load_average() -> str:
    """`uptime`'s load averages (1, 5, 15 minutes) when the run ended."""
    try:
        with open("/proc/loadavg", encoding="utf-8") as f:
            one, five, fifteen = f.read().split()[:3]
        return f"{one}, {five}, {fifteen} (1, 5, 15 minutes)"
    except OSError:
        return "unknown"


def machine() -> list[str]:
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "unknown"
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("MemTotal"):
                    mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return [f"- CPU: {cpu}, `nproc` = {os.cpu_count() and len(os.sched_getaffinity(0))}",
            f"- memory: {mem}",
            f"- OS: {platform.platform()}",
            "- shared with other builds: figures can move by tens of percent between runs"]


def print_report(b: Bench) -> None:
    rep = b.report
    print()
    for sec, title in section_titles(rep).items():
        if sec in rep.sections:
            print(title)
            print("\n".join(section_table(rep.sections[sec], markdown=False)))
            print()
    wt = workload_tables(rep, getattr(b, "workload_titles", {}), markdown=False)
    if wt:
        print("Workloads on the table in memory")
        print("\n".join(wt))
        print()
    if "cold" in rep.sections or "warm" in rep.sections:
        print("Peak RSS (GNU time, maximum resident set size)")
        print("\n".join(memory_table(rep, markdown=False)))
        print()
    if b.alq_load_s is not None:
        print(f"alq's load of the CSV (first --timer line of the warm run): {fmt_time(b.alq_load_s)}")
    print("alq / tool: above 1 means alq took longer (or more memory) than that tool.")
    if rep.failures:
        print(f"\n{len(rep.failures)} failure(s):")
        for f in rep.failures:
            print("  - " + f)


def make_record(b: Bench, elapsed: float) -> dict:
    """Everything the docs need from a run, as JSON: figures, machine, versions."""
    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "rows": b.rows,
        "seed": b.a.seed,
        "elapsed_s": elapsed,
        "machine": machine(),
        "versions": tool_versions(b),
        "reference": [[r, v] for r, v in b.ref],
        "alq_load_s": b.alq_load_s,
        "workload_titles": b.workload_titles,
        "load_average": load_average(),
        "failures": b.report.failures,
        "sections": {sec: [dataclasses.asdict(m) for m in ms] for sec, ms in b.report.sections.items()},
    }


def view_of(record: dict) -> types.SimpleNamespace:
    """What targets() and the tables read, rebuilt from a record."""
    rep = Report()
    rep.failures = list(record["failures"])
    rep.sections = {sec: [Measure(**m) for m in ms] for sec, ms in record["sections"].items()}
    return types.SimpleNamespace(report=rep, rows=record["rows"], alq_load_s=record["alq_load_s"],
                                 workload_titles=record.get("workload_titles", {}),
                                 ref=[(r, v) for r, v in record["reference"]])


def write_record(record: dict, path: str) -> None:
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(record, f, indent=1, ensure_ascii=False)
        f.write("\n")
    os.replace(tmp, path)


def write_docs(record: dict, path: str, template: str) -> None:
    b = view_of(record)
    rep = b.report
    with open(template, encoding="utf-8") as f:
        text = f.read()
    body: list[str] = []
    for sec, title in section_titles(rep).items():
        if sec not in rep.sections:
            continue
        body += [f"### {title}", ""]
        body += section_table(rep.sections[sec], markdown=True)
        if sec.startswith("export") and b.alq_load_s is not None:
            body += ["", f"alq's load of the CSV alone (first `--timer` line of the warm run): "
                         f"{fmt_time(b.alq_load_s)}; the rest of alq's figure is the export."]
        body.append("")
    body += ["### Peak RSS with all the facts loaded", ""]
    body += memory_table(rep, markdown=True)
    body += ["", "DuckDB's figures and sqlite3's warm figure are Python processes; the baseline table "
             "above shows what Python and the imports alone take."]
    body.append("")
    if rep.failures:
        body += ["### Failures in this run", ""]
        body += [f"- {f}" for f in rep.failures]
        body.append("")
    ref = ["| # | region | sum of value (CNY) |", "|---|---|---|"]
    ref += [f"| {i} | {r} | {v:.2f} |" for i, (r, v) in enumerate(b.ref, 1)]
    repl = {
        "{{DATE}}": record["date"],
        "{{ROWS}}": f"{record['rows']:,}",
        "{{SEED}}": str(record["seed"]),
        "{{MACHINE}}": "\n".join(record["machine"]),
        "{{VERSIONS}}": "\n".join(record["versions"]),
        "{{TARGETS}}": "\n".join(targets(b)),
        "{{RESULTS}}": "\n".join(body).rstrip(),
        "{{ANSWER}}": "\n".join(ref),
        "{{ELAPSED}}": f"{record['elapsed_s']:.0f} s",
        "{{WORKLOADS}}": "\n".join(workload_tables(rep, b.workload_titles, markdown=True)).rstrip()
        or "Not measured yet: the recorded run (bench/benchmarks.json) predates these workloads.",
        "{{LOAD}}": record.get("load_average", "not recorded"),
    }
    for k, v in repl.items():
        text = text.replace(k, v)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)
    print(f"\nwrote {os.path.relpath(path, ROOT)}")


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description="alq's benchmark harness (see bench/run.sh)")
    p.add_argument("--alq", help="the alq binary")
    p.add_argument("--alq-desc", help="how the alq binary was made (for the docs)")
    p.add_argument("--cold-data", help="more cold-Q sizes: ROWS=FOLDER,… (each folder with facts.csv and .json)")
    p.add_argument("--duckdb-cli", help="the DuckDB CLI binary (default: duckdb on PATH)")
    p.add_argument("--alq-build-log", help="alq's build failed: the log, for the message")
    p.add_argument("--data", default=os.path.join(HERE, "out"), help="folder with facts.csv and facts.json")
    p.add_argument("--seed", type=int, default=42, help="the seed the data was generated with (for the docs)")
    p.add_argument("--small", action="store_true", help="fewer repetitions")
    p.add_argument("--check", action="store_true", help="exit 1 on any failure or disagreement")
    p.add_argument("--docs", help="write this Markdown file from bench/benchmarks.md.in")
    p.add_argument("--only", default="",
                   help="comma-separated subset: baseline,cold,warm,workloads,json_load,export,startup")
    p.add_argument("--workloads", default="",
                   help="with workloads: only these, by key (comma-separated: q,join,top_value,…)")
    p.add_argument("--tools", default="",
                   help="only these tools (comma-separated: alq,duckdb-cli,duckdb,sqlite3,miller,jq)")
    p.add_argument("--record", help="also write the run's figures as JSON to this file")
    p.add_argument("--render", metavar="RECORD",
                   help="measure nothing: rewrite --docs from a recorded run (after editing the template)")
    a = p.parse_args(argv)
    template = os.path.join(HERE, "benchmarks.md.in")
    if a.render:
        if not a.docs:
            p.error("--render needs --docs")
        with open(a.render, encoding="utf-8") as f:
            write_docs(json.load(f), a.docs, template)
        return 0
    t0 = time.perf_counter()
    global TIMEOUT
    if a.small:
        TIMEOUT = 60.0
    b = Bench(a)
    b.run({s for s in a.only.split(",") if s})
    print_report(b)
    record = make_record(b, time.perf_counter() - t0)
    write_record(record, os.path.join(b.data, "results.json"))
    if a.record:
        write_record(record, a.record)
    if a.docs:
        write_docs(record, a.docs, template)
    if a.check and b.report.failures:
        print(f"\nbench --check: FAILED ({len(b.report.failures)} failure(s))", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
