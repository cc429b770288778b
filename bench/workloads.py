"""The analyst's workloads of docs/benchmarks.md, in every tool's language, with their reference answers.

Each workload is one operation on the facts table `t` (1M rows in `make bench`):

* `alq`: a pipeline on `t`; the harness times `let r = <it>` and then prints the check `alq_check` (on `r`);
* `sql`: a SELECT on `t`; DuckDB (CLI and Python) and sqlite3 time `CREATE TABLE r AS <it>` and then print
  `sql_check` (on `r`); `sqlite` overrides `sql` where SQLite's dialect differs, None = it cannot;
* `mlr`, `jq`: a whole Miller verb chain on facts.csv and a jq program on facts.json that print the
  same check answer as CSV (header row first); None = the tool cannot express the workload;
* `reference`: the answer computed here in Python (math.fsum), which every tool's answer must equal.

A check answer is small (a sum, a count, a few rows), so that comparing it is cheap; it is computed from
the whole result `r`, so that a tool that computed `r` wrongly gives another answer.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Callable, Optional

YEARS = list(range(2015, 2028))


@dataclass
class Facts:
    """The rows of facts.csv, parsed once for the reference answers."""
    region: list[str]
    metric: list[str]
    year: list[int]
    value: list[float]
    value_text: list[str]
    unit: list[str]
    kind: list[str]

    @property
    def regions(self) -> list[str]:
        """Distinct regions in order of first appearance."""
        return list(dict.fromkeys(self.region))

    def weights(self) -> dict[str, float]:
        """A weight per region (exact in binary), for the lookup and join workloads."""
        return {r: 1 + (i % 7) / 4 for i, r in enumerate(self.regions)}


Row = tuple
Reference = Callable[[Facts], list[Row]]


@dataclass
class Workload:
    key: str
    label: str
    alq: str
    alq_check: str
    sql: str
    sql_check: str
    reference: Reference
    sqlite: Optional[str] = ""       # "" = the same as sql; None = SQLite cannot
    mlr: Optional[list[str]] = None
    jq: Optional[str] = None
    mlr_note: str = ""
    jq_note: str = ""


def _fsum_where(f: Facts, keep: Callable[[int], bool]) -> float:
    return math.fsum(v for i, v in enumerate(f.value) if keep(i))


def _median(xs: list[float]) -> float:
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def _q_reference(f: Facts) -> list[Row]:
    sums: dict[str, list[float]] = {}
    for i, r in enumerate(f.region):
        if f.unit[i] == "CNY" and f.kind[i] == "actual" and f.year[i] >= 2020:
            sums.setdefault(r, []).append(f.value[i])
    totals = sorted(((r, math.fsum(v)) for r, v in sums.items()), key=lambda t: (-t[1], t[0]))
    return totals[:5]


def _by_region(f: Facts, keep: Callable[[int], bool] = lambda i: True) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for i, r in enumerate(f.region):
        if keep(i):
            out.setdefault(r, []).append(f.value[i])
    return out


def _csv_header(*names: str) -> str:
    return "(" + json.dumps(list(names)) + " | @csv)"


def workloads(f: Facts) -> list[Workload]:
    regions = f.regions
    r0, low = regions[0], regions[1].lower()
    r50 = regions[:50]
    alq50 = ", ".join(json.dumps(r) for r in r50)
    sql50 = ", ".join("'" + r + "'" for r in r50)
    set50 = json.dumps({r: True for r in r50})
    w = f.weights()
    wmap = json.dumps(w)
    total_check_alq = "r"
    years_sqlite = ", ".join(f'sum(CASE WHEN year = {y} THEN value END) AS "{y}"' for y in YEARS)
    wl = [
        Workload(
            "q", "Q: where … | group region | agg sum | sort desc | take 5 (warm)",
            'where unit == "CNY" and kind == "actual" and year >= 2020 | group region '
            '| agg total = sum(value) | sort total desc | take 5', total_check_alq,
            "SELECT region, sum(value) AS total FROM t WHERE unit = 'CNY' AND kind = 'actual' AND year >= 2020 "
            "GROUP BY region ORDER BY total DESC LIMIT 5", "SELECT * FROM r",
            _q_reference,
            mlr=['filter', '$unit == "CNY" && $kind == "actual" && $year >= 2020',
                 'then', 'stats1', '-a', 'sum', '-f', 'value', '-g', 'region',
                 'then', 'sort', '-nr', 'value_sum', 'then', 'head', '-n', '5'],
            jq=_csv_header("region", "total") + ', (map(select(.unit == "CNY" and .kind == "actual" and '
            '.year >= 2020)) | group_by(.region) | map({region: .[0].region, total: (map(.value) | add)}) '
            '| sort_by(-.total) | .[:5][] | [.region, .total] | @csv)'),
        Workload(
            "in50", "where region in [50 strings] | agg sum",
            f"where region in [{alq50}] | agg s = sum(value)", "r",
            f"SELECT sum(value) AS s FROM t WHERE region IN ({sql50})", "SELECT * FROM r",
            lambda f: [(_fsum_where(f, lambda i, s=set(r50): f.region[i] in s),)],
            mlr=["filter", f"haskey({set50}, $region)", "then", "stats1", "-a", "sum", "-f", "value"],
            jq=_csv_header("s") + f", ({set50} as $s | [.[] | select($s[.region]) | .value] | add | [.] | @csv)"),
        Workload(
            "in1", "where region in [1 string] | agg sum",
            f"where region in [{json.dumps(r0)}] | agg s = sum(value)", "r",
            f"SELECT sum(value) AS s FROM t WHERE region IN ('{r0}')", "SELECT * FROM r",
            lambda f: [(_fsum_where(f, lambda i: f.region[i] == r0),)],
            mlr=["filter", f"$region == {json.dumps(r0)}", "then", "stats1", "-a", "sum", "-f", "value"],
            jq=_csv_header("s") + f", ([.[] | select(.region == {json.dumps(r0)}) | .value] | add | [.] | @csv)"),
        Workload(
            "eq1", "where region == 1 string | agg sum",
            f"where region == {json.dumps(r0)} | agg s = sum(value)", "r",
            f"SELECT sum(value) AS s FROM t WHERE region = '{r0}'", "SELECT * FROM r",
            lambda f: [(_fsum_where(f, lambda i: f.region[i] == r0),)],
            mlr=["filter", f"$region == {json.dumps(r0)}", "then", "stats1", "-a", "sum", "-f", "value"],
            jq=_csv_header("s") + f", ([.[] | select(.region == {json.dumps(r0)}) | .value] | add | [.] | @csv)"),
        Workload(
            "lookup", "lookup derive wv = value * w[region] | agg sum (SQL: a join)",
            "derive wv = value * w[region] | agg s = sum(wv)", "r",
            "SELECT sum(t.value * w.w) AS s FROM t LEFT JOIN w USING (region)", "SELECT * FROM r",
            lambda f: [(math.fsum(v * w[f.region[i]] for i, v in enumerate(f.value)),)],
            mlr=["put", f"$wv = $value * {wmap}[$region]", "then", "stats1", "-a", "sum", "-f", "wv"],
            jq=_csv_header("s") + f", ({wmap} as $w | [.[] | .value * $w[.region]] | add | [.] | @csv)"),
        Workload(
            "join", "join left rt on region (300 rows) | agg sum(value * w)",
            "join left rt on region | agg s = sum(value * w)", "r",
            "SELECT sum(t.value * w.w) AS s FROM t LEFT JOIN w USING (region)", "SELECT * FROM r",
            lambda f: [(math.fsum(v * w[f.region[i]] for i, v in enumerate(f.value)),)],
            mlr=["join", "-j", "region", "-f", "{weights_csv}", "then", "put", "$x = $value * $w",
                 "then", "stats1", "-a", "sum", "-f", "x"],
            jq=_csv_header("s") + ", ($rt | INDEX(.region)) as $i | ([.[] | .value * $i[.region].w] | add "
            "| [.] | @csv)"),
        Workload(
            "top_value", "sort value desc | take 5",
            "sort value desc | take 5 | select value", "r",
            "SELECT value FROM t ORDER BY value DESC LIMIT 5", "SELECT * FROM r",
            lambda f: [(v,) for v in sorted(f.value, reverse=True)[:5]],
            mlr=["sort", "-nr", "value", "then", "head", "-n", "5", "then", "cut", "-f", "value"],
            jq=_csv_header("value") + ", (sort_by(-.value) | .[:5][] | [.value] | @csv)"),
        Workload(
            "top_region", "sort region | take 5",
            "sort region | take 5 | select region", "r",
            "SELECT region FROM t ORDER BY region LIMIT 5", "SELECT * FROM r",
            lambda f: [(r,) for r in sorted(f.region)[:5]],
            mlr=["sort", "-f", "region", "then", "head", "-n", "5", "then", "cut", "-f", "region"],
            jq=_csv_header("region") + ", (sort_by(.region) | .[:5][] | [.region] | @csv)"),
        Workload(
            "sort_full", "full sort by region, value (a string column first)",
            "sort region, value", "r | take 5 | select region, value",
            "SELECT * FROM t ORDER BY region, value", "SELECT region, value FROM r ORDER BY rowid LIMIT 5",
            lambda f: sorted(zip(f.region, f.value))[:5],
            mlr=["sort", "-f", "region", "-nf", "value", "then", "head", "-n", "5", "then",
                 "cut", "-o", "-f", "region,value"],
            jq=_csv_header("region", "value") + ", (sort_by(.region, .value) | .[:5][] | [.region, .value] "
            "| @csv)"),
        Workload(
            "group3", "group region, metric, year | agg sum, count (54k groups)",
            "group region, metric, year | agg s = sum(value), n = count()",
            "r | agg g = count(), s = sum(s), n = sum(n)",
            "SELECT region, metric, year, sum(value) AS s, count(*) AS n FROM t GROUP BY region, metric, year",
            "SELECT count(*) AS g, sum(s) AS s, sum(n) AS n FROM r",
            lambda f: [(len(set(zip(f.region, f.metric, f.year))), math.fsum(f.value), len(f.value))],
            mlr=["stats1", "-a", "sum,count", "-f", "value", "-g", "region,metric,year", "then",
                 "stats1", "-a", "count,sum", "-f", "value_sum,value_count", "then",
                 "cut", "-o", "-f", "value_sum_count,value_sum_sum,value_count_sum"],
            jq=_csv_header("g", "s", "n") + ", (group_by([.region, .metric, .year]) | [length, "
            "(map(map(.value) | add) | add), (map(length) | add)] | @csv)"),
        Workload(
            "concat", 'derive c = region + "/" + metric (string concatenation)',
            'derive c = region + "/" + metric', "r | agg n = count(), d = count_distinct(c)",
            "SELECT *, region || '/' || metric AS c FROM t",
            "SELECT count(*) AS n, count(DISTINCT c) AS d FROM r",
            lambda f: [(len(f.region), len({r + "/" + m for r, m in zip(f.region, f.metric)}))],
            mlr=["put", '$c = $region . "/" . $metric', "then", "stats1", "-a", "count,distinct_count",
                 "-f", "c"],
            jq=_csv_header("n", "d") + ', (map(.region + "/" + .metric) | [length, (unique | length)] | @csv)'),
        Workload(
            "upper", "derive u = upper(region)",
            "derive u = upper(region)", "r | agg n = count(), d = count_distinct(u)",
            "SELECT *, upper(region) AS u FROM t",
            "SELECT count(*) AS n, count(DISTINCT u) AS d FROM r",
            lambda f: [(len(f.region), len({r.upper() for r in f.region}))],
            mlr=["put", "$u = toupper($region)", "then", "stats1", "-a", "count,distinct_count", "-f", "u"],
            jq=_csv_header("n", "d") + ", (map(.region | ascii_upcase) | [length, (unique | length)] | @csv)"),
        Workload(
            "round", "derive x = round(value)",
            "derive x = round(value)", "r | agg s = sum(x)",
            "SELECT *, round(value) AS x FROM t", "SELECT sum(x) AS s FROM r",
            lambda f: [(math.fsum(float(Decimal(s).quantize(Decimal(1), rounding=ROUND_HALF_UP))
                                  for s in f.value_text),)],
            mlr=["put", "$x = round($value)", "then", "stats1", "-a", "sum", "-f", "x"],
            jq=_csv_header("s") + ", (map(.value | round) | add | [.] | @csv)"),
        Workload(
            "lower", f'where lower(region) == "{low}" | agg sum',
            f"where lower(region) == {json.dumps(low)} | agg s = sum(value)", "r",
            f"SELECT sum(value) AS s FROM t WHERE lower(region) = '{low}'", "SELECT * FROM r",
            lambda f: [(_fsum_where(f, lambda i: f.region[i].lower() == low),)],
            mlr=["filter", f"tolower($region) == {json.dumps(low)}", "then", "stats1", "-a", "sum", "-f", "value"],
            jq=_csv_header("s") + f", ([.[] | select((.region | ascii_downcase) == {json.dumps(low)}) | .value] "
            "| add | [.] | @csv)"),
        Workload(
            "median", "group region | agg median(value)",
            "group region | agg m = median(value)", "r | agg n = count(), s = sum(m)",
            "SELECT region, median(value) AS m FROM t GROUP BY region",
            "SELECT count(*) AS n, sum(m) AS s FROM r",
            lambda f: [(len(f.regions), math.fsum(_median(v) for v in _by_region(f).values()))],
            sqlite=None,
            mlr=["stats1", "-i", "-a", "p50", "-f", "value", "-g", "region", "then",
                 "stats1", "-a", "count,sum", "-f", "value_p50"],
            mlr_note="p50 with -i (interpolated)",
            jq=_csv_header("n", "s") + ", (group_by(.region) | map(map(.value) | sort | if length % 2 == 1 "
            "then .[(length - 1) / 2] else (.[length / 2 - 1] + .[length / 2]) / 2 end) | [length, add] "
            "| @csv)"),
        Workload(
            "count_distinct", "group region | agg count_distinct(value)",
            "group region | agg d = count_distinct(value)", "r | agg n = count(), s = sum(d)",
            "SELECT region, count(DISTINCT value) AS d FROM t GROUP BY region",
            "SELECT count(*) AS n, sum(d) AS s FROM r",
            lambda f: [(len(f.regions), sum(len(set(v)) for v in _by_region(f).values()))],
            mlr=["put", "$v = $value + 0.0", "then", "count-distinct", "-f", "region,v", "then",
                 "count", "-g", "region", "then", "stats1", "-a", "count,sum", "-f", "count"],
            mlr_note="values as numbers (`+ 0.0`): count-distinct compares text, and 100 = 100.00",
            jq=_csv_header("n", "s") + ", (group_by(.region) | map(map(.value) | unique | length) "
            "| [length, add] | @csv)"),
        Workload(
            "window", "sort region, value | derive prev = lag(value) by region",
            "sort region, value | derive prev = lag(value) by region",
            "r | where not is_null(prev) | agg n = count(), s = sum(prev)",
            "SELECT *, lag(value) OVER (PARTITION BY region ORDER BY value) AS prev FROM t",
            "SELECT count(prev) AS n, sum(prev) AS s FROM r",
            lambda f: [(len(f.value) - len(f.regions),
                        math.fsum(x for v in _by_region(f).values() for x in sorted(v)[:-1]))],
            mlr=["sort", "-f", "region", "-nf", "value", "then", "step", "-a", "shift", "-f", "value",
                 "-g", "region", "then", "filter", "is_not_empty($value_shift)", "then",
                 "stats1", "-a", "count,sum", "-f", "value_shift"],
            jq=_csv_header("n", "s") + ", (group_by(.region) | map(map(.value) | sort | .[:-1]) | add "
            "| [length, add] | @csv)"),
        Workload(
            "pivot", 'where unit == "CNY" | group region, year | agg sum | pivot year values v',
            'where unit == "CNY" | group region, year | agg v = sum(value) | pivot year values v',
            "r | agg n = count(), s = sum(`2020`)",
            "PIVOT (SELECT region, year, value FROM t WHERE unit = 'CNY') ON year USING sum(value) "
            "GROUP BY region",
            'SELECT count(*) AS n, sum("2020") AS s FROM r',
            lambda f: [(len({r for i, r in enumerate(f.region) if f.unit[i] == "CNY"}),
                        _fsum_where(f, lambda i: f.unit[i] == "CNY" and f.year[i] == 2020))],
            sqlite=f"SELECT region, {years_sqlite} FROM t WHERE unit = 'CNY' GROUP BY region",
            mlr=["filter", '$unit == "CNY"', "then", "stats1", "-a", "sum", "-f", "value", "-g", "region,year",
                 "then", "reshape", "-s", "year,value_sum", "then", "put", "-q",
                 'begin { @n = 0; @s = 0 } @n += 1; if (is_numeric($["2020"])) { @s += $["2020"] } '
                 'end { print "n,s"; print @n . "," . @s }'],
            jq=_csv_header("n", "s") + ', (map(select(.unit == "CNY")) | group_by(.region) '
            '| map(reduce .[] as $x ({region: .[0].region}; .[$x.year | tostring] += $x.value)) '
            '| [length, (map(.["2020"] // empty) | add)] | @csv)'),
    ]
    return wl


def weights_csv(f: Facts) -> str:
    return "region,w\n" + "".join(f"{r},{x}\n" for r, x in f.weights().items())


def alq_setup(f: Facts) -> str:
    """`w` (a record region → weight) and `rt` (the same as a table) for alq."""
    w = f.weights()
    record = ", ".join(f"{json.dumps(r)}: {x}" for r, x in w.items())
    rows = ", ".join(f"{{region: {json.dumps(r)}, w: {x}}}" for r, x in w.items())
    return f"let w = {{{record}}}\nlet rt = [{rows}] | take {len(w)}\n"


def sql_setup(f: Facts) -> str:
    """The table `w` (region, w) for DuckDB and sqlite3."""
    values = ", ".join(f"('{r}', {x})" for r, x in f.weights().items())
    return f"CREATE TABLE w AS SELECT * FROM (VALUES {values}) v(region, w);"


def sqlite_setup(f: Facts) -> str:
    values = ", ".join(f"('{r}', {x})" for r, x in f.weights().items())
    return f"CREATE TABLE w(region TEXT, w REAL); INSERT INTO w VALUES {values};"


def jq_rt(f: Facts) -> str:
    return json.dumps([{"region": r, "w": x} for r, x in f.weights().items()])
