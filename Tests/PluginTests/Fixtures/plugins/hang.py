#!/usr/bin/env python3
"""Reads the handshake and never answers."""
import sys
import time

sys.stdin.readline()
time.sleep(60)
