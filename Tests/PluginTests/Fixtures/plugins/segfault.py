#!/usr/bin/env python3
"""Answers the handshake, then dies of SIGSEGV on the next request."""
import json
import os
import signal
import sys

request = json.loads(sys.stdin.readline())
print(json.dumps({"id": request["id"], "result": {"protocol": 1, "name": "segfault", "version": "1"}}), flush=True)
sys.stdin.readline()
os.kill(os.getpid(), signal.SIGSEGV)
