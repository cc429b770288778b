#!/usr/bin/env python3
"""A format whose export sends some output, then stalls (so that a test can kill alq mid-write).

When ALQ_TEST_SIGNAL names a FIFO, a line is written to it as the plugin starts to stall."""
import json
import os
import sys
import time

for line in sys.stdin:
    request = json.loads(line)
    method = request["method"]
    result = {}
    if method == "hello":
        result = {"protocol": 1, "name": "slow", "version": "1", "capabilities": ["formats"]}
    elif method == "describe":
        result = {"formats": [{"name": "slow", "extensions": ["slow"]}]}
    elif method == "export.begin":
        result = {"data": "new partial content\n" * 5000}
    elif method == "export.rows":
        if os.environ.get("ALQ_TEST_SIGNAL"):
            with open(os.environ["ALQ_TEST_SIGNAL"], "w") as signal:
                signal.write("stalling\n")
        time.sleep(10)
    print(json.dumps({"id": request["id"], "result": result}), flush=True)
