#!/usr/bin/env python3
"""A well-behaved test plugin: a format, a region with a table, a function."""
import json
import os
import sys

rows = []


def answer(request, result=None, error=None):
    message = {"id": request["id"]}
    if error is not None:
        message["error"] = {"message": error}
    else:
        message["result"] = result if result is not None else {}
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


for line in sys.stdin:
    request = json.loads(line)
    method = request["method"]
    params = request.get("params", {})
    if method == "hello":
        answer(request, {"protocol": 1, "name": "good", "version": "0.1.0",
                         "capabilities": ["formats", "region", "functions"]})
    elif method == "describe":
        answer(request, {
            "formats": [{"name": "pipes", "extensions": ["pipes"], "media_type": "text/plain"}],
            "region": {"id": "testland", "name": "Testland", "chinese": "测试", "pinyin": "Cèshì",
                       "level": "test region", "summary": "A region for tests."},
            "tables": ["facts"],
            "functions": [{"name": "double", "params": ["x"], "doc": "Twice x."}],
        })
    elif method == "table":
        answer(request, {"columns": ["region", "metric", "year", "value", "unit"],
                         "rows": [["Testland", "output", 2024, {"value": 5e9, "unit": "CNY"}, "CNY"],
                                  ["Testland", "capacity", None, 1200000, "t"]]})
    elif method == "call" and params["function"] == "descriptors":
        answer(request, {"value": sorted(int(fd) for fd in os.listdir("/proc/self/fd"))})
    elif method == "call":
        if params["function"] != "double":
            answer(request, error="no function " + params["function"])
        else:
            x = params["args"][0]
            if isinstance(x, dict):
                answer(request, {"value": {"value": x["value"] * 2, "unit": x["unit"]}})
            else:
                answer(request, {"value": x * 2})
    elif method == "export.begin":
        names = [c["name"] for c in params["columns"]]
        answer(request, {"data": "|".join(names) + "\n"})
    elif method == "export.rows":
        out = "".join("|".join("" if v is None else str(v) for v in row) + "\n" for row in params["rows"])
        answer(request, {"data": out})
    elif method == "export.end":
        answer(request, {"base64": "LS0gZW5kIC0tCg=="})  # "-- end --\n"
    elif method == "shutdown":
        answer(request)
        break
    else:
        answer(request, error="unknown method " + method)
