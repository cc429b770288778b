#!/usr/bin/env python3
"""The pass-through export plugin of bench/plugins.py: the format `passthrough` (extension `.pt`) writes
every value it receives back out as CSV, through Python's csv module. It speaks the protocol version
alq offers (2: columnar batches), or version 1 (rows as arrays) when ALQ_BENCH_PROTOCOL=1, so that both
can be measured."""
import csv
import io
import json
import os
import sys

VERSION = int(os.environ.get("ALQ_BENCH_PROTOCOL", "2"))


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
            text = io.StringIO()
            writer = csv.writer(text, lineterminator="\n")
            if "batch" in params:
                writer.writerows(zip(*params["batch"]["columns"]))
            else:
                writer.writerows(params["rows"])
            result = {"data": text.getvalue()}
        write(json.dumps({"id": request["id"], "result": result}, ensure_ascii=False).encode() + b"\n")
        flush()
        if method == "shutdown":
            break


main()
