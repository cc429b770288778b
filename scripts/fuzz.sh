#!/usr/bin/env bash
# Builds the libFuzzer harnesses in Fuzz/Harnesses and runs each from a corpus seeded with the script
# tests, the ```alq examples of docs/language.md and the test fixtures. See docs/reliability.md.
#
#   scripts/fuzz.sh [--smoke] [HARNESS...]     HARNESS: a Fuzz/Harnesses/fuzz-HARNESS.swift (default: all)
#   FUZZ_SECONDS   seconds per harness (default 60; 15 with --smoke)
#   FUZZ_JOBS      extra libFuzzer arguments (for example -jobs=2 -workers=2)
#   FUZZ_DETECT_LEAKS=1   report leaks too (off by default: caches held through Swift enums look leaked;
#                         see "The LeakSanitizer report" in docs/reliability.md)
#
# Each run appends "harness executions seconds findings" to .build-fuzz/runs.tsv. A crash, a
# timeout (an input that ignores cancellation for 10 s) or an input over 2 GiB of memory leaves the
# input in .build-fuzz/findings/ and makes the script fail.
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=0
if [[ "${1:-}" == "--smoke" ]]; then
    smoke=1
    shift
fi
seconds="${FUZZ_SECONDS:-$([[ $smoke == 1 ]] && echo 15 || echo 60)}"
harnesses=("$@")
if [[ ${#harnesses[@]} == 0 ]]; then
    harnesses=()
    for file in Fuzz/Harnesses/fuzz-*.swift; do
        name="${file##*/fuzz-}"
        harnesses+=("${name%.swift}")
    done
fi

out=.build-fuzz
sources=()
for name in "${harnesses[@]}"; do sources+=("Fuzz/Harnesses/fuzz-$name.swift"); done
python3 Fuzz/build.py "${sources[@]}" 2>&1 | grep -v -e "ld.gold: warning" -e "^$" || true
for name in "${harnesses[@]}"; do
    [[ -x "$out/bin/fuzz-$name" ]] || { echo "fuzz: fuzz-$name did not build" >&2; exit 1; }
done

# Seeds: what the project's own tests and docs feed each input kind.
seed_corpus() {
    local name="$1" seeds="$out/seeds/$1"
    rm -rf "$seeds"
    mkdir -p "$seeds"
    case "$name" in
        parser | evaluator)
            python3 - "$seeds" <<'PY'
import glob, os, sys
seeds = sys.argv[1]
count = 0
def add(text):
    global count
    count += 1
    with open(os.path.join(seeds, f"seed-{count}.alq"), "w") as handle:
        handle.write(text)
for path in sorted(glob.glob("Tests/Scripts/*.alq")):
    for case in open(path).read().split("# ---"):
        add(case)
block = None
for line in open("docs/language.md"):
    if block is None and line.startswith("```alq"):
        block = []
    elif block is not None and line.startswith("```"):
        add("".join(block))
        block = None
    elif block is not None:
        block.append(line)
PY
            ;;
        csv)
            find Tests Examples -name "*.csv" -exec cp {} "$seeds/" \;
            printf 'a,b\n1,"x, y"\n\n"q""uote",\r\n' >"$seeds/quoted.csv"
            printf 'value [CNY],n\n5,1\n,2\r3,4' >"$seeds/units-cr.csv"
            printf 'a\n1\n\n2\n' >"$seeds/one-column.csv"
            ;;
        json)
            find Tests Examples -name "*.json" -not -path "*/packs/*" -exec cp {} "$seeds/" \;
            find Tests -name "*.ndjson" -exec cp {} "$seeds/" \;
            printf '[{"a":1,"b":"x"},{"a":null,"c":[1,{"d":true}]},{}]' >"$seeds/sparse.json"
            printf '{"a":1}\n{"b":{"value":5,"unit":"CNY"}}\n\n{"a":"\\u00e9\\ud83d\\ude00"}\n' >"$seeds/lines.ndjson"
            printf '\xef\xbb\xbf[{"n":-0.0e+10,"m":1E308}]' >"$seeds/bom-numbers.json"
            ;;
        pack)
            cp Plugins/Regions/packs/*.json Examples/packs/*.json "$seeds/"
            for file in Tests/PluginTests/Fixtures/packs/*.json; do cp "$file" "$seeds/fixture-${file##*/}"; done
            ;;
        plugin-message)
            # The messages of docs/plugins.md, the test fixtures' lines, and one of each typed message.
            python3 - "$seeds" <<'PY'
import glob, json, os, re, sys
seeds = sys.argv[1]
lines = []
for path in ["docs/plugins.md", *sorted(glob.glob("Tests/PluginTests/*.swift"))]:
    for match in re.finditer(r'\{"(?:id|method|params|result)".*\}', open(path).read()):
        lines.append(match.group(0))
lines += [json.dumps(message) for message in [
    {"id": 1, "method": "hello", "params": {"protocol": 1, "alq": "0.1.0"}},
    {"id": 1, "result": {"protocol": 1, "name": "x", "version": "1", "capabilities": ["formats", "region"]}},
    {"id": 2, "result": {"formats": [{"name": "html", "extensions": ["html"], "media_type": "text/html"}],
                         "region": {"id": "r", "name": "R", "aliases": ["a"], "parent": None},
                         "tables": ["facts"], "functions": [{"name": "f", "params": ["a"], "doc": "d"}]}},
    {"id": 3, "method": "table", "params": {"name": "facts"}},
    {"id": 3, "result": {"columns": ["a", "b"], "rows": [[1, "x"], [None, {"value": 5, "unit": "CNY"}]]}},
    {"id": 4, "method": "call", "params": {"function": "f", "args": [1, "x", [True]]}},
    {"id": 4, "result": {"value": {"value": 2.5, "unit": "%"}}},
    {"id": 5, "method": "export.begin", "params": {"format": "html", "columns": [{"name": "a", "type": "integer"}], "rows": 2}},
    {"id": 6, "method": "export.rows", "params": {"rows": [[1], [2.5], [None]]}},
    {"id": 6, "chunk": {"data": "<tr>"}},
    {"id": 7, "result": {"base64": "AAEC/w=="}},
    {"id": 8, "error": {"message": "the disk is full"}},
]]
for number, line in enumerate(lines):
    with open(os.path.join(seeds, f"message-{number}.json"), "w") as handle:
        handle.write(line)
PY
            ;;
    esac
    if [[ -d "Fuzz/Corpus/$name" ]]; then cp Fuzz/Corpus/"$name"/* "$seeds/" 2>/dev/null || true; fi
}

# The longest input worth mutating: scripts and messages are short; a pack must fit whole (the built-in
# ones are up to 40 KB), or every seed would be cut into invalid JSON.
max_len() {
    case "$1" in
        pack) echo 65536 ;;
        json) echo 16384 ;;
        *) echo 4096 ;;
    esac
}

mkdir -p "$out/findings" "$out/logs"
failed=0
for name in "${harnesses[@]}"; do
    seed_corpus "$name"
    corpus="$out/corpus/$name"
    mkdir -p "$corpus"
    log="$out/logs/$name.log"
    echo "fuzz: $name for ${seconds}s"
    set +e
    # -detect_leaks governs libFuzzer's checks between inputs; ASAN_OPTIONS the one when the process ends.
    # shellcheck disable=SC2086
    ASAN_OPTIONS="detect_leaks=${FUZZ_DETECT_LEAKS:-0}${ASAN_OPTIONS:+:$ASAN_OPTIONS}" "$out/bin/fuzz-$name" "$corpus" "$out/seeds/$name" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len="$(max_len "$name")" -print_final_stats=1 -artifact_prefix="$out/findings/$name-" \
        -detect_leaks="${FUZZ_DETECT_LEAKS:-0}" \
        ${FUZZ_JOBS:-} >"$log" 2>&1
    status=$?
    set -e
    executions=$(grep -h "stat::number_of_executed_units" "$log" | awk '{ if ($2 > most) most = $2 } END { print most + 0 }')
    findings=$(grep -c -E "^==[0-9]+==ERROR|^SUMMARY: libFuzzer|deadly signal" "$log" || true)
    printf '%s\t%s\t%s\t%s\n' "$name" "$executions" "$seconds" "$findings" >>"$out/runs.tsv"
    echo "fuzz: $name: $executions executions in ${seconds}s, $findings findings (log: $log)"
    if [[ $status != 0 || $findings != 0 ]]; then
        failed=1
        grep -E -A20 "ERROR|deadly signal|Fatal error" "$log" | head -40 >&2 || true
    fi
done
exit $failed
