#!/usr/bin/env python3
"""A plugin whose function `wait` takes a minute to answer (for Ctrl-C during a plugin call)."""
import json
import sys
import time

for line in sys.stdin:
    request = json.loads(line)
    method = request["method"]
    result = {}
    if method == "hello":
        result = {"protocol": 1, "name": "slow_call", "version": "0.1.0", "capabilities": ["functions"]}
    elif method == "describe":
        result = {"functions": [{"name": "wait", "params": [], "doc": "Answers after a minute."}]}
    elif method == "call":
        time.sleep(60)
        result = {"value": 1}
    sys.stdout.write(json.dumps({"id": request["id"], "result": result}) + "\n")
    sys.stdout.flush()
    if method == "shutdown":
        break
