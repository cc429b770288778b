#!/usr/bin/env python3
"""Answers the handshake with an endless line."""
import sys

sys.stdin.readline()
chunk = "x" * 65536
try:
    while True:
        sys.stdout.write(chunk)
except BrokenPipeError:
    pass
