# alq — build, run, test, install.
# Every target first makes sure the system packages it needs are present (libedit-dev via apt-get).

PREFIX ?= /usr/local
SWIFT ?= swift
SWIFT_FLAGS ?=
PYTHON ?= python3
RELEASE_FLAGS = -c release --static-swift-stdlib
# The build `make install` installs: release (default), or debug (`make install CONFIG=debug`, which
# make test uses to check the installation without a slow release build).
CONFIG ?= release
CONFIG_FLAGS = $(if $(filter debug,$(CONFIG)),-c debug,$(RELEASE_FLAGS))
BIN_PATH = $$($(SWIFT) build $(SWIFT_FLAGS) $(CONFIG_FLAGS) --show-bin-path)

# The plugin folder alq loads at start (docs/plugins.md): $XDG_DATA_HOME/alq/plugins when XDG_DATA_HOME is
# an absolute path, else ~/.local/share/alq/plugins. `make install` puts the first-party plugins there.
PLUGINDIR ?= $(if $(filter /%,$(XDG_DATA_HOME)),$(XDG_DATA_HOME),$(HOME)/.local/share)/alq/plugins

# The first-party plugins the package builds as executables. `make install` builds and installs those
# that Package.swift declares as products.
PLUGIN_PRODUCTS = alq-xlsx alq-html
DECLARED_PRODUCTS = $(shell $(SWIFT) package dump-package | $(PYTHON) -c \
	'import json, sys; print(" ".join(p["name"] for p in json.load(sys.stdin)["products"]))')

# The Parquet plugin (Plugins/Parquet): Python code run by the Python of its own virtual environment,
# which holds pyarrow from PyPI. Staged as it is installed: the launcher alq-parquet beside the folder
# alq-parquet.d with venv/ and plugin/ (here a link to the sources).
PLUGIN_STAGE = .build/alq-plugins
PARQUET_BUNDLE = $(PLUGIN_STAGE)/alq-parquet.d
PARQUET_VENV = $(PARQUET_BUNDLE)/venv

.PHONY: all deps build release run test lint format install uninstall bench help-catalog chart-images clean man completions \
	fuzz fuzz-smoke parquet-plugin test-deps check-install interrupt-latency

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build $(SWIFT_FLAGS) --product alq

release: deps
	$(SWIFT) build $(SWIFT_FLAGS) $(RELEASE_FLAGS) --product alq

run: build
	@$$($(SWIFT) build $(SWIFT_FLAGS) --show-bin-path)/alq

# Sources, plugins, tests and examples as checked by swift-format with the checked-in .swift-format.
FORMAT_PATHS = Package.swift Sources Plugins Tests Examples Fuzz

lint:
	$(SWIFT) format lint --strict --recursive --parallel $(FORMAT_PATHS)

format:
	$(SWIFT) format --in-place --recursive --parallel $(FORMAT_PATHS)

# The five source documents some dataset tests check the packs against (see CONTRIBUTING.md).
SEEDS_DIR = $${ALQ_SEEDS:-../shared/seeds}

# What the tests need beyond the Swift build: the staged Parquet plugin, DuckDB and openpyxl (Python packages).
test-deps: deps parquet-plugin
	@bash scripts/install-python-packages.sh duckdb openpyxl

test: deps lint test-deps
	$(SWIFT) build $(SWIFT_FLAGS) --build-tests
	ALQ_REQUIRE_PLUGINS=1 $(SWIFT) test $(SWIFT_FLAGS) --skip-build
	$(MAKE) check-install
	@if [ ! -d "$(SEEDS_DIR)" ]; then echo "note: the tests that check the dataset against the seed documents were skipped: no folder $(SEEDS_DIR) (set ALQ_SEEDS; ALQ_REQUIRE_SEEDS=1 makes this a failure)"; fi
	$(MAKE) fuzz-smoke
	@if [ -f bench/run.sh ]; then ALQ_BIN="$$($(SWIFT) build $(SWIFT_FLAGS) --show-bin-path)/alq" bash bench/run.sh --small --check; fi

# `make install` into a temporary folder from the debug build; then the installed alq must find the
# installed plugins in its plugin folder without --plugin (scripts/check-install.sh).
check-install:
	@bash scripts/check-install.sh

parquet-plugin: deps $(PLUGIN_STAGE)/alq-parquet $(PARQUET_BUNDLE)/venv.stamp

$(PARQUET_BUNDLE)/venv.stamp: Plugins/Parquet/requirements.txt
	rm -rf $(PARQUET_VENV)
	$(PYTHON) -m venv $(PARQUET_VENV)
	$(PARQUET_VENV)/bin/python -m pip install -q --disable-pip-version-check -r Plugins/Parquet/requirements.txt
	touch $@

$(PLUGIN_STAGE)/alq-parquet: Plugins/Parquet/alq-parquet
	mkdir -p $(PARQUET_BUNDLE)
	ln -sfn ../../../Plugins/Parquet/plugin $(PARQUET_BUNDLE)/plugin
	install -m 0755 Plugins/Parquet/alq-parquet $@

# libFuzzer harnesses (Fuzz/Harnesses), FUZZ_SECONDS each (default 60); see docs/reliability.md.
FUZZ_SECONDS ?= 60
# The harnesses link other packages' products (swift-system) from the debug build.
fuzz: build
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh

# A short run of every harness (about 15 s each), so that the harnesses keep building and running.
fuzz-smoke: build
	FUZZ_SECONDS=15 bash scripts/fuzz.sh --smoke

# How long Ctrl-C takes to stop each long operation on a 2,000,000-row table, with the release build:
# the pty test InterruptLatencyTests, whose table is printed and kept in .build/interrupt-latency.txt.
interrupt-latency: release
	$(SWIFT) build $(SWIFT_FLAGS) --build-tests
	ALQ_BINARY="$$($(SWIFT) build $(SWIFT_FLAGS) $(RELEASE_FLAGS) --show-bin-path)/alq" \
		$(SWIFT) test $(SWIFT_FLAGS) --skip-build --filter InterruptLatencyTests
	@cat .build/interrupt-latency.txt

# The binary the man page and completion scripts are generated from (that of CONFIG, release by default).
ALQ_BIN ?= $(BIN_PATH)/alq
SHARE = .build/share

# alq.1, generated from the argument parser by swift-argument-parser's generate-manual tool.
man:
	$(SWIFT) build $(SWIFT_FLAGS) --product generate-manual
	mkdir -p $(SHARE)/man
	"$$($(SWIFT) build $(SWIFT_FLAGS) --show-bin-path)/generate-manual" "$(ALQ_BIN)" --output-directory $(SHARE)/man

# bash, zsh and fish completion: options, files, and --format names (asked of alq at completion time).
completions:
	mkdir -p $(SHARE)/completions
	"$(ALQ_BIN)" --generate-completion-script bash > $(SHARE)/completions/alq.bash
	"$(ALQ_BIN)" --generate-completion-script zsh > $(SHARE)/completions/_alq
	"$(ALQ_BIN)" --generate-completion-script fish > $(SHARE)/completions/alq.fish

install: deps parquet-plugin
	$(SWIFT) build $(SWIFT_FLAGS) $(CONFIG_FLAGS) --product alq
	for product in $(filter $(PLUGIN_PRODUCTS),$(DECLARED_PRODUCTS)); do \
		$(SWIFT) build $(SWIFT_FLAGS) $(CONFIG_FLAGS) --product $$product || exit 1; \
	done
	$(MAKE) man completions CONFIG=$(CONFIG)
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/man/man1" \
		"$(DESTDIR)$(PREFIX)/share/bash-completion/completions" "$(DESTDIR)$(PREFIX)/share/zsh/site-functions" \
		"$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d"
	install -m 0755 "$(BIN_PATH)/alq" "$(DESTDIR)$(PREFIX)/bin/alq"
	install -m 0644 $(SHARE)/man/alq.1 "$(DESTDIR)$(PREFIX)/share/man/man1/alq.1"
	install -m 0644 $(SHARE)/completions/alq.bash "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/alq"
	install -m 0644 $(SHARE)/completions/_alq "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_alq"
	install -m 0644 $(SHARE)/completions/alq.fish "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/alq.fish"
	install -d -m 0755 "$(DESTDIR)$(PLUGINDIR)"
	for product in $(filter $(PLUGIN_PRODUCTS),$(DECLARED_PRODUCTS)); do \
		install -m 0755 "$(BIN_PATH)/$$product" "$(DESTDIR)$(PLUGINDIR)/$$product" || exit 1; \
	done
	rm -rf "$(DESTDIR)$(PLUGINDIR)/alq-parquet.d"
	install -d -m 0755 "$(DESTDIR)$(PLUGINDIR)/alq-parquet.d/plugin"
	cp -R $(PARQUET_VENV) "$(DESTDIR)$(PLUGINDIR)/alq-parquet.d/venv"
	install -m 0644 Plugins/Parquet/plugin/*.py "$(DESTDIR)$(PLUGINDIR)/alq-parquet.d/plugin/"
	chmod -R go-w "$(DESTDIR)$(PLUGINDIR)/alq-parquet.d"
	install -m 0755 Plugins/Parquet/alq-parquet "$(DESTDIR)$(PLUGINDIR)/alq-parquet"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/alq" "$(DESTDIR)$(PREFIX)/share/man/man1/alq.1" \
		"$(DESTDIR)$(PREFIX)/share/bash-completion/completions/alq" "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_alq" \
		"$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/alq.fish"
	for product in $(PLUGIN_PRODUCTS) alq-parquet; do rm -f "$(DESTDIR)$(PLUGINDIR)/$$product"; done
	rm -rf "$(DESTDIR)$(PLUGINDIR)/alq-parquet.d"

bench: deps
	bash bench/run.sh

# After editing docs/language.md: regenerate the REPL's help topics from it.
help-catalog: deps
	ALQ_UPDATE_HELP=1 $(SWIFT) test $(SWIFT_FLAGS) --filter HelpCatalogTests

# After changing how charts are drawn: redraw the README's chart images from the example scripts.
CHART_EXAMPLES = output_value_chart guangyuan_capacity_chart guangxi_output_value_chart

chart-images: build
	@for name in $(CHART_EXAMPLES); do \
		"$$($(SWIFT) build $(SWIFT_FLAGS) --show-bin-path)/alq" --format svg "Examples/$$name.alq" > "docs/images/$$name.svg"; \
	done

clean:
	$(SWIFT) package clean
	rm -rf .build bench/out
