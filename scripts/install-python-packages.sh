#!/usr/bin/env bash
# Makes Python packages importable by $PYTHON (default python3), installing the missing ones from PyPI
# with pip: into the Python's own site-packages, else (a system Python that refuses, PEP 668) into the
# user's. Used by make test (duckdb, which the Parquet tests compare with; openpyxl, which the xlsx tests
# read and write workbooks with) and bench/run.sh.
#
#   bash scripts/install-python-packages.sh duckdb [MORE ...]
#   bash scripts/install-python-packages.sh duckdb_cli=duckdb-cli   # MODULE=PYPI-NAME when they differ
#
# Exits 1 when a package cannot be installed.
set -euo pipefail

PYTHON="${PYTHON:-python3}"
status=0
for item in "$@"; do
    module="${item%%=*}" package="${item#*=}"
    if "$PYTHON" -c "import $module" >/dev/null 2>&1; then continue; fi
    echo "installing the Python package $package (PyPI)" >&2
    "$PYTHON" -m pip install -q "$package" \
        || "$PYTHON" -m pip install -q --user --break-system-packages "$package" \
        || { echo "could not install the Python package $package" >&2; status=1; }
done
exit $status
