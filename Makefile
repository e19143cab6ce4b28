# One entry point for people and CI. `make run` and `make check` are the README's two
# commands; both create the project's own virtual environment (.venv) first, so they work on
# a stock Debian 12 whose system Python refuses pip installs (PEP 668).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
DB ?= data/ekb.duckdb
PYTEST_ARGS ?= -n 2

.PHONY: run check test-fast install install-dev install-browser format lint types layers test bench

$(PY):
	$(PYTHON) -m venv $(VENV)

# Runtime requirements only: the app installs what it runs. The stamp files make a second
# `make run` start at once instead of asking pip again.
$(VENV)/.runtime: requirements.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

# Debian's Chromium for the end-to-end tests (never a browser download of playwright's own).
install-browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

run: install
	$(PY) -m streamlit run dashboard.py

check: install-dev install-browser format lint types layers test

# The inner loop: everything but the browser suites.
test-fast: install-dev
	$(PY) -m pytest $(PYTEST_ARGS) -m "not e2e"

format:
	$(PY) -m ruff format --check .

lint:
	$(PY) -m ruff check .

types:
	$(PY) -m mypy ingest queries charts data ui pages dashboard.py bench tests

# The layer contract in pyproject.toml: one-way data flow, no streamlit below the UI.
layers:
	$(VENV)/bin/lint-imports

test:
	$(PY) -m pytest $(PYTEST_ARGS)

bench: install-dev
	$(PY) bench/bench_queries.py
