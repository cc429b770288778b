#!/usr/bin/env python3
"""region_pack.py, sending a pack with a wrong unit."""
import os
import runpy
import sys

sys.argv = [sys.argv[0], "bad"]
runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), "region_pack.py"), run_name="__main__")
