#!/usr/bin/env bash
# Checks `make install`: installs alq from the debug build (CONFIG=debug; a release build takes many
# minutes) into a temporary DESTDIR, then runs the installed alq as a user whose plugin folder is the
# installed one. It must find the first-party plugins there without --plugin, list them in `modules`
# with their versions, and export and read Parquet and Excel workbooks with the installed alq-parquet and
# alq-xlsx; `make uninstall`
# must then remove every file. Run by make test (make check-install).
set -euo pipefail
cd "$(dirname "$0")/.."

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "check-install: FAILED: $*" >&2; exit 1; }

# The plugin folder as the user sees it is $XDG_DATA_HOME/alq/plugins, with XDG_DATA_HOME=/data here;
# DESTDIR puts everything under $tmp/root.
root="$tmp/root"
if ! make --no-print-directory install CONFIG=debug DESTDIR="$root" PREFIX=/usr PLUGINDIR=/data/alq/plugins \
    >"$tmp/install.log" 2>&1; then
    tail -n 30 "$tmp/install.log" >&2
    fail "make install failed"
fi

for file in usr/bin/alq usr/share/man/man1/alq.1 usr/share/bash-completion/completions/alq \
    usr/share/zsh/site-functions/_alq usr/share/fish/vendor_completions.d/alq.fish \
    data/alq/plugins/alq-parquet data/alq/plugins/alq-parquet.d/venv/bin/python data/alq/plugins/alq-xlsx; do
    [ -e "$root/$file" ] || fail "make install did not install /$file"
done
grep -q '^\.Dt ALQ 1' "$root/usr/share/man/man1/alq.1" || fail "alq.1 is not a man page"
grep -q 'Show subcommand help' "$root/usr/share/man/man1/alq.1" && fail "alq.1 lists a help subcommand; alq has none"

alq() {
    (cd "$tmp" && env -u ALQ_PLUGIN_PATH HOME="$tmp/home" XDG_DATA_HOME="$root/data" NO_COLOR=1 \
        "$root/usr/bin/alq" "$@")
}

modules="$(alq --format csv -c 'modules | where kind == "format" and origin != "built-in"')" \
    || fail "the installed alq failed to run 'modules'"
echo "$modules" | grep -q "^parquet,format,1\.0\.0,plugin $root/data/alq/plugins/alq-parquet$" \
    || fail "the installed alq did not load the installed alq-parquet from its plugin folder; modules: $modules"

alq -c 'facts | export parquet to "facts.parquet"' || fail "the installed alq-parquet did not export facts"
rows="$(alq -c 'open("facts.parquet") | count')" || fail "the installed alq-parquet did not read facts.parquet"
expected="$(alq -c 'facts | count')"
[ "$rows" = "$expected" ] || fail "facts.parquet read back $rows rows, facts has $expected"
echo "$modules" | grep -q "^xlsx,format,1\.0\.0,plugin $root/data/alq/plugins/alq-xlsx$" \
    || fail "the installed alq did not load the installed alq-xlsx from its plugin folder; modules: $modules"
alq -c 'facts | export xlsx to "facts.xlsx"' || fail "the installed alq-xlsx did not export facts"
rows="$(alq -c 'open("facts.xlsx") | count')" || fail "the installed alq-xlsx did not read facts.xlsx"
[ "$rows" = "$expected" ] || fail "facts.xlsx read back $rows rows, facts has $expected"

make --no-print-directory uninstall DESTDIR="$root" PREFIX=/usr PLUGINDIR=/data/alq/plugins >"$tmp/uninstall.log" 2>&1 \
    || fail "make uninstall failed: $(tail -n 5 "$tmp/uninstall.log")"
left="$(cd "$root" && find . ! -type d)"
[ -z "$left" ] || fail "make uninstall left files behind: $left"

echo "check-install: make install works; the installed alq finds its plugins: $(echo "$modules" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')"
