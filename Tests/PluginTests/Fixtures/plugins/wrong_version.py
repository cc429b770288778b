#!/usr/bin/env python3
"""Speaks protocol 99."""
import json
import sys

request = json.loads(sys.stdin.readline())
print(json.dumps({"id": request["id"], "result": {"protocol": 99, "name": "future", "version": "9.0.0"}}), flush=True)
sys.stdin.readline()
