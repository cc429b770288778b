#!/usr/bin/env python3
"""The pass-through export plugin of bench/plugins.py: the format `passthrough` (extension `.pt`) parses
every batch alq sends (json.loads, every value) and writes every value back out: as CSV (ALQ_BENCH_OUTPUT=csv,
the default), as one JSON line per batch (json), or not at all (none: the cost of receiving alone).

It speaks the protocol version alq offers, or the one in ALQ_BENCH_PROTOCOL (1: rows as arrays; 2: columnar
batches; 3: dictionary-encoded string columns and raw output after the answer), so that each can be measured.
The CSV path shows what a fast Python plugin looks like (docs/plugins.md, "A fast plugin in Python"): a
batch is a dict of lists, so a column is turned into text once (`map(str, …)` for numbers, each distinct
string of a dictionary column quoted once, fractional numbers kept as the text alq wrote), rows are
joined with `zip`, and in protocol 3 the output goes out as raw bytes after a short message instead of
inside a JSON string."""
import csv
import io
import json
import os
import sys

VERSION = int(os.environ.get("ALQ_BENCH_PROTOCOL", "3"))
OUTPUT = os.environ.get("ALQ_BENCH_OUTPUT", "csv")


def csv_text(value):
    """One CSV cell, quoted when it must be (as Python's csv module does)."""
    if value is None:
        return ""
    if isinstance(value, str):
        if any(c in value for c in ',"\n\r'):
            return '"' + value.replace('"', '""') + '"'
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return csv_text(json.dumps(value, ensure_ascii=False))


def csv_cells(column, numeric):
    """A column's CSV cells: a dictionary column's distinct strings quoted once (protocol 3), a numeric
    column through `map(str, …)`, anything else cell by cell."""
    if isinstance(column, dict):
        texts = [csv_text(value) for value in column["dictionary"]]
        return [texts[code] for code in column["codes"]]
    if numeric and None not in column:
        return list(map(str, column))
    return [csv_text(value) for value in column]


def main():
    read = sys.stdin.buffer.readline
    write = sys.stdout.buffer.write
    flush = sys.stdout.buffer.flush
    protocol = 1
    numeric = []
    fast = False
    while True:
        line = read()
        if not line:
            break
        # A pass-through to text keeps fractional numbers as the text alq wrote (exact, and no float to
        # format again: repr of a float is the slowest step left).
        request = json.loads(line, parse_float=str) if fast else json.loads(line)
        method, params = request["method"], request.get("params", {})
        result = {}
        output = b""
        if method == "hello":
            protocol = min(VERSION, params.get("protocol", 1))
            fast = protocol >= 3 and OUTPUT == "csv"
            result = {"protocol": protocol, "name": "passthrough", "version": "1.0.0", "capabilities": ["formats"]}
        elif method == "describe":
            result = {"formats": [{"name": "passthrough", "extensions": ["pt"], "media_type": "text/csv"}]}
        elif method == "export.begin":
            columns = params["columns"]
            numeric = [column.get("type") in ("integer", "number") for column in columns]
            output = (",".join(column["name"] for column in columns) + "\n").encode()
        elif method == "export.rows":
            if OUTPUT == "csv" and protocol >= 3:
                cells = [csv_cells(column, kind) for column, kind in zip(params["batch"]["columns"], numeric)]
                output = ("\n".join(map(",".join, zip(*cells))) + "\n").encode() if cells and cells[0] else b""
            elif OUTPUT == "csv":
                # Protocols 1 and 2 as the plugin was first written: Python's csv module, row by row.
                rows = zip(*params["batch"]["columns"]) if "batch" in params else params["rows"]
                text = io.StringIO()
                csv.writer(text, lineterminator="\n").writerows(rows)
                output = text.getvalue().encode()
            elif OUTPUT == "json":
                output = (json.dumps(params.get("batch", params.get("rows")), ensure_ascii=False) + "\n").encode()
        if output and protocol >= 3:
            # Protocol 3: the output follows the answer as raw bytes, then a newline.
            write(b'{"id":%d,"result":{"bytes":%d}}\n' % (request["id"], len(output)) + output + b"\n")
        else:
            if output:
                result = {"data": output.decode()}
            write(json.dumps({"id": request["id"], "result": result}, ensure_ascii=False).encode() + b"\n")
        flush()
        if method == "shutdown":
            break


main()
