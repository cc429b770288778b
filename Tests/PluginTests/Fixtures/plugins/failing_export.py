#!/usr/bin/env python3
"""Offers a format whose export writes part of a file, then either reports an error or dies."""
import json
import os
import sys


def answer(request, result=None, error=None):
    message = {"id": request["id"]}
    if error:
        message["error"] = {"message": error}
    else:
        message["result"] = result or {}
    print(json.dumps(message), flush=True)


for line in sys.stdin:
    request = json.loads(line)
    method = request["method"]
    if method == "hello":
        answer(request, {"protocol": 1, "name": "failing", "version": "1", "capabilities": ["formats"]})
    elif method == "describe":
        answer(request, {"formats": [{"name": "fails", "extensions": ["fails"]},
                                     {"name": "dies", "extensions": ["dies"]}]})
    elif method == "export.begin":
        fmt = request["params"]["format"]
        answer(request, {"data": "partial output\n" * 1000})
    elif method == "export.rows":
        if fmt == "dies":
            os._exit(7)
        answer(request, error="disk of the imagination is full")
    else:
        answer(request)
