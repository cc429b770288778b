"""DuckDB's side of the Parquet plugin's tests (Tests/EndToEndTests/ParquetPluginTests.swift), run with a
python3 that has the duckdb package:

  python3 duckdb_interop.py write FILE          writes a Parquet file with DuckDB: integers, floats,
                                                strings (CJK, empty), booleans, dates and nulls
  python3 duckdb_interop.py compare JSON FILE   compares the rows alq gave (JSON: an array of objects)
                                                with the rows DuckDB reads from the Parquet FILE
  python3 duckdb_interop.py metadata FILE       prints the file's `alq.columns` key-value metadata

`compare` prints every difference and exits 1 if there is one."""
import datetime
import json
import sys

import duckdb

SAMPLE = """
COPY (
    SELECT * FROM (VALUES
        (1, 12345678901234::BIGINT, 1.5::DOUBLE, 0.25::FLOAT, 'Guangxi', true, DATE '2024-03-01', 10::SMALLINT),
        (2, -7::BIGINT, -0.001::DOUBLE, NULL::FLOAT, '百色 Bǎisè', false, DATE '1999-12-31', NULL::SMALLINT),
        (3, NULL::BIGINT, NULL::DOUBLE, 3.0::FLOAT, '', NULL::BOOLEAN, NULL::DATE, -3::SMALLINT),
        (4, 0::BIGINT, 205000000000.0::DOUBLE, 1e-7::FLOAT, NULL::VARCHAR, true, DATE '2025-11-11', 0::SMALLINT)
    ) AS t(id, big, ratio, small, name, flag, day, tiny)
) TO '{path}' (FORMAT parquet)
"""


def plain(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def rows_of(path):
    relation = duckdb.read_parquet(path)
    names = relation.columns
    return names, [dict(zip(names, (plain(value) for value in row))) for row in relation.fetchall()]


def same(a, b):
    """Equal values: the same bool, the same number (an integer equals the same float), else ==."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return a == b


def alq_columns(path):
    """The file's `alq.columns` metadata: column name to {"unit", "kind"}."""
    rows = duckdb.execute(
        "SELECT decode(value) FROM parquet_kv_metadata(?) WHERE decode(key) = 'alq.columns'", [path]).fetchall()
    return json.loads(rows[0][0]) if rows else {}


def compare(json_path, parquet_path):
    """Compares alq's JSON rows with DuckDB's. alq's JSON gives the unit of a column of one unit in a
    companion column NAME_unit; the Parquet file gives it in its metadata: the two must agree."""
    with open(json_path, encoding="utf-8") as handle:
        expected = json.load(handle)
    names, actual = rows_of(parquet_path)
    problems = []
    expected_names = list(expected[0]) if expected else names
    for name, described in alq_columns(parquet_path).items():
        companion = f"{name}_unit"
        if "unit" in described and companion in expected_names and companion not in names:
            expected_names.remove(companion)
            for index, row in enumerate(expected):
                if row.get(name) is not None and row.get(companion) != described["unit"]:
                    problems.append(f"row {index + 1}: alq's unit {row.get(companion)!r}, the metadata's {described['unit']!r}")
    if names != expected_names:
        problems.append(f"columns: DuckDB {names}, alq {expected_names}")
    if len(actual) != len(expected):
        problems.append(f"rows: DuckDB {len(actual)}, alq {len(expected)}")
    for index, (want, got) in enumerate(zip(expected, actual)):
        for name in expected_names:
            if not same(want.get(name), got.get(name)):
                problems.append(f"row {index + 1}, column {name}: alq {want.get(name)!r}, DuckDB {got.get(name)!r}")
    for problem in problems[:20]:
        print(problem)
    return 1 if problems else 0


def metadata(path):
    print(json.dumps(alq_columns(path), ensure_ascii=False))


def main(arguments):
    if arguments[:1] == ["write"] and len(arguments) == 2:
        duckdb.sql(SAMPLE.format(path=arguments[1].replace("'", "''")))
        return 0
    if arguments[:1] == ["compare"] and len(arguments) == 3:
        return compare(arguments[1], arguments[2])
    if arguments[:1] == ["metadata"] and len(arguments) == 2:
        metadata(arguments[1])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
