#!/usr/bin/env python3
"""Deterministic generator of synthetic facts in the shape of alq's dataset.

    python3 bench/generate.py --rows 1000000 --seed 42 --out bench/out

writes OUT/facts.csv (header row) and OUT/facts.json (one JSON array of
objects, one object per line) with the columns

    region, metric, year, value, unit, kind

* region: one of 300 names, the 4 real regions of the dataset (Guangxi,
  Guangyuan, Chongqing, Baise) and 296 synthetic, pinyin-like ones;
* metric: one of 13 metric ids, each with one unit (CNY, t, %, count, rank, x);
* year: 2015-2027 (never null: the null years of the real dataset would make
  the peers disagree on `year >= 2020` for reasons that have nothing to do with
  speed);
* value: a plain decimal number in the metric's base unit, printed identically
  in both files (integers for counts and ranks, two decimals otherwise);
* kind: actual, expected, target or plan.

The random numbers come from a hand-written splitmix64 generator rather than
Python's `random`, so the same seed gives byte-identical files on every Python
version. The reference answer of the benchmark query Q is not stored: the
harness computes it from the CSV with math.fsum.
"""

from __future__ import annotations

import argparse
import os
import sys

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed: int) -> None:
        self.state = seed & MASK

    def next(self) -> int:
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n: int) -> int:
        """Uniform integer in [0, n) (n far below 2**64, so the bias is negligible)."""
        return self.next() % n


REAL_REGIONS = ["Guangxi", "Guangyuan", "Chongqing", "Baise"]

# Syllables for synthetic place names ("Lianzhou", "Hechi", "Jinping East").
_FIRST = ["An", "Bai", "Bao", "Chang", "Chen", "Da", "Dong", "Fu", "Gui", "Hai",
          "He", "Heng", "Hong", "Hua", "Huai", "Jian", "Jin", "Jing", "Kai", "Lan",
          "Le", "Li", "Lian", "Long", "Lu", "Ming", "Nan", "Ning", "Pu", "Qing",
          "Rui", "Shan", "Shao", "Tai", "Tian", "Wen", "Xi", "Xin", "Ya", "Yong",
          "Yu", "Yun", "Zhang", "Zhao", "Zhong"]
_SECOND = ["an", "chang", "cheng", "chi", "chuan", "de", "feng", "gang", "he", "hua",
           "jiang", "kou", "ling", "men", "ning", "ping", "shan", "shui", "tai", "tan",
           "xi", "yang", "yuan", "zhou"]
_SUFFIX = ["", "", "", " East", " West", " North", " South"]


def synthetic_regions(rng: SplitMix64, count: int) -> list[str]:
    names: list[str] = []
    seen = set(REAL_REGIONS)
    while len(names) < count:
        name = (_FIRST[rng.below(len(_FIRST))] + _SECOND[rng.below(len(_SECOND))]
                + _SUFFIX[rng.below(len(_SUFFIX))])
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


# metric id, unit, how to draw a value: (kind of number, low, high)
#   "cents": two decimals, uniform in [low, high)
#   "int":   integer, uniform in [low, high)
METRICS = [
    ("output_value",                  "CNY",   ("cents", 10**8, 5 * 10**11)),
    ("industrial_investment",         "CNY",   ("cents", 10**7, 10**11)),
    ("revenue",                       "CNY",   ("cents", 10**8, 3 * 10**11)),
    ("tax_revenue",                   "CNY",   ("cents", 10**6, 10**10)),
    ("alumina_output",                "t",     ("cents", 10**4, 2 * 10**7)),
    ("electrolytic_aluminium_output", "t",     ("cents", 10**4, 5 * 10**6)),
    ("aluminium_processing_capacity", "t",     ("cents", 10**4, 10**7)),
    ("bauxite_reserves",              "t",     ("cents", 10**6, 10**9)),
    ("output_value_growth",           "%",     ("cents", -20, 60)),
    ("recycled_aluminium_share",      "%",     ("cents", 0, 100)),
    ("enterprises_above_scale",       "count", ("int", 1, 800)),
    ("national_rank",                 "rank",  ("int", 1, 35)),
    ("output_multiple",               "x",     ("cents", 1, 20)),
]

# kind and its weight out of 20
KINDS = [("actual", 11), ("expected", 3), ("target", 3), ("plan", 3)]
YEARS = list(range(2015, 2028))
COLUMNS = ["region", "metric", "year", "value", "unit", "kind"]


def draw_value(rng: SplitMix64, spec: tuple[str, int, int]) -> str:
    how, low, high = spec
    if how == "int":
        return str(low + rng.below(high - low))
    cents = low * 100 + rng.below((high - low) * 100)
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def json_string(s: str) -> str:
    # Every name above is plain ASCII without quotes or backslashes.
    return '"' + s + '"'


def generate(rows: int, seed: int, out_dir: str) -> None:
    rng = SplitMix64(seed)
    regions = REAL_REGIONS + synthetic_regions(rng, 300 - len(REAL_REGIONS))
    # Region weights: the real regions and every 10th synthetic one are
    # reported on three times as often, like a real, uneven dataset.
    weighted: list[int] = []
    for i in range(len(regions)):
        weighted.extend([i] * (3 if i < 4 or i % 10 == 0 else 1))
    kinds: list[str] = []
    for kind, weight in KINDS:
        kinds.extend([kind] * weight)

    os.makedirs(out_dir, exist_ok=True)
    csv_path = os.path.join(out_dir, "facts.csv")
    json_path = os.path.join(out_dir, "facts.json")
    region_json = [json_string(r) for r in regions]
    metric_json = [(m, json_string(m), u, json_string(u)) for m, u, _ in METRICS]
    kind_json = {k: json_string(k) for k, _ in KINDS}

    with open(csv_path + ".tmp", "w", encoding="utf-8", newline="\n") as fc, \
         open(json_path + ".tmp", "w", encoding="utf-8", newline="\n") as fj:
        fc.write(",".join(COLUMNS) + "\n")
        fj.write("[\n")
        csv_lines: list[str] = []
        json_lines: list[str] = []
        for n in range(rows):
            r = weighted[rng.below(len(weighted))]
            mi = rng.below(len(METRICS))
            year = YEARS[rng.below(len(YEARS))]
            kind = kinds[rng.below(len(kinds))]
            value = draw_value(rng, METRICS[mi][2])
            metric, metric_q, unit, unit_q = metric_json[mi]
            csv_lines.append(f"{regions[r]},{metric},{year},{value},{unit},{kind}\n")
            sep = ",\n" if n + 1 < rows else "\n"
            json_lines.append(
                f'{{"region":{region_json[r]},"metric":{metric_q},"year":{year},'
                f'"value":{value},"unit":{unit_q},"kind":{kind_json[kind]}}}{sep}')
            if len(csv_lines) >= 10000:
                fc.write("".join(csv_lines))
                fj.write("".join(json_lines))
                csv_lines.clear()
                json_lines.clear()
        fc.write("".join(csv_lines))
        fj.write("".join(json_lines))
        fj.write("]\n")
    os.replace(csv_path + ".tmp", csv_path)
    os.replace(json_path + ".tmp", json_path)


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out"))
    a = p.parse_args(argv)
    if a.rows < 0:
        p.error("--rows must be >= 0")
    generate(a.rows, a.seed, a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
