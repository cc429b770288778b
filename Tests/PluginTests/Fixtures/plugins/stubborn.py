#!/usr/bin/env python3
"""Starts a child process, never answers 'shutdown' and ignores the end of its input; 'child' returns
the child's process id, 'spin' works forever."""
import json
import subprocess
import sys
import time

child = subprocess.Popen(["sleep", "600"])


def answer(request, result):
    sys.stdout.write(json.dumps({"id": request["id"], "result": result}) + "\n")
    sys.stdout.flush()


for line in sys.stdin:
    request = json.loads(line)
    method = request["method"]
    if method == "hello":
        answer(request, {"protocol": 1, "name": "stubborn", "version": "0.1.0", "capabilities": ["functions"]})
    elif method == "describe":
        answer(request, {"functions": [{"name": "child", "params": [], "doc": "The child's pid."},
                                       {"name": "spin", "params": [], "doc": "Never returns."}]})
    elif method == "call" and request["params"]["function"] == "child":
        answer(request, {"value": child.pid})
    elif method == "call":
        while True:
            time.sleep(1)
    elif method == "shutdown":
        break
while True:
    time.sleep(1)
