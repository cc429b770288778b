#!/usr/bin/env bash
# alq's benchmarks, side by side with DuckDB, sqlite3, Miller and jq.
#
#   bash bench/run.sh                 # 1,000,000 facts; writes docs/benchmarks.md (make bench)
#   bash bench/run.sh --small --check # 10,000 facts; exit 1 on any failure or disagreement (make test)
#
# Options:
#   --small        10,000 rows and fewer repetitions; docs/benchmarks.md is not written
#   --check        exit 1 if any tool fails or gives another answer than the reference
#   --rows N       number of facts (default 1,000,000, or 10,000 with --small)
#   --seed N       generator seed (default 42)
#   --cold-rows L  more sizes for the cold query, comma-separated (default 100000,10000000; 2000 with
#                  --small); each is generated into bench/out/cold-N
#   --only LIST    a subset of baseline,cold,warm,workloads,json_load,export,startup
#   --no-docs      do not write docs/benchmarks.md
#   --no-install   do not install missing peers
#   --render       measure nothing: rewrite docs/benchmarks.md from bench/benchmarks.json (the figures
#                  of the last full run) and the template bench/benchmarks.md.in, after editing the latter
# Environment:
#   ALQ_BIN=path   use this alq binary instead of building one (swift build -c release --static-swift-stdlib --product alq)
#   PYTHON=python3 the Python that runs the harness and the duckdb / sqlite3 modules
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

small=0 check=0 rows="" cold_rows="-" seed=42 only="" docs=1 install=1 render=0
while [ $# -gt 0 ]; do
    case "$1" in
        --small) small=1 ;;
        --check) check=1 ;;
        --rows) rows="${2:?--rows needs a number}"; shift ;;
        --rows=*) rows="${1#--rows=}" ;;
        --cold-rows) cold_rows="${2?--cold-rows needs a list}"; shift ;;
        --cold-rows=*) cold_rows="${1#--cold-rows=}" ;;
        --seed) seed="${2:?--seed needs a number}"; shift ;;
        --seed=*) seed="${1#--seed=}" ;;
        --only) only="${2:?--only needs a list}"; shift ;;
        --only=*) only="${1#--only=}" ;;
        --no-docs) docs=0 ;;
        --no-install) install=0 ;;
        --render) render=1 ;;
        -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "bench/run.sh: unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
case "$rows" in
    "") if [ $small = 1 ]; then rows=10000; else rows=1000000; fi ;;
    *[!0-9]*) echo "bench/run.sh: --rows wants a number, not $rows" >&2; exit 2 ;;
esac
if [ "$cold_rows" = "-" ]; then
    if [ $small = 1 ]; then cold_rows="2000"; else cold_rows="100000,10000000"; fi
fi
case "$cold_rows" in *[!0-9,]*) echo "bench/run.sh: --cold-rows wants numbers, not $cold_rows" >&2; exit 2 ;; esac
case "$seed" in *[!0-9]*|"") echo "bench/run.sh: --seed wants a number, not $seed" >&2; exit 2 ;; esac
[ $small = 1 ] && docs=0
PYTHON="${PYTHON:-python3}"
if [ $render = 1 ]; then
    exec "$PYTHON" "$here/harness.py" --render "$here/benchmarks.json" --docs "$root/docs/benchmarks.md"
fi
out="$here/out"
mkdir -p "$out"

step() { printf '\n## %s\n' "$*"; }

# --- peers -------------------------------------------------------------------
if [ $install = 1 ]; then
    missing=()
    command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
    command -v mlr >/dev/null 2>&1 || missing+=(miller)
    command -v jq >/dev/null 2>&1 || missing+=(jq)
    command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
    [ -x /usr/bin/time ] || missing+=(time)
    if [ ${#missing[@]} -gt 0 ]; then
        step "installing ${missing[*]} (Debian packages)"
        sudo=""
        [ "$(id -u)" = 0 ] || sudo="sudo"
        if command -v apt-get >/dev/null 2>&1; then
            $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" \
                || echo "bench/run.sh: could not install ${missing[*]}; those tools will be reported as failing" >&2
        else
            echo "bench/run.sh: no apt-get; install ${missing[*]} by hand" >&2
        fi
    fi
    PYTHON="$PYTHON" bash "$root/scripts/install-python-packages.sh" duckdb \
        || echo "bench/run.sh: could not install duckdb; it will be reported as failing" >&2
    # DuckDB's native command-line binary, packaged on PyPI as duckdb-cli
    PYTHON="$PYTHON" bash "$root/scripts/install-python-packages.sh" duckdb_cli=duckdb-cli \
        || echo "bench/run.sh: could not install duckdb-cli; the DuckDB CLI will be reported as failing" >&2
fi
# The native binary inside the duckdb-cli package (its `duckdb` on PATH is a Python wrapper around it).
duckdb_cli="$("$PYTHON" -c 'import duckdb_cli, os; print(os.path.join(os.path.dirname(duckdb_cli.__file__), "duckdb"))' \
    2>/dev/null || command -v duckdb || true)"

# --- alq ---------------------------------------------------------------------
build_log="$out/build.log"
alq_args=()
if [ -n "${ALQ_BIN:-}" ]; then
    alq_args=(--alq "$ALQ_BIN" --alq-desc "the binary \$ALQ_BIN=$ALQ_BIN")
else
    step "building alq (swift build -c release --static-swift-stdlib --product alq)"
    t0=$(date +%s)
    if swift build -c release --static-swift-stdlib --product alq >"$build_log" 2>&1; then
        echo "built in $(( $(date +%s) - t0 )) s"
        alq_args=(--alq "$root/.build/release/alq" --alq-desc "release build (swift build -c release --static-swift-stdlib --product alq)")
    else
        echo "alq: failed: build failed (log: ${build_log#$root/}):" >&2
        grep -m 5 'error:' "$build_log" >&2 || tail -n 5 "$build_log" >&2
        alq_args=(--alq "$root/.build/release/alq" --alq-build-log "$build_log")
    fi
fi

# --- data ----------------------------------------------------------------------
stamp="rows=$rows seed=$seed generator=$(cksum <"$here/generate.py" | cut -d' ' -f1)"
if [ ! -f "$out/facts.csv" ] || [ ! -f "$out/facts.json" ] || [ "$(cat "$out/facts.stamp" 2>/dev/null)" != "$stamp" ]; then
    step "generating $rows facts (seed $seed) into ${out#$root/}"
    rm -f "$out/facts.stamp"
    "$PYTHON" "$here/generate.py" --rows "$rows" --seed "$seed" --out "$out"
    echo "$stamp" >"$out/facts.stamp"
fi

cold_data=""
for n in ${cold_rows//,/ }; do
    [ "$n" = "$rows" ] && continue
    dir="$out/cold-$n"
    nstamp="rows=$n seed=$seed generator=$(cksum <"$here/generate.py" | cut -d' ' -f1)"
    if [ ! -f "$dir/facts.csv" ] || [ "$(cat "$dir/facts.stamp" 2>/dev/null)" != "$nstamp" ]; then
        step "generating $n facts (seed $seed) into ${dir#$root/} for the cold query"
        rm -f "$dir/facts.stamp"
        "$PYTHON" "$here/generate.py" --rows "$n" --seed "$seed" --out "$dir"
        echo "$nstamp" >"$dir/facts.stamp"
    fi
    cold_data="${cold_data:+$cold_data,}$n=$dir"
done

if [ $check = 1 ]; then
    # Same seed => byte-identical files.
    "$PYTHON" "$here/generate.py" --rows "$rows" --seed "$seed" --out "$out/tmp/regen"
    if cmp -s "$out/facts.csv" "$out/tmp/regen/facts.csv" && cmp -s "$out/facts.json" "$out/tmp/regen/facts.json"; then
        echo "generator: same seed, byte-identical files"
    else
        echo "generator: FAILED: the same seed gave different files" >&2
        exit 1
    fi
    rm -rf "$out/tmp/regen"
fi

# --- measure -------------------------------------------------------------------
step "measuring ($rows facts)"
args=(--data "$out" --seed "$seed" "${alq_args[@]}")
[ -n "$duckdb_cli" ] && args+=(--duckdb-cli "$duckdb_cli")
[ -n "$cold_data" ] && args+=(--cold-data "$cold_data")
[ $small = 1 ] && args+=(--small)
[ $check = 1 ] && args+=(--check)
[ -n "$only" ] && args+=(--only "$only")
[ $docs = 1 ] && args+=(--docs "$root/docs/benchmarks.md" --record "$here/benchmarks.json") && mkdir -p "$root/docs"
exec "$PYTHON" "$here/harness.py" "${args[@]}"
