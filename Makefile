# alq — build, run, test, install.
# Every target first makes sure the system packages it needs are present (libedit-dev via apt-get).

PREFIX ?= /usr/local
SWIFT ?= swift
SWIFT_FLAGS ?=
RELEASE_FLAGS = -c release --static-swift-stdlib

.PHONY: all deps build release run test lint format install uninstall bench help-catalog chart-images clean fuzz fuzz-smoke

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

test: deps lint
	$(SWIFT) build $(SWIFT_FLAGS) --build-tests
	$(SWIFT) test $(SWIFT_FLAGS) --skip-build
	$(MAKE) fuzz-smoke
	@if [ -f bench/run.sh ]; then ALQ_BIN="$$($(SWIFT) build $(SWIFT_FLAGS) --show-bin-path)/alq" bash bench/run.sh --small --check; fi

# libFuzzer harnesses (Fuzz/Harnesses), FUZZ_SECONDS each (default 60); see docs/reliability.md.
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh

# A short run of every harness (about 15 s each), so that the harnesses keep building and running.
fuzz-smoke: deps
	FUZZ_SECONDS=15 bash scripts/fuzz.sh --smoke

install: release
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 0755 "$$($(SWIFT) build $(SWIFT_FLAGS) $(RELEASE_FLAGS) --show-bin-path)/alq" "$(DESTDIR)$(PREFIX)/bin/alq"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/alq"

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
