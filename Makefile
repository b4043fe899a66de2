# Set-up and the two commands the README gives. Needs only python3 (3.11+) and network
# access to the package registry.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
EXAMPLE ?= examples/articles/drone-images-en.txt
DEMO_DB ?= .demo/factchecks.sqlite

.PHONY: demo test setup setup-test browser bench clean

## demo: set up the runtime environment, put the example fact-checks (examples/factchecks,
## written for claimscope) in a small SQLite store, and check the example article against it
demo: setup
	$(BIN)/claimscope factchecks import examples/factchecks/claimreviews.json --db $(DEMO_DB)
	$(BIN)/claimscope check $(EXAMPLE) --db $(DEMO_DB)

## test: set up the test environment, lint (ruff.toml: syntax errors and pyflakes) and run the whole test suite
test: setup-test
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest

setup: $(VENV)/.runtime

setup-test: $(VENV)/.test browser

## browser: the headless Chromium the web desk's end-to-end tests drive (Debian package)
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

$(VENV)/.runtime: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test: $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

## bench: print the benchmarks' figures
bench: setup
	$(BIN)/python bench/bench_pipeline.py

clean:
	rm -rf $(VENV) .demo build src/*.egg-info .pytest_cache
