#!/usr/bin/env python3
"""The pass-through export plugin of bench/plugins.py: the format `passthrough` (extension `.pt`) parses
every batch alq sends (json.loads, every value) and writes every value back out: as CSV through Python's
csv module (ALQ_BENCH_OUTPUT=csv, the default), as one JSON line per batch (json), or not at all (none:
the cost of receiving alone). It speaks the protocol version alq offers (2: columnar batches), or
version 1 (rows as arrays) when ALQ_BENCH_PROTOCOL=1, so that both can be measured."""
import csv
import io
import json
import os
import sys

VERSION = int(os.environ.get("ALQ_BENCH_PROTOCOL", "2"))
OUTPUT = os.environ.get("ALQ_BENCH_OUTPUT", "csv")


def main():
    read = sys.stdin.buffer.readline
    write = sys.stdout.buffer.write
    flush = sys.stdout.buffer.flush
    while True:
        line = read()
        if not line:
            break
        request = json.loads(line)
        method, params = request["method"], request.get("params", {})
        result = {}
        if method == "hello":
            result = {"protocol": min(VERSION, params.get("protocol", 1)), "name": "passthrough",
                      "version": "1.0.0", "capabilities": ["formats"]}
        elif method == "describe":
            result = {"formats": [{"name": "passthrough", "extensions": ["pt"], "media_type": "text/csv"}]}
        elif method == "export.begin":
            result = {"data": ",".join(column["name"] for column in params["columns"]) + "\n"}
        elif method == "export.rows":
            rows = zip(*params["batch"]["columns"]) if "batch" in params else params["rows"]
            if OUTPUT == "csv":
                text = io.StringIO()
                csv.writer(text, lineterminator="\n").writerows(rows)
                result = {"data": text.getvalue()}
            elif OUTPUT == "json":
                result = {"data": json.dumps(params.get("batch", params.get("rows")), ensure_ascii=False) + "\n"}
        write(json.dumps({"id": request["id"], "result": result}, ensure_ascii=False).encode() + b"\n")
        flush()
        if method == "shutdown":
            break


main()
