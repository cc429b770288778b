#!/usr/bin/env python3
"""Offers a format, then stops reading its input in the middle of an export."""
import json
import sys
import time

for line in sys.stdin:
    request = json.loads(line)
    method = request["method"]
    result = {}
    if method == "hello":
        result = {"protocol": 1, "name": "deaf", "version": "1", "capabilities": ["formats"]}
    elif method == "describe":
        result = {"formats": [{"name": "deaf", "extensions": ["deaf"]}]}
    print(json.dumps({"id": request["id"], "result": result}), flush=True)
    if method == "export.begin":
        time.sleep(60)
